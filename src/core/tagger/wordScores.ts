// Emission scores at run time, fast: most of a token's features come from single words (its own,
// and its neighbours' as seen from its position, embeddings included), so their weights are
// summed once per word and offset, and a token adds up 2W + 1 cached vectors plus its two word
// bigrams. The extra features (lexicon, gazetteer names, rules, document) come as lists of hashes
// that many tokens share, so their weights are summed once per list, as seen from each neighbour.
// Training scores the same features one by one (CrfParams.emissions); a test checks that both
// agree. The caches must be cleared when the sparse weights change; the dense (embedding) weights
// never change after training (the online learner leaves them), so their sums per row are kept.

import type { Vector } from './crf';
import type { CrfParams, Embeddings } from './crfParams';
import type { Extras, FeatureExtractor, WordInfo } from './features';
import type { FeatureTable } from './featureTable';
import type { WordFeatureIds } from './wordFeatureIds';

const MAX_CACHED_WORDS = 100000;
/** Vocabulary rows whose dense sums are kept (a row's words stay cached with their own sums). */
const MAX_CACHED_ROWS = 20000;

export class WordScores {
  /** Per word: the summed weights of its hashes and embedding at each offset ((2S + 1) × L). */
  private readonly cache = new Map<WordInfo, Float64Array>();
  /** Per list of a token's extra hashes (lists are shared between tokens): their summed weights at offsets -1, 0, 1 (3 × L). */
  private extraCache = new WeakMap<Uint32Array, Float64Array>();
  /** The same for the positions outside the sentence. */
  private pad: Float64Array | undefined;
  /**
   * Per vocabulary row: its embedding's dense scores at each offset ((2S + 1) × L), shared by the
   * words of that row (وبغداد، لبغداد، بغداد). Kept by clear(): learning never changes the dense weights.
   */
  private readonly denseCache = new Map<number, Float64Array>();

  constructor(
    private readonly crf: CrfParams,
    private readonly extractor: FeatureExtractor,
    private readonly table: FeatureTable,
    /** Shared with the other pass's scores. */
    private readonly ids: WordFeatureIds,
    private readonly embeddings: Embeddings | undefined,
  ) {
    this.span = Math.max(extractor.window, embeddings && crf.dense.length ? crf.window : 0);
  }

  /** S: the farthest offset at which a word counts (its features or its embedding). */
  private readonly span: number;

  clear(): void {
    this.cache.clear();
    this.extraCache = new WeakMap();
    this.pad = undefined;
  }

  /** Emission scores (n × L) of a sentence's words, `extras` as in FeatureExtractor.contextHashes. */
  emissions(words: readonly WordInfo[], extras: Extras): Float64Array {
    const L = this.crf.labels.size;
    const W = this.span;
    const n = words.length;
    const em = new Float64Array(n * L);
    const pad = this.padSums();
    const sums = words.map((w) => this.sums(w));
    const extraSums = extras.map((extra) => extra.map((hashes) => (hashes.length ? this.extraSums(hashes) : undefined)));
    const E = this.extractor.window > 0 ? 1 : 0;
    const bigrams = this.extractor.has('word') && W > 0 ? this.ids.bigrams(words) : undefined;
    // What token t adds up: the vectors[k] from froms[k] (its window's word sums, then its extras'),
    // with the weight rows of its two bigrams after the window's.
    const vectors: Float64Array[] = [];
    const froms: number[] = [];
    for (let t = 0; t < n; t++) {
      let count = 0;
      for (let o = -W; o <= W; o++) {
        const u = t + o;
        vectors[count] = u >= 0 && u < n ? sums[u] : pad;
        froms[count++] = (o + W) * L;
      }
      const window = count;
      for (const list of extraSums) {
        for (let o = -E; o <= E; o++) {
          const u = t + o;
          const v = u >= 0 && u < n ? list[u] : undefined;
          if (!v) continue;
          vectors[count] = v;
          froms[count++] = (o + 1) * L;
        }
      }
      const left = bigrams ? this.rowStart(bigrams[2 * t]) : -1;
      const right = bigrams ? this.rowStart(bigrams[2 * t + 1]) : -1;
      addUp(em, t * L, L, vectors, froms, window, count, this.crf.weights, left, right);
    }
    return em;
  }

  /** Where feature `id`'s weights start, -1 for none (not a feature of this CRF). */
  private rowStart(id: number): number {
    return id >= 0 && id < this.crf.nFeatures ? id * this.crf.labels.size : -1;
  }

  /** The summed weights of a token's extra hashes as its neighbours see them (offset -1: it is the next token's left neighbour). */
  private extraSums(hashes: Uint32Array): Float64Array {
    let s = this.extraCache.get(hashes);
    if (!s) {
      const L = this.crf.labels.size;
      s = new Float64Array(3 * L);
      for (const h of hashes) {
        this.add(s, 0, this.extractor.seenFromRight(h));
        this.add(s, L, h);
        this.add(s, 2 * L, this.extractor.seenFromLeft(h));
      }
      this.extraCache.set(hashes, s);
    }
    return s;
  }

