// Training sentences from an article annotated in Tawsim (its text and brat .ann): the text's
// tokens and sentences as the editor cuts them, each token labelled with the type of the
// annotation it overlaps (B- on the first such token of a sentence, I- after), any tag set.

import { loadAnn } from '../formats/annFile';
import { lineOfId } from '../formats/brat';
import type { Span, TypedSpan } from '../model';
import { spanKey } from '../suggest/resolve';
import { splitSentences, tokenize } from '../text/tokenize';
import type { LabelledExample } from './types';

export interface AnnExamples {
  readonly examples: LabelledExample[];
  /** Lines of the .ann that could not be used (1-based line, reason). */
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

export interface AnnExampleOptions {
  /** The tag a type becomes, undefined to leave it out (O); by default the type itself. */
  readonly tagOf?: (type: string) => string | undefined;
  /**
   * Only the sentences the annotator worked on: those holding an annotation or one of these
   * rejected suggestions, not counting the annotations taken `unseen` (Accept Confident Entity
   * Suggestions, no decision in their sentence since). Other sentences may never have been
   * reviewed; learning them would teach their names as no entity.
   */
  readonly reviewedOnly?: { readonly rejected: readonly Span[]; readonly unseen?: readonly TypedSpan[] };
}

export function examplesFromAnn(text: string, annContent: string, options: AnnExampleOptions = {}): AnnExamples {
  const loaded = loadAnn(text, annContent);
  // Event triggers are words that say what happened, not entities: they are left out as CoNLL export leaves them.
  const triggers = new Set(loaded.events.map((e) => e.trigger));
  const usable = loaded.annotations.filter((a) => a.problem === undefined && !triggers.has(a.id));
  const { tagOf = (type: string) => type, reviewedOnly } = options;
  const tagged = usable.flatMap((a) => {
    const type = tagOf(a.type);
    return type === undefined ? [] : [{ spans: a.spans, type }];
  });
  const unseen = new Set((reviewedOnly?.unseen ?? []).map(spanKey));
  const seen = loaded.annotations.filter((a) => !(a.spans.length === 1 && unseen.has(spanKey({ type: a.type, ...a.spans[0] }))));
  const worked = reviewedOnly && [...seen.flatMap((a) => a.spans), ...reviewedOnly.rejected];
  const sentences = splitSentences(text, tokenize(text)).filter(
    (sentence) => !worked || worked.some((w) => sentence.tokens.some((t) => t.start < w.end && w.start < t.end)),
  );
  const examples = sentences.map((sentence) => ({
    tokens: sentence.tokens.map((t) => t.text),
    labels: labelTokens(sentence.tokens, tagged),
  }));
  const problems = [...loaded.problems, ...loaded.annotations.filter((a) => a.problem !== undefined).map((a) => ({ line: lineOfId(annContent, a.id), message: `${a.id}: ${a.problem}` }))];
  return { examples, problems };
}

/**
 * BIO labels of a sentence's tokens from typed annotations: a token takes the type of the
 * annotation it overlaps (an annotation that starts after a proclitic still labels the whole
 * token, as ANERcorp does), B- on an annotation's first token, I- after; a token overlapping two
 * annotations takes the earlier one.
 */
export function labelTokens(tokens: readonly Span[], annotations: readonly { readonly spans: readonly Span[]; readonly type: string }[]): string[] {
  const fragments = annotations
    .flatMap((a, id) => a.spans.map((s) => ({ start: s.start, end: s.end, type: a.type, id })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let previous = -1;
  return tokens.map((t) => {
    const f = fragments.find((x) => x.start < t.end && t.start < x.end);
    const label = f ? `${f.id === previous ? 'I' : 'B'}-${f.type}` : 'O';
    previous = f ? f.id : -1;
    return label;
  });
}
