// What labelled text says about words: for each word stem, how often it was outside any entity
// and how often inside one of each type; and the multi-word entity names seen, with their type.
// Training builds one per cross-validation fold from the other folds (so that the model learns how
// far to trust it on names it has not seen), and one from all the training data for run time; the
// online learner adds the annotator's decisions to it.

import { chunksOf } from './chunks';
import type { LabelSet } from './labels';
import { PhraseIndex } from '../suggest/phraseIndex';

export interface LexiconEntry {
  /** counts[0]: outside any entity; counts[1 + t]: inside an entity of type t. */
  readonly counts: Float64Array;
}

/** The best type of the longest known multi-word name covering a token, and whether the token begins it. */
export interface PhraseMatch {
  readonly type: number;
  readonly begin: boolean;
}

export class Lexicon {
  readonly words = new Map<string, LexiconEntry>();
  /** Multi-word entity names by stems; counts per type. */
  private readonly phrases = new PhraseIndex<LexiconEntry>((a, b) => {
    for (let i = 0; i < a.counts.length; i++) a.counts[i] += b.counts[i];
    return a;
  });
  private readonly phraseList: { stems: readonly string[]; entry: LexiconEntry }[] = [];

  /** Grows with every change, so that views can tell when their cache is stale. */
  version = 0;

  constructor(readonly types: number) {}

  /** Adds a labelled sentence (stems and BIO labels), each observation counted `weight` times. */
  add(stems: readonly string[], labels: readonly string[], labelSet: LabelSet, weight = 1): void {
    this.version++;
    const inside = this.chunkTypes(stems, labels, labelSet, (name, t) => this.addPhrase(name, t, weight));
    stems.forEach((s, k) => this.entry(s).counts[inside[k] + 1] += weight);
  }

  /**
   * Takes back a sentence added with the same weight (a document's lexicon follows its edits; the
   * online learner forgets a step). A word or name whose counts fall to zero goes, as if it had
   * never been added.
   */
  remove(stems: readonly string[], labels: readonly string[], labelSet: LabelSet, weight = 1): void {
    this.version++;
    const inside = this.chunkTypes(stems, labels, labelSet, (name, t) => this.removePhrase(name, t, weight));
    stems.forEach((s, k) => {
      const e = this.words.get(s)!;
      e.counts[inside[k] + 1] -= weight;
      if (e.counts.every((c) => c === 0)) this.words.delete(s);
    });
  }

  /** The type of the entity each token is in (-1: outside); `onName` sees each multi-word one. */
  private chunkTypes(stems: readonly string[], labels: readonly string[], labelSet: LabelSet, onName: (stems: readonly string[], type: number) => void): Int32Array {
    const inside = new Int32Array(stems.length).fill(-1);
    for (const c of chunksOf(labels)) {
      const t = labelSet.types.indexOf(c.type);
      if (t < 0) continue;
      for (let k = c.start; k < c.end; k++) inside[k] = t;
      if (c.end - c.start > 1) onName(stems.slice(c.start, c.end), t);
    }
    return inside;
  }

  private removePhrase(stems: readonly string[], type: number, weight: number): void {
    const entry = this.phrases.get(stems)!;
    entry.counts[type + 1] -= weight;
    if (!entry.counts.every((c) => c === 0)) return;
    this.phrases.delete(stems);
    this.phraseList.splice(this.phraseList.findIndex((p) => p.entry === entry), 1);
  }

  addPhrase(stems: readonly string[], type: number, weight: number): void {
    const counts = new Float64Array(this.types + 1);
    counts[type + 1] = weight;
    this.addCounts(stems, counts);
  }

  /** Adds a multi-word name with its counts (outside, then per type). */
  addCounts(stems: readonly string[], counts: Float64Array): void {
    this.version++;
    const before = this.phrases.size;
    const entry = { counts };
    this.phrases.add(stems, entry);
    if (this.phrases.size > before) this.phraseList.push({ stems, entry });
  }

  private entry(stem: string): LexiconEntry {
    let e = this.words.get(stem);
    if (!e) this.words.set(stem, (e = { counts: new Float64Array(this.types + 1) }));
    return e;
  }

  /** For each token, the best type of the longest known multi-word name covering it: [type, B?] or undefined. */
  phraseMatches(stems: readonly string[]): (PhraseMatch | undefined)[] {
    const out: (PhraseMatch | undefined)[] = stems.map(() => undefined);
    for (let i = 0; i < stems.length; i++) {
      const m = this.phrases.longest(stems[i], stems, i);
      if (!m) continue;
      const type = argmax(m.value.counts, 1) - 1;
      for (let k = 0; k < m.length; k++) out[i + k] ??= { type, begin: k === 0 };
    }
    return out;
  }

  /** Every multi-word name (for saving). */
  get phraseEntries(): readonly { stems: readonly string[]; entry: LexiconEntry }[] {
    return this.phraseList;
  }

  /** Adds every count of `other` (same types). */
  addLexicon(other: Lexicon): void {
    this.version++;
    for (const [stem, e] of other.words) {
      const mine = this.entry(stem).counts;
      for (let i = 0; i < mine.length; i++) mine[i] += e.counts[i];
    }
    for (const p of other.phraseList) this.addCounts(p.stems, p.entry.counts.slice());
  }

  /** A copy that can be extended without touching this one. */
  clone(): Lexicon {
    const copy = new Lexicon(this.types);
    for (const [s, e] of this.words) copy.words.set(s, { counts: e.counts.slice() });
    for (const p of this.phraseList) {
      const entry = { counts: p.entry.counts.slice() };
      copy.phrases.add(p.stems, entry);
      copy.phraseList.push({ stems: p.stems, entry });
    }
    return copy;
  }
}

/** Index of the largest value of `xs` from `from` on. */
export function argmax(xs: ArrayLike<number>, from = 0): number {
  let best = from;
  for (let i = from + 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
}
