// What an annotator's decisions teach the tagger: the sentences they have finished reviewing,
// labelled with their accepted annotations in BIO over the tagger's native types.

import type { Span, TypedSpan } from '../model';
import { SpanSet } from '../spanSet';
import type { LabelledExample } from '../tagger';
import { labelTokens } from '../tagger/annExamples';
import { nativeOf } from './nativeTypes';
import type { TokenSentence } from './sentenceTokens';

/** A sentence labelled with accepted annotations, over the tagger's native types. */
export function labelSentence(sentence: TokenSentence, accepted: readonly TypedSpan[], nativeTypes: readonly string[]): LabelledExample {
  const native = accepted.flatMap((a) => {
    const type = nativeOf(a.type, nativeTypes);
    return type ? [{ spans: [a], type }] : [];
  });
  return { tokens: sentence.texts, labels: labelTokens(sentence.tokens, native) };
}

/**
 * The sentences a set of decisions touched that are now fully reviewed (no suggestion left in
 * them). A sentence with pending suggestions is not taught: its unreviewed words would be taught
 * as O.
 */
export function reviewedSentences(sentences: readonly TokenSentence[], touched: readonly Span[], pending: readonly Span[]): TokenSentence[] {
  const changed = new SpanSet(touched);
  // An empty span (a deletion's place) touches the sentence it lies in or at the edge of.
  const points = touched.filter((t) => t.start === t.end);
  const left = new SpanSet(pending);
  return sentences
    .filter((s) => changed.overlapsAny(s) || points.some((t) => s.start <= t.start && t.start <= s.end))
    .filter((s) => !left.overlapsAny(s));
}
