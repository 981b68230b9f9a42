// What an annotator's decisions teach the tagger: the sentences they have finished reviewing,
// labelled with their accepted annotations in BIO over the tagger's native types.

import { overlaps, type Span, type TypedSpan } from '../model';
import type { LabelledExample } from '../tagger';
import { nativeOf } from './nativeTypes';
import type { TokenSentence } from './sentenceTokens';

/**
 * BIO labels of a sentence's tokens from accepted annotations. A token overlapping an annotation
 * takes its type (an annotation that starts after a proclitic still labels the whole token, as
 * ANERcorp does); annotations of types the tagger does not know leave their tokens O.
 */
export function labelSentence(sentence: TokenSentence, accepted: readonly TypedSpan[], nativeTypes: readonly string[]): LabelledExample {
  const labels = sentence.tokens.map(() => 'O');
  for (const a of accepted) {
    const native = nativeOf(a.type, nativeTypes);
    if (!native || !overlaps(a, sentence)) continue;
    let first = true;
    sentence.tokens.forEach((t, i) => {
      if (!overlaps(t, a)) return;
      labels[i] = `${first ? 'B' : 'I'}-${native}`;
      first = false;
    });
  }
  return { tokens: sentence.texts, labels };
}

/**
 * The sentences a set of decisions touched that are now fully reviewed (no suggestion left in
 * them), labelled. A sentence with pending suggestions is not taught: its unreviewed words would
 * be taught as O.
 */
export function reviewedExamples(
  sentences: readonly TokenSentence[],
  touched: readonly Span[],
  accepted: readonly TypedSpan[],
  pending: readonly Span[],
  nativeTypes: readonly string[],
): LabelledExample[] {
  return sentences
    .filter((s) => touched.some((t) => overlaps(t, s) || (t.start === t.end && s.start <= t.start && t.start <= s.end)))
    .filter((s) => !pending.some((p) => overlaps(p, s)))
    .map((s) => labelSentence(s, accepted, nativeTypes));
}
