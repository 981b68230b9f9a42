// A word's feature ids as the tokens around it see it (its own features at offset 0, its shared
// ones mixed with each neighbour's offset), and a sentence's word bigrams, looked up once in the
// feature table for both passes: they share the table, the first pass reading the ids below its
// feature count.

import type { FeatureExtractor, WordInfo } from './features';
import type { FeatureTable } from './featureTable';

/** Ids of the features at offset o: ids[starts[o + W]] up to ids[starts[o + W + 1]]. */
export interface OffsetIds {
  readonly ids: Int32Array;
  readonly starts: Int32Array;
}

/** Words whose ids are kept: the first pass looks a document's new words up, the second reads them soon after. */
const MAX_CACHED_WORDS = 20000;

export class WordFeatureIds {
  private readonly cache = new Map<WordInfo, OffsetIds>();
  private pad: OffsetIds | undefined;
  private readonly bigramCache = new WeakMap<readonly WordInfo[], Int32Array>();

  constructor(
    private readonly extractor: FeatureExtractor,
    private readonly table: FeatureTable,
  ) {}

  /** The ids of `word` at each offset; `undefined`: a position outside the sentence. */
  of(word: WordInfo | undefined): OffsetIds {
    if (!word) return (this.pad ??= this.lookUp(undefined));
    let found = this.cache.get(word);
    if (!found) {
      if (this.cache.size >= MAX_CACHED_WORDS) this.cache.clear();
      this.cache.set(word, (found = this.lookUp(word)));
    }
    return found;
  }

  /** The ids of each token's word bigrams, left and right (2n, -1: not in the table), by the sentence's words array. */
  bigrams(words: readonly WordInfo[]): Int32Array {
    let ids = this.bigramCache.get(words);
    if (!ids) {
      ids = new Int32Array(2 * words.length);
      for (let t = 0; t < words.length; t++) {
        ids[2 * t] = this.table.get(this.extractor.bigramLeft(words, t));
        ids[2 * t + 1] = this.table.get(this.extractor.bigramRight(words, t));
      }
      this.bigramCache.set(words, ids);
    }
    return ids;
  }

  private lookUp(word: WordInfo | undefined): OffsetIds {
    const W = this.extractor.window;
    const hashes: number[] = [];
    const starts = new Int32Array(2 * W + 2);
    for (let o = -W; o <= W; o++) {
      starts[o + W] = hashes.length;
      if (o !== 0 || word) this.extractor.wordHashes(word, o, hashes);
    }
    starts[2 * W + 1] = hashes.length;
    // The ids of the features the model has: each offset's start moves back as hashes are left out.
    const ids = new Int32Array(hashes.length);
    let m = 0;
    for (let s = 0; s <= 2 * W; s++) {
      const from = starts[s];
      const to = starts[s + 1];
      starts[s] = m;
      for (let k = from; k < to; k++) {
        const id = this.table.get(hashes[k]);
        if (id >= 0) ids[m++] = id;
      }
    }
    starts[2 * W + 1] = m;
    return { ids: ids.subarray(0, m), starts };
  }
}
