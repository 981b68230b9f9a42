// A text as the tagger sees it: sentences of whitespace tokens (punctuation split off, clitics
// attached, as in ANERcorp), each token with its UTF-16 offsets in the text.

import type { Span } from '../model';
import { splitSentences, type Token, tokenize } from '../text/tokenize';

export interface TokenSentence {
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
  readonly texts: readonly string[];
}

export function sentencesOf(text: string, offset = 0): TokenSentence[] {
  return splitSentences(text, tokenize(text)).map((s) => {
    const tokens = s.tokens.map((t) => ({ ...t, start: t.start + offset, end: t.end + offset }));
    return { start: s.start + offset, end: s.end + offset, tokens, texts: tokens.map((t) => t.text) };
  });
}

/** The sentences of the lines that hold `spans` (tokenizing only those lines). */
export function sentencesAround(text: string, spans: readonly Span[]): TokenSentence[] {
  const lines = new Map<number, number>();
  for (const s of spans) {
    const start = text.lastIndexOf('\n', s.start - 1) + 1;
    const newline = text.indexOf('\n', s.end);
    lines.set(start, Math.max(lines.get(start) ?? 0, newline < 0 ? text.length : newline));
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).flatMap(([start, end]) => sentencesOf(text.slice(start, end), start));
}
