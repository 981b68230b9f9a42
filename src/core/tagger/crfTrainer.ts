// Training CRF weights by stochastic gradient ascent on the conditional log-likelihood, one
// sentence at a time, with AdaGrad step sizes and an L2 pull (toward zero, or toward base weights
// when adapting a trained model). The order of sentences comes from a seeded generator, so the
// same data and seed give the same weights bit for bit.

import { forwardBackward } from './crf';
import type { CrfParams, EncodedSentence, Embeddings } from './crfParams';
import { Random } from './random';

export interface CrfTrainingOptions {
  readonly epochs: number;
  /** AdaGrad base rate. */
  readonly rate: number;
  /** L2 strength, applied to the weights a sentence touches. */
  readonly l2: number;
  readonly seed: number;
  /** Weights the L2 term pulls toward (default zero); same layout as the trained ones. */
  readonly anchor?: { readonly weights: ArrayLike<number>; readonly dense?: ArrayLike<number>; readonly trans: ArrayLike<number>; readonly start: ArrayLike<number> };
  /** Train the dense (embedding) weights too (default true). */
  readonly trainDense?: boolean;
  /** AdaGrad's sums of squared gradients, kept between calls (online learning); fresh when absent. */
  readonly squares?: GradientSquares;
  readonly onEpoch?: (epoch: number, logLikelihood: number) => void;
}

export interface GradientSquares {
  readonly weights: Float64Array;
  readonly dense: Float64Array;
  readonly trans: Float64Array;
  readonly start: Float64Array;
}

export function gradientSquares(crf: CrfParams): GradientSquares {
  return {
    weights: new Float64Array(crf.weights.length),
    dense: new Float64Array(crf.dense.length),
    trans: new Float64Array(crf.trans.length),
    start: new Float64Array(crf.start.length),
  };
}

export interface LabelledEncoding {
  readonly sentence: EncodedSentence;
  readonly gold: Int32Array;
}

export function trainCrf(crf: CrfParams, data: readonly LabelledEncoding[], emb: Embeddings | undefined, o: CrfTrainingOptions): void {
  const L = crf.labels.size;
  const { weights, dense, trans, start } = crf;
  const { weights: gW, dense: gD, trans: gT, start: gS } = o.squares ?? gradientSquares(crf);
  const anchor = o.anchor;
  const trainDense = (o.trainDense ?? true) && emb !== undefined && dense.length > 0;
  const random = new Random(o.seed);
  const order = data.map((_, i) => i);
  const eps = 1e-8;
  const tGrad = new Float64Array(L * L);
  const sGrad = new Float64Array(L);
  const dGrad = new Float64Array(dense.length);
  const residual = new Float64Array(L);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    random.shuffle(order);
    let ll = 0;
    for (const i of order) {
      const { sentence: s, gold } = data[i];
      const n = s.n;
      if (n === 0) continue;
      const em = crf.emissions(s, emb);
      const fb = forwardBackward(crf, em, n);
      let goldScore = start[gold[0]];
      for (let t = 0; t < n; t++) {
        goldScore += em[t * L + gold[t]];
        if (t > 0) goldScore += trans[gold[t - 1] * L + gold[t]];
      }
      ll += goldScore - fb.logZ;
      // Sparse and dense emission weights: gradient (gold - expected) per token and label.
      for (let t = 0; t < n; t++) {
        const m = t * L;
        for (let k = s.offsets[t]; k < s.offsets[t + 1]; k++) {
          const w = s.ids[k] * L;
          for (let y = 0; y < L; y++) {
            const g = (y === gold[t] ? 1 : 0) - fb.marginals[m + y] - o.l2 * (weights[w + y] - (anchor ? anchor.weights[w + y] : 0));
            gW[w + y] += g * g;
            weights[w + y] += (o.rate * g) / (Math.sqrt(gW[w + y]) + eps);
          }
        }
        if (trainDense) {
          // Dense gradient summed over the sentence; one AdaGrad step per sentence (below).
          const W = crf.window;
          const D = emb.dim;
          for (let off = -W; off <= W; off++) {
            const u = t + off;
            if (u < 0 || u >= n || s.rows[u] < 0) continue;
            const baseE = s.rows[u] * D;
            const baseW = (off + W) * D * L;
            for (let y = 0; y < L; y++) residual[y] = (y === gold[t] ? 1 : 0) - fb.marginals[m + y];
            for (let d = 0; d < D; d++) {
              const x = emb.values[baseE + d] / 127;
              if (x === 0) continue;
              const wd = baseW + d * L;
              for (let y = 0; y < L; y++) dGrad[wd + y] += residual[y] * x;
            }
          }
        }
      }
      if (trainDense) {
        for (let k = 0; k < dense.length; k++) {
          const g = dGrad[k] - o.l2 * (dense[k] - (anchor?.dense ? anchor.dense[k] : 0));
          dGrad[k] = 0;
          gD[k] += g * g;
          dense[k] += (o.rate * g) / (Math.sqrt(gD[k]) + eps);
        }
      }
      // Transitions: gold counts minus expected counts (pairwise marginals).
      tGrad.fill(0);
      sGrad.fill(0);
      sGrad[gold[0]] += 1;
      for (let y = 0; y < L; y++) sGrad[y] -= fb.marginals[y];
      for (let t = 1; t < n; t++) {
        tGrad[gold[t - 1] * L + gold[t]] += 1;
        for (let i = 0; i < L; i++) {
          const a = fb.alpha[(t - 1) * L + i];
          if (a === 0) continue;
          for (let j = 0; j < L; j++) {
            const e = fb.expTrans[i * L + j];
            if (e === 0) continue;
            tGrad[i * L + j] -= (a * e * fb.phi[t * L + j] * fb.beta[t * L + j]) / fb.scale[t];
          }
        }
      }
      for (let k = 0; k < L * L; k++) {
        if (!crf.labels.allowed[k]) continue;
        const g = tGrad[k] - o.l2 * (trans[k] - (anchor ? anchor.trans[k] : 0));
        gT[k] += g * g;
        trans[k] += (o.rate * g) / (Math.sqrt(gT[k]) + eps);
      }
      for (let y = 0; y < L; y++) {
        const g = sGrad[y] - o.l2 * (start[y] - (anchor ? anchor.start[y] : 0));
        gS[y] += g * g;
        start[y] += (o.rate * g) / (Math.sqrt(gS[y]) + eps);
      }
    }
    o.onEpoch?.(epoch + 1, ll);
  }
}
