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

const ARABIC_LETTER_OR_MARK = /[\u0621-\u065F\u0670-\u06D3\u06D5-\u06DC\u06DF-\u06E8\u06EA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/;
const ARABIC_NON_LETTER = /[\u060C\u061B\u061F\u066A-\u066D\u06D4\u0660-\u0669\u06F0-\u06F9]/;
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
const LATIN = /\p{Script=Latin}|\p{M}/u;
const DECIMAL_SEPARATOR = /[.,\u066B\u066C]/;
const PUNCT = /[\p{P}]/u;
/** Joiners that may sit inside an Arabic word without ending it. */
const WORD_INTERNAL = /[\u200C\u200D]/;

export function isArabicLetter(ch: string): boolean {
  return ARABIC_LETTER_OR_MARK.test(ch) && !ARABIC_NON_LETTER.test(ch);
}

type CharKind = TokenKind | 'space' | 'control';
const KINDS: CharKind[] = ['arabic', 'latin', 'number', 'punct', 'symbol', 'space', 'control'];
/** Kind of each UTF-16 unit (index into KINDS + 1), filled on first use; 0 = not yet seen. */
const KIND_OF_UNIT = new Uint8Array(0x10000);

function charKind(ch: string): CharKind {
  const code = ch.charCodeAt(0);
  let k = KIND_OF_UNIT[code];
  if (k === 0) KIND_OF_UNIT[code] = k = KINDS.indexOf(classify(ch)) + 1;
  return KINDS[k - 1];
}

function classify(ch: string): CharKind {
  if (isSpace(ch)) return 'space';
  if (FORMAT_CONTROL.test(ch) && !WORD_INTERNAL.test(ch)) return 'control';
  if (DIGIT.test(ch)) return 'number';
  if (isArabicLetter(ch)) return 'arabic';
  if (LATIN.test(ch) && !PUNCT.test(ch)) return 'latin';
  if (PUNCT.test(ch)) return 'punct';
  return 'symbol';
}

/** Splits text into tokens. Format controls are separators at word edges and are left out of
 * `text` when they sit inside a word (the span then covers them). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    const kind = charKind(ch);
    if (kind === 'space' || kind === 'control') { i++; continue; }
    const start = i;
    if (kind === 'punct' || kind === 'symbol') {
      const cp = text.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      tokens.push({ start, end: i, text: text.slice(start, i), kind });
      continue;
    }
    i++;
    while (i < n) {
      const c = text[i];
      const k = charKind(c);
      if (k === kind) { i++; continue; }
      if (kind === 'arabic' && WORD_INTERNAL.test(c)) { i++; continue; }
      if (kind === 'arabic' && k === 'control' && i + 1 < n && charKind(text[i + 1]) === 'arabic') { i++; continue; }
      if (kind === 'number' && DECIMAL_SEPARATOR.test(c) && i + 1 < n && DIGIT.test(text[i + 1])) { i++; continue; }
      break;
    }
    let end = i;
    while (end > start && (WORD_INTERNAL.test(text[end - 1]) || FORMAT_CONTROL.test(text[end - 1]))) end--;
    tokens.push({ start, end, text: stripFormatControls(text.slice(start, end)), kind });
  }
  return tokens;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly tokens: Token[];
}

const SENTENCE_END = new Set(['.', '!', '?', '؟', '…']);
const LINE_BREAK = /[\n\r\u2028\u2029]/;

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
