// A one-line excerpt around a span, for lists of mentions.

import { isSpace } from './normalize';

export interface Snippet {
  readonly text: string;
  /** Where the span sits inside `text` (UTF-16). */
  readonly start: number;
  readonly end: number;
}

/** About `width` characters of context on each side, cut at spaces, line breaks made spaces. */
export function snippetAround(text: string, start: number, end: number, width = 30): Snippet {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  from = Math.max(from, lineStart);
  if (lineEnd >= 0) to = Math.min(to, lineEnd);
  if (from > lineStart) {
    const space = indexOfSpace(text, from, start);
    if (space >= 0) from = space + 1;
  }
  if (to < (lineEnd < 0 ? text.length : lineEnd)) {
    const space = lastIndexOfSpace(text, end, to);
    if (space >= 0) to = space;
  }
  const before = (from > lineStart ? '… ' : '') + text.slice(from, start);
  const after = text.slice(end, to) + (to < (lineEnd < 0 ? text.length : lineEnd) ? ' …' : '');
  const body = (before + text.slice(start, end) + after).replace(/[\r\n\u2028\u2029]/g, ' ');
  return { text: body, start: before.length, end: before.length + (end - start) };
}

/** First space (any Unicode space) in [from, to), or -1. */
function indexOfSpace(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (isSpace(text[i])) return i;
  return -1;
}

/** Last space in [from, to], or -1. */
function lastIndexOfSpace(text: string, from: number, to: number): number {
  for (let i = to; i >= from; i--) if (isSpace(text[i])) return i;
  return -1;
}
