// How many actions an annotator needs to turn suggestions into the gold annotations: accept a
// right one; change the type of one whose span is right; fix the boundary of one whose span is
// off (then accept or retype it); reject one that matches nothing; add each gold one no
// suggestion touches.

import { overlaps, type TypedSpan } from '../model';

export interface ActionCounts {
  accept: number;
  changeType: number;
  fixBoundary: number;
  reject: number;
  add: number;
}

export function totalActions(c: ActionCounts): number {
  return c.accept + c.changeType + c.fixBoundary + c.reject + c.add;
}

/** Each suggestion with the gold span it stands for (the exact one, else the most overlapped), each gold span used once. */
function match(suggested: readonly TypedSpan[], gold: readonly TypedSpan[]): { pairs: [TypedSpan, TypedSpan][]; unmatched: number; missed: number } {
  const used = new Set<number>();
  const pairs: [TypedSpan, TypedSpan][] = [];
  let unmatched = 0;
  const order = [...suggested].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const s of order) {
    let best = -1;
    let bestScore = -1;
    gold.forEach((g, i) => {
      if (used.has(i) || !overlaps(g, s)) return;
      const exact = g.start === s.start && g.end === s.end;
      const score = (exact ? 1e6 : 0) + Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best < 0) unmatched++;
    else {
      used.add(best);
      pairs.push([s, gold[best]]);
    }
  }
  return { pairs, unmatched, missed: gold.length - used.size };
}

export function actionsToGold(suggested: readonly TypedSpan[], gold: readonly TypedSpan[]): ActionCounts {
  const { pairs, unmatched, missed } = match(suggested, gold);
  const counts: ActionCounts = { accept: 0, changeType: 0, fixBoundary: 0, reject: unmatched, add: missed };
  for (const [s, g] of pairs) {
    if (g.start !== s.start || g.end !== s.end) counts.fixBoundary++;
    if (g.type === s.type) counts.accept++;
    else counts.changeType++;
  }
  return counts;
}

/**
 * The actions of an annotator who reviews a sentence with the tool's sentence commands, whichever
 * way is shorter: fix each wrong suggestion (reject it, retype it, or annotate the right span over
 * it) and add each missed name, then accept the right ones together (Accept All Suggestions in
 * Sentence); or accept each right one, retype or re-annotate the near misses, add the missed ones,
 * then reject the rest together (Reject All Suggestions in Sentence).
 */
export function sentenceReviewActions(suggested: readonly TypedSpan[], gold: readonly TypedSpan[]): number {
  const { pairs, unmatched, missed } = match(suggested, gold);
  const wrong = pairs.filter(([s, g]) => s.start !== g.start || s.end !== g.end || s.type !== g.type).length;
  const right = pairs.length - wrong;
  const fixThenAcceptRest = unmatched + wrong + missed + (right > 0 ? 1 : 0);
  const acceptThenRejectRest = right + wrong + missed + (unmatched > 0 ? 1 : 0);
  return Math.min(fixThenAcceptRest, acceptThenRejectRest);
}

/**
 * The actions for a sentence whose confident suggestions were accepted unseen (Accept Confident
 * Entity Suggestions) before the review: each accepted one that matches no gold span is rejected;
 * one with the right span and another type is retyped; one with another span takes two (annotate
 * the right span with its type, reject the accepted one). Then the suggestions still shown are
 * reviewed against the gold spans no accepted one stands for, as actionsToGold counts.
 */
export function actionsAfterConfident(accepted: readonly TypedSpan[], shown: readonly TypedSpan[], gold: readonly TypedSpan[]): number {
  const { pairs, unmatched } = match(accepted, gold);
  let actions = unmatched;
  for (const [a, g] of pairs) actions += a.start !== g.start || a.end !== g.end ? 2 : a.type !== g.type ? 1 : 0;
  const taken = new Set(pairs.map(([, g]) => g));
  return actions + totalActions(actionsToGold(shown, gold.filter((g) => !taken.has(g))));
}
