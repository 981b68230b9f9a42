// Entity-level precision, recall and F1 with conlleval's semantics: a predicted chunk is correct
// when a gold chunk has exactly its start, end and type.

import { chunksOf } from './chunks';

export interface TypeScores {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
  readonly gold: number;
  readonly pred: number;
  readonly correct: number;
}

export interface Evaluation {
  readonly perType: Record<string, TypeScores>;
  readonly micro: TypeScores;
}

/** Sentences of gold and predicted labels, aligned (same number of sentences and tokens). */
export function evaluateConll(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): Evaluation {
  if (gold.length !== pred.length) throw new Error(`${gold.length} gold sentences but ${pred.length} predicted`);
  const counts = new Map<string, { gold: number; pred: number; correct: number }>();
  const count = (type: string) => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { gold: 0, pred: 0, correct: 0 }));
    return c;
  };
  gold.forEach((g, s) => {
    if (g.length !== pred[s].length) throw new Error(`sentence ${s + 1}: ${g.length} gold tokens but ${pred[s].length} predicted`);
    const goldChunks = new Set(chunksOf(g).map((c) => { count(c.type).gold++; return `${c.start}:${c.end}:${c.type}`; }));
    for (const c of chunksOf(pred[s])) {
      const k = count(c.type);
      k.pred++;
      if (goldChunks.has(`${c.start}:${c.end}:${c.type}`)) k.correct++;
    }
  });
  const perType: Record<string, TypeScores> = {};
  const total = { gold: 0, pred: 0, correct: 0 };
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type)!;
    perType[type] = scores(c);
    total.gold += c.gold;
    total.pred += c.pred;
    total.correct += c.correct;
  }
  return { perType, micro: scores(total) };
}

/** Percentages, as conlleval prints them. */
function scores(c: { gold: number; pred: number; correct: number }): TypeScores {
  const p = c.pred ? (100 * c.correct) / c.pred : 0;
  const r = c.gold ? (100 * c.correct) / c.gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, ...c };
}
