// Matching normalization: a view of the text in which spelling variants compare equal.
// The document itself is never changed; `toOriginal` maps every normalized offset back.

/** Harakat, tatweel, and the marks written above or below letters (honorifics ؑ ؐ, small high letters, Quranic signs). */
const DIACRITIC_OR_TATWEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u0640\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED]/;

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

/** What matching makes of each UTF-16 unit: its replacement, or DROPPED. Filled on first use. */
const DROPPED = 0xffff;
const UNSEEN = 0xfffe;
const TABLE = new Uint16Array(0x10000).fill(UNSEEN);

function mapUnit(code: number): number {
  let m = TABLE[code];
  if (m === UNSEEN) {
    const ch = String.fromCharCode(code);
    m = DIACRITIC_OR_TATWEEL.test(ch) || FORMAT_CONTROL.test(ch)
      ? DROPPED
      : (CHAR_MAP[ch] ?? (isSpace(ch) ? ' ' : ch)).charCodeAt(0);
    TABLE[code] = m;
  }
  return m;
}

/** True for a UTF-16 unit that normalization drops (diacritics, tatweel, format controls). */
export function isDroppedInMatching(ch: string): boolean {
  return isDroppedUnit(ch.charCodeAt(0));
}

/** The same for a UTF-16 code unit. */
export function isDroppedUnit(code: number): boolean {
  return mapUnit(code) === DROPPED;
}

/** Normalizes one word or phrase for lookups (no offset map). */
export function normalizeForMatching(s: string): string {
  let i = 0;
  while (i < s.length && mapUnit(s.charCodeAt(i)) === s.charCodeAt(i)) i++;
  if (i === s.length) return s;
  const codes: number[] = [];
  for (let k = 0; k < i; k++) codes.push(s.charCodeAt(k));
  for (; i < s.length; i++) {
    const m = mapUnit(s.charCodeAt(i));
    if (m !== DROPPED) codes.push(m);
  }
  return fromCodes(codes);
}

export interface NormalizedText {
  readonly text: string;
  /** toOriginal[i] is the UTF-16 offset in the source of normalized offset i; length text.length + 1. */
  readonly toOriginal: Int32Array;
}

/** Normalizes a whole text, keeping a map from every normalized offset to the original one. */
export function normalizeWithMap(source: string): NormalizedText {
  const codes: number[] = [];
  const map = new Int32Array(source.length + 1);
  for (let i = 0; i < source.length; i++) {
    const m = mapUnit(source.charCodeAt(i));
    if (m === DROPPED) continue;
    map[codes.length] = i;
    codes.push(m);
  }
  map[codes.length] = source.length;
  return { text: fromCodes(codes), toOriginal: map.slice(0, codes.length + 1) };
}

function fromCodes(codes: number[]): string {
  let out = '';
  for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode(...codes.slice(k, k + 8192));
  return out;
}

const SPACE = /[\s\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;

/** Any Unicode space or line break, NO-BREAK SPACE included. */
export function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}
