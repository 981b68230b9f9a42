// Matching normalization: a view of the text in which spelling variants compare equal.
// The document itself is never changed; `toOriginal` maps every normalized offset back.

const DIACRITIC_OR_TATWEEL = /[\u064B-\u0652\u0670\u0640]/;

/** Zero-width and bidi control characters: invisible, never part of a word's identity. */
export const FORMAT_CONTROL = /[\u200B-\u200F\u061C\u2066-\u2069\u202A-\u202E\uFEFF]/;
const FORMAT_CONTROLS = new RegExp(FORMAT_CONTROL.source, 'g');

export function stripFormatControls(s: string): string {
  return s.replace(FORMAT_CONTROLS, '');
}

const CHAR_MAP: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
  'ى': 'ي', 'ی': 'ي', 'ک': 'ك', 'ة': 'ه',
};
for (let d = 0; d < 10; d++) {
  CHAR_MAP[String.fromCharCode(0x0660 + d)] = String(d);
  CHAR_MAP[String.fromCharCode(0x06f0 + d)] = String(d);
}

/** True for a UTF-16 unit that normalization drops (diacritics, tatweel, format controls). */
export function isDroppedInMatching(ch: string): boolean {
  return DIACRITIC_OR_TATWEEL.test(ch) || FORMAT_CONTROL.test(ch);
}

/** Normalizes one word or phrase for lookups (no offset map). */
export function normalizeForMatching(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (isDroppedInMatching(ch)) continue;
    out += CHAR_MAP[ch] ?? (isSpace(ch) ? ' ' : ch);
  }
  return out;
}

export interface NormalizedText {
  readonly text: string;
  /** toOriginal[i] is the UTF-16 offset in the source of normalized offset i; length text.length + 1. */
  readonly toOriginal: Int32Array;
}

/** Normalizes a whole text, keeping a map from every normalized offset to the original one. */
export function normalizeWithMap(source: string): NormalizedText {
  const parts: string[] = [];
  const map = new Int32Array(source.length + 1);
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (isDroppedInMatching(ch)) continue;
    parts.push(CHAR_MAP[ch] ?? (isSpace(ch) ? ' ' : ch));
    map[n++] = i;
  }
  map[n] = source.length;
  return { text: parts.join(''), toOriginal: map.slice(0, n + 1) };
}

const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;

/** Any Unicode space or line break, NO-BREAK SPACE included. */
export function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}
