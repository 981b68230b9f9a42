// The weights of a linear-chain CRF over sparse features and dense word embeddings, and the
// emission scores they give a sentence.

import type { LabelSet } from './labels';
import type { Transitions, Vector } from './crf';

/** A sentence ready for scoring. */
export interface EncodedSentence {
  readonly n: number;
  /** Feature ids of token t: ids[offsets[t]..offsets[t + 1]] (ids of features the model does not have are left out). */
  readonly ids: Int32Array;
  readonly offsets: Int32Array;
  /** Embedding row of each token's word, -1 for none. */
  readonly rows: Int32Array;
}

export interface Embeddings {
  /** Signed bytes, value × 127, `dim` per row. */
  readonly values: Int8Array;
  readonly dim: number;
}

export class CrfParams implements Transitions {
  constructor(
    readonly labels: LabelSet,
    readonly nFeatures: number,
    /** Sparse weights: feature f, label y at f * L + y. */
    readonly weights: Vector,
    /** Dense weights: offset o, dimension d, label y at ((o + W) * dim + d) * L + y; empty without embeddings. */
    readonly dense: Vector,
    readonly window: number,
    readonly trans: Vector,
    readonly start: Vector,
  ) {}

  static zero(labels: LabelSet, nFeatures: number, dim: number, window: number): CrfParams {
    const L = labels.size;
    return new CrfParams(labels, nFeatures, new Float64Array(nFeatures * L), new Float64Array((2 * window + 1) * dim * L), window, new Float64Array(L * L), new Float64Array(L));
  }

  /** Emission scores (n × L), feature by feature (training; run time uses WordScores). */
  emissions(s: EncodedSentence, emb: Embeddings | undefined): Float64Array {
    const L = this.labels.size;
    const em = new Float64Array(s.n * L);
    const { weights } = this;
    const { ids, offsets } = s;
    for (let t = 0; t < s.n; t++) {
      const base = t * L;
      for (let k = offsets[t]; k < offsets[t + 1]; k++) {
        const w = ids[k] * L;
        for (let y = 0; y < L; y++) em[base + y] += weights[w + y];
      }
    }
    if (emb && this.dense.length) {
      const W = this.window;
      for (let t = 0; t < s.n; t++) {
        for (let o = -W; o <= W; o++) {
          const u = t + o;
          if (u >= 0 && u < s.n && s.rows[u] >= 0) this.addDense(em, t, o, s.rows[u], emb);
        }
      }
    }
    return em;
  }

  /**
   * Adds to em[t] the dense scores of the embedding `row` seen at offset o. Three labels at a
   * time, summed in locals over the dimensions: about three times faster than one label at a
   * time through the array.
   */
  addDense(em: Float64Array, t: number, o: number, row: number, emb: Embeddings): void {
    const L = this.labels.size;
    const D = emb.dim;
    const dense = this.dense;
    const values = emb.values;
    const baseW = (o + this.window) * D * L;
    const baseE = row * D;
    const at = t * L;
    let y = 0;
    for (; y + 3 <= L; y += 3) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      for (let d = 0, w = baseW + y; d < D; d++, w += L) {
        const x = values[baseE + d];
        a0 += x * dense[w];
        a1 += x * dense[w + 1];
        a2 += x * dense[w + 2];
      }
      em[at + y] += a0 / 127;
      em[at + y + 1] += a1 / 127;
      em[at + y + 2] += a2 / 127;
    }
    for (; y < L; y++) {
      let a = 0;
      for (let d = 0, w = baseW + y; d < D; d++, w += L) a += values[baseE + d] * dense[w];
      em[at + y] += a / 127;
    }
  }
}
