// Tokenization of Arabic news text into words, numbers, Latin runs and punctuation,
// with UTF-16 offsets into the original text (what VS Code and LSP count).

import { FORMAT_CONTROL, isSpace, stripFormatControls } from './normalize';

export type TokenKind = 'arabic' | 'latin' | 'number' | 'punct' | 'symbol';

export interface Token {
  /** UTF-16 offset of the first unit of the token. */
  readonly start: number;
  /** UTF-16 offset after the last unit (exclusive). */
  readonly end: number;
  /** The token's characters with zero-width and bidi controls removed. */
  readonly text: string;
  readonly kind: TokenKind;
}

const ARABIC_LETTER_OR_MARK = /[\u0610-\u061A\u0621-\u065F\u0670-\u06D3\u06D5-\u06DC\u06DF-\u06E8\u06EA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/;
const ARABIC_NON_LETTER = /[\u060C\u061B\u061F\u066A-\u066D\u06D4\u0660-\u0669\u06F0-\u06F9]/;
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
const LATIN = /\p{Script=Latin}|\p{M}/u;
const PUNCT = /[\p{P}]/u;

export function isArabicLetter(ch: string): boolean {
  return ARABIC_LETTER_OR_MARK.test(ch) && !ARABIC_NON_LETTER.test(ch);
}

// The tokenizer reads UTF-16 units as numbers (a one-unit string per character would be allocated
// for every Arabic letter): the kind of each unit is classified once and kept in a table.
const KINDS = [undefined, 'arabic', 'latin', 'number', 'punct', 'symbol', 'space', 'control'] as const;
const ARABIC = 1;
const NUMBER = 3;
const PUNCT_KIND = 4;
const SYMBOL = 5;
const SPACE = 6;
const CONTROL = 7;
/** Kind of each UTF-16 unit (an index into KINDS), filled on first use; 0 = not yet seen. */
const KIND_OF_UNIT = new Uint8Array(0x10000);

function kindOf(code: number): number {
  let k = KIND_OF_UNIT[code];
  if (k === 0) KIND_OF_UNIT[code] = k = KINDS.indexOf(classify(String.fromCharCode(code)));
  return k;
}

function classify(ch: string): (typeof KINDS)[number] {
  if (isSpace(ch)) return 'space';
  if (FORMAT_CONTROL.test(ch) && !isWordInternal(ch.charCodeAt(0))) return 'control';
  if (DIGIT.test(ch)) return 'number';
  if (isArabicLetter(ch)) return 'arabic';
  if (LATIN.test(ch) && !PUNCT.test(ch)) return 'latin';
  if (PUNCT.test(ch)) return 'punct';
  return 'symbol';
}

/** Joiners (ZWNJ, ZWJ) that may sit inside an Arabic word without ending it. */
const isWordInternal = (c: number): boolean => c === 0x200c || c === 0x200d;
const isDecimalSeparator = (c: number): boolean => c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c;
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Splits text into tokens. Format controls are separators at word edges and are left out of
 * `text` when they sit inside a word (the span then covers them). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const kind = kindOf(text.charCodeAt(i));
    if (kind === SPACE || kind === CONTROL) {
      i++;
      continue;
    }
    const start = i;
    if (kind === PUNCT_KIND || kind === SYMBOL) {
      i += isHighSurrogate(text.charCodeAt(i)) && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
      tokens.push({ start, end: i, text: text.slice(start, i), kind: KINDS[kind] as TokenKind });
      continue;
    }
    i++;
    let controls = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      const k = kindOf(c);
      if (k === kind) {
        i++;
        continue;
      }
      if (kind === ARABIC && (isWordInternal(c) || (k === CONTROL && i + 1 < n && kindOf(text.charCodeAt(i + 1)) === ARABIC))) {
        controls = true;
        i++;
        continue;
      }
      if (kind === NUMBER && isDecimalSeparator(c) && i + 1 < n && kindOf(text.charCodeAt(i + 1)) === NUMBER) {
        i++;
        continue;
      }
      break;
    }
    let end = i;
    // A word takes in only joiners and controls followed by a letter, so it can end on a joiner alone.
    while (end > start && isWordInternal(text.charCodeAt(end - 1))) end--;
    const slice = text.slice(start, end);
    tokens.push({ start, end, text: controls ? stripFormatControls(slice) : slice, kind: KINDS[kind] as TokenKind });
  }
  return tokens;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly tokens: Token[];
}

const SENTENCE_END = new Set(['.', '!', '?', '؟', '…']);
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;

/** Groups tokens into sentences: a sentence ends after . ! ? ؟ … or at a line break. */
export function splitSentences(text: string, tokens: Token[] = tokenize(text)): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length) sentences.push({ start: current[0].start, end: current[current.length - 1].end, tokens: current });
    current = [];
  };
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (current.length && hasLineBreak(text, current[current.length - 1].end, tok.start)) flush();
    current.push(tok);
    if (tok.kind === 'punct' && SENTENCE_END.has(tok.text)) flush();
  }
  flush();
  return sentences;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (LINE_BREAK.test(text[i])) return true;
  return false;
}
