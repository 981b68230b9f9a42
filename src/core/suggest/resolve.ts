// Combining proposals: one suggestion per span and type, no two suggestions overlapping, nothing
// over an accepted span, no rejected span+type.

import { overlaps, type Span, type Suggestion, type TypedSpan } from '../model';
import { SpanSet } from '../spanSet';

/**
 * A span that contains another and is at most this much less confident stands for it: the longer
 * proposal was built around the shorter one's evidence (مطار بغداد الدولي over بغداد, كتائب حزب الله
 * over حزب الله). Crossing spans are decided by confidence alone.
 */
const NESTING_MARGIN = 0.3;

export function spanKey(s: TypedSpan): string {
  return `${s.start}:${s.end}:${s.type}`;
}

/** Non-overlapping suggestions sorted by start. */
export function resolveOverlaps(candidates: readonly Suggestion[]): Suggestion[] {
  if (candidates.length <= 1) return [...candidates];
  const best = new Map<string, Suggestion>();
  for (const c of candidates) {
    const key = spanKey(c);
    const prev = best.get(key);
    if (!prev || c.confidence > prev.confidence) best.set(key, c);
  }
  const sorted = [...best.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Suggestion[] = [];
  let cluster: Suggestion[] = [];
  let clusterEnd = -1;
  for (const c of sorted) {
    if (cluster.length && c.start >= clusterEnd) {
      out.push(...pick(cluster));
      cluster = [];
    }
    cluster.push(c);
    clusterEnd = Math.max(clusterEnd, c.end);
  }
  out.push(...pick(cluster));
  return out;
}

/** Chooses non-overlapping members of a cluster of overlapping candidates. */
function pick(cluster: Suggestion[]): Suggestion[] {
  if (cluster.length <= 1) return cluster;
  const chosen: Suggestion[] = [];
  let rest = cluster;
  while (rest.length) {
    const winner =
      rest.find((a) => rest.every((b) => b === a || !overlaps(a, b) || beats(a, b))) ??
      rest.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    chosen.push(winner);
    rest = rest.filter((b) => b !== winner && !overlaps(b, winner));
  }
  return chosen.sort((a, b) => a.start - b.start);
}

function beats(a: Suggestion, b: Suggestion): boolean {
  if (contains(a, b)) return a.confidence >= b.confidence - NESTING_MARGIN;
  if (contains(b, a)) return !(b.confidence >= a.confidence - NESTING_MARGIN);
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return a.end - a.start > b.end - b.start || (a.end - a.start === b.end - b.start && a.start < b.start);
}

function contains(a: Span, b: Span): boolean {
  return a.start <= b.start && b.end <= a.end && a.end - a.start > b.end - b.start;
}

/** Drops suggestions that overlap an accepted span or repeat a rejected span+type. */
export function excludeDecided(
  suggestions: readonly Suggestion[],
  accepted: readonly Span[],
  rejected: ReadonlySet<string>,
): Suggestion[] {
  const taken = new SpanSet(accepted);
  return suggestions.filter((s) => !rejected.has(spanKey(s)) && !taken.overlapsAny(s));
}
