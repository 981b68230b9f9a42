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

export function actionsToGold(suggested: readonly TypedSpan[], gold: readonly TypedSpan[]): ActionCounts {
  const counts: ActionCounts = { accept: 0, changeType: 0, fixBoundary: 0, reject: 0, add: 0 };
  const used = new Set<number>();
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
    if (best < 0) {
      counts.reject++;
      continue;
    }
    used.add(best);
    const g = gold[best];
    if (g.start !== s.start || g.end !== s.end) counts.fixBoundary++;
    if (g.type === s.type) counts.accept++;
    else counts.changeType++;
  }
  counts.add = gold.length - used.size;
  return counts;
}
