// The lines of a request's text (the unit of the engine's cache), and the annotator's decisions
// assigned to the lines they touch.

import type { TypedSpan } from '../model';
import { spanKey } from './resolve';
import type { SuggestRequest } from './types';

/** A line of the request, with the decisions that touch it (line-relative offsets). */
export interface DecidedLine {
  /** Offset of the line in the text. */
  readonly start: number;
  accepted?: TypedSpan[];
  /** spanKey of each rejected span+type. */
  rejected?: Set<string>;
}

/** Gives each line the accepted spans and rejected span+types that touch it, line-relative. */
export function attachDecisions(lines: readonly DecidedLine[], request: Pick<SuggestRequest, 'accepted' | 'rejected'>): void {
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const a of request.accepted) {
    for (let i = lineOf(a.start); i <= lineOf(Math.max(a.start, a.end - 1)); i++) {
      const line = lines[i];
      (line.accepted ??= []).push({ start: a.start - line.start, end: a.end - line.start, type: a.type });
    }
  }
  for (const r of request.rejected) {
    const line = lines[lineOf(r.start)];
    (line.rejected ??= new Set()).add(spanKey({ start: r.start - line.start, end: r.end - line.start, type: r.type }));
  }
}

/** A line longer than this is cut after its sentences, so that an edit re-analyses one sentence. */
export const LONG_LINE = 2000;
/** A sentence end followed by a space: no proposal spans it (proposers stop at punctuation). */
const SENTENCE_BREAK = /[.!?؟…]\s+/g;

/**
 * Lines of the text with their offsets, cut at every line break the tokenizer knows (so that no
 * proposal spans one), and a line longer than LONG_LINE cut after sentence ends into pieces of
 * about that length.
 */
export function* splitLines(text: string): Generator<{ start: number; text: string }> {
  // The tokenizer's line breaks, CR LF counting as one.
  const lineEnd = /\r\n|[\n\r\u0085\u2028\u2029]/g;
  let start = 0;
  for (let m = lineEnd.exec(text); ; m = lineEnd.exec(text)) {
    const end = m ? m.index : text.length;
    if (end - start <= LONG_LINE) yield { start, text: text.slice(start, end) };
    else yield* splitLongLine(text, start, end);
    if (!m) return;
    start = end + m[0].length;
  }
}

function* splitLongLine(text: string, start: number, end: number): Generator<{ start: number; text: string }> {
  const line = text.slice(start, end);
  let from = 0;
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(line); m; m = SENTENCE_BREAK.exec(line)) {
    const cut = m.index + m[0].length;
    if (cut - from >= LONG_LINE) {
      yield { start: start + from, text: line.slice(from, cut) };
      from = cut;
    }
  }
  yield { start: start + from, text: line.slice(from) };
}