  private add(out: Float64Array, at: number, hash: number): void {
    const id = this.table.get(hash);
    if (id < 0 || id >= this.crf.nFeatures) return;
    const L = this.crf.labels.size;
    const w = this.crf.weights;
    for (let y = 0; y < L; y++) out[at + y] += w[id * L + y];
  }

  private sums(word: WordInfo): Float64Array {
    let s = this.cache.get(word);
    if (!s) {
      if (this.cache.size >= MAX_CACHED_WORDS) this.cache.clear();
      this.cache.set(word, (s = this.compute(word)));
    }
    return s;
  }

  private padSums(): Float64Array {
    return (this.pad ??= this.compute(undefined));
  }

  private compute(word: WordInfo | undefined): Float64Array {
    const L = this.crf.labels.size;
    const S = this.span;
    const W = this.extractor.window;
    const s = new Float64Array((2 * S + 1) * L);
    const { ids, starts } = this.ids.of(word);
    for (let o = -W; o <= W; o++) sumRows(s, (o + S) * L, this.crf, ids, starts[o + W], starts[o + W + 1]);
    if (word && word.row >= 0 && this.embeddings && this.crf.dense.length) {
      const dense = this.denseSums(word.row, this.embeddings);
      for (let i = 0; i < s.length; i++) s[i] += dense[i];
    }
    return s;
  }

  private denseSums(row: number, embeddings: Embeddings): Float64Array {
    let d = this.denseCache.get(row);
    if (!d) {
      if (this.denseCache.size >= MAX_CACHED_ROWS) this.denseCache.clear();
      const S = this.span;
      d = new Float64Array((2 * S + 1) * this.crf.labels.size);
      for (let o = -this.crf.window; o <= this.crf.window; o++) this.crf.addDense(d, o + S, o, row, embeddings);
      this.denseCache.set(row, d);
    }
    return d;
  }
}

/**
 * Sets em[at..at + L) to the sum of vectors[k] from froms[k] for k < window, the weight rows from
 * `left` and `right` (-1: none), and vectors[k] from froms[k] for window <= k < count, in this
 * order; three labels at a time in locals (see sumRows).
 */
function addUp(em: Float64Array, at: number, L: number, vectors: readonly Float64Array[], froms: readonly number[], window: number, count: number, weights: Vector, left: number, right: number): void {
  let y = 0;
  for (; y + 3 <= L; y += 3) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    for (let k = 0; k < window; k++) {
      const v = vectors[k];
      const f = froms[k] + y;
      a0 += v[f];
      a1 += v[f + 1];
      a2 += v[f + 2];
    }
    if (left >= 0) {
      a0 += weights[left + y];
      a1 += weights[left + y + 1];
      a2 += weights[left + y + 2];
    }
    if (right >= 0) {
      a0 += weights[right + y];
      a1 += weights[right + y + 1];
      a2 += weights[right + y + 2];
    }
    for (let k = window; k < count; k++) {
      const v = vectors[k];
      const f = froms[k] + y;
      a0 += v[f];
      a1 += v[f + 1];
      a2 += v[f + 2];
    }
    em[at + y] = a0;
    em[at + y + 1] = a1;
    em[at + y + 2] = a2;
  }
  for (; y < L; y++) {
    let a = 0;
    for (let k = 0; k < window; k++) a += vectors[k][froms[k] + y];
    if (left >= 0) a += weights[left + y];
    if (right >= 0) a += weights[right + y];
    for (let k = window; k < count; k++) a += vectors[k][froms[k] + y];
    em[at + y] = a;
  }
}

/**
 * Sets out[at..at + L) to the sums of the weight rows of ids[from..to) (those of the CRF's
 * features). Three labels at a time, summed in locals as CrfParams.addDense does: several times
 * faster than adding through the array, and each label's sum takes its terms in the same order.
 */
function sumRows(out: Float64Array, at: number, crf: CrfParams, ids: Int32Array, from: number, to: number): void {
  const { weights, nFeatures } = crf;
  const L = crf.labels.size;
  let y = 0;
  for (; y + 3 <= L; y += 3) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    for (let k = from; k < to; k++) {
      const id = ids[k];
      if (id >= nFeatures) continue;
      const w = id * L + y;
      a0 += weights[w];
      a1 += weights[w + 1];
      a2 += weights[w + 2];
    }
    out[at + y] = a0;
    out[at + y + 1] = a1;
    out[at + y + 2] = a2;
  }
  for (; y < L; y++) {
    let a = 0;
    for (let k = from; k < to; k++) if (ids[k] < nFeatures) a += weights[ids[k] * L + y];
    out[at + y] = a;
  }
}
