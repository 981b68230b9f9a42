// CoNLL export (IOB2): one `token TAG` a line, a blank line after each sentence.
// Tokens and sentences come from the tokenizer; a token is cut at every annotation boundary that
// falls inside it, so a proclitic outside an entity becomes its own token (`ب O`, `القاهرة B-GPE`).
// Every fragment of a discontinuous annotation is tagged as its own mention: the second fragment
// starts with B- again. A mention cut by a sentence end starts with B- in the next sentence. CoNLL
// cannot nest: of overlapping annotations the earliest (then longest) one is kept, the others are
// reported.

import { splitSentences, tokenize } from '../text/tokenize';
import { stripFormatControls } from '../text/normalize';
import type { ExportSpan } from './types';

export interface ConllResult {
  readonly conll: string;
  /** Annotations left out, with the reason. */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

interface Fragment {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly id: string;
}

export function toConll(text: string, annotations: readonly ExportSpan[]): ConllResult {
  const skipped: { id: string; reason: string }[] = [];
  const fragments = chooseFragments(annotations, skipped);
  const cuts = [...new Set(fragments.flatMap((f) => [f.start, f.end]))].sort((a, b) => a - b);
  const tagged = new Set<Fragment>();
  const lines: string[] = [];
  for (const sentence of splitSentences(text, tokenize(text))) {
    let previous: Fragment | undefined;
    const before = lines.length;
    for (const token of sentence.tokens) {
      const inside = cuts.filter((c) => c > token.start && c < token.end);
      const bounds = [token.start, ...inside, token.end];
      for (let i = 0; i + 1 < bounds.length; i++) {
        const piece = stripFormatControls(text.slice(bounds[i], bounds[i + 1]));
        if (piece === '') continue;
        const fragment = fragments.find((f) => f.start <= bounds[i] && bounds[i + 1] <= f.end);
        const tag = fragment ? `${fragment === previous ? 'I' : 'B'}-${fragment.type}` : 'O';
        if (fragment) tagged.add(fragment);
        previous = fragment;
        lines.push(`${piece} ${tag}`);
      }
    }
    if (lines.length > before) lines.push('');
  }
  for (const f of fragments) {
    if (!tagged.has(f) && !skipped.some((s) => s.id === f.id)) skipped.push({ id: f.id, reason: 'covers no token (only spaces or invisible characters)' });
  }
  return { conll: lines.join('\n') + (lines.length ? '\n' : ''), skipped };
}

/** Fragments of the annotations that do not overlap an earlier (or, at the same start, longer) one. */
function chooseFragments(annotations: readonly ExportSpan[], skipped: { id: string; reason: string }[]): Fragment[] {
  const extent = (a: ExportSpan) => [a.spans[0].start, a.spans[a.spans.length - 1].end];
  const ordered = [...annotations].sort((a, b) => extent(a)[0] - extent(b)[0] || extent(b)[1] - extent(a)[1]);
  const kept: Fragment[] = [];
  for (const a of ordered) {
    const clash = kept.find((k) => a.spans.some((s) => s.start < k.end && k.start < s.end));
    if (clash) {
      skipped.push({ id: a.id, reason: `overlaps ${clash.id}, and CoNLL cannot nest annotations` });
      continue;
    }
    for (const s of a.spans) kept.push({ start: s.start, end: s.end, type: a.type, id: a.id });
  }
  return kept.sort((x, y) => x.start - y.start);
}
