// Linear-chain CRF inference over the labels of a LabelSet: emission scores per token and label,
// transition scores between labels, a score for each label starting the sentence. Transitions
// the label set forbids (O → I-X, B-X → I-Y) have probability 0. Forward-backward works on scaled
// probabilities (each step normalized), so that no score overflows and no log is taken per cell.

import type { LabelSet } from './labels';

export type Vector = Float32Array | Float64Array;

export interface Transitions {
  readonly labels: LabelSet;
  /** trans[i * L + j]: score of label j after label i. */
  readonly trans: Vector;
  /** start[j]: score of label j on the first token. */
  readonly start: Vector;
}

/** The best label sequence for emission scores `em` (n × L, row per token). */
export function viterbi(t: Transitions, em: Float64Array, n: number): Int32Array {
  const { labels, trans, start } = t;
  const L = labels.size;
  const path = new Int32Array(n);
  if (n === 0) return path;
  const back = new Int32Array(n * L);
  // Forbidden transitions score -Infinity, so that the inner loop has no test.
  const allowedTrans = new Float64Array(L * L);
  for (let i = 0; i < L * L; i++) allowedTrans[i] = labels.allowed[i] ? trans[i] : -Infinity;
  // Row k of `score`: the best score of a path ending in each label at token k.
  const score = new Float64Array(n * L);
  for (let j = 0; j < L; j++) score[j] = labels.allowedFirst[j] ? start[j] + em[j] : -Infinity;
  for (let k = 1; k < n; k++) {
    const prev = (k - 1) * L;
    for (let j = 0; j < L; j++) {
      let best = -Infinity;
      let arg = 0;
      for (let i = 0; i < L; i++) {
        const s = score[prev + i] + allowedTrans[i * L + j];
        if (s > best) {
          best = s;
          arg = i;
        }
      }
      score[k * L + j] = best + em[k * L + j];
      back[k * L + j] = arg;
    }
  }
  const last = (n - 1) * L;
  let best = 0;
  for (let j = 1; j < L; j++) if (score[last + j] > score[last + best]) best = j;
  path[n - 1] = best;
  for (let k = n - 1; k > 0; k--) path[k - 1] = back[k * L + path[k]];
  return path;
}

export interface ForwardBackward {
  readonly n: number;
  readonly L: number;
  /** Scaled forward probabilities (n × L); alpha[k] sums to 1. */
  readonly alpha: Float64Array;
  /** Scaled backward probabilities (n × L). */
  readonly beta: Float64Array;
  /** Per-token emission factors exp(em - max of the row) (n × L). */
  readonly phi: Float64Array;
  /** Scale of each step. */
  readonly scale: Float64Array;
  /** exp(trans), 0 where forbidden (L × L). */
  readonly expTrans: Float64Array;
  /** log of the partition function. */
  readonly logZ: number;
  /** Marginal probability of each label at each token (n × L); rows sum to 1. */
  readonly marginals: Float64Array;
}

export function forwardBackward(t: Transitions, em: Float64Array, n: number): ForwardBackward {
  const { labels, trans, start } = t;
  const L = labels.size;
  const expTrans = new Float64Array(L * L);
  for (let i = 0; i < L * L; i++) expTrans[i] = labels.allowed[i] ? Math.exp(trans[i]) : 0;
  const phi = new Float64Array(n * L);
  const alpha = new Float64Array(n * L);
  const beta = new Float64Array(n * L);
  const scale = new Float64Array(n);
  const marginals = new Float64Array(n * L);
  let logZ = 0;
  // The sums over labels run three at a time in locals (see CrfParams.addDense), each in the same order.
  for (let k = 0; k < n; k++) {
    const at = k * L;
    let max = -Infinity;
    for (let j = 0; j < L; j++) if (em[at + j] > max) max = em[at + j];
    for (let j = 0; j < L; j++) phi[at + j] = Math.exp(em[at + j] - max);
    if (k === 0) {
      for (let j = 0; j < L; j++) alpha[j] = (labels.allowedFirst[j] ? Math.exp(start[j]) : 0) * phi[j];
    } else {
      const prev = at - L;
      let j = 0;
      for (; j + 3 <= L; j += 3) {
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        for (let i = 0; i < L; i++) {
          const a = alpha[prev + i];
          const e = i * L + j;
          a0 += a * expTrans[e];
          a1 += a * expTrans[e + 1];
          a2 += a * expTrans[e + 2];
        }
        alpha[at + j] = a0 * phi[at + j];
        alpha[at + j + 1] = a1 * phi[at + j + 1];
        alpha[at + j + 2] = a2 * phi[at + j + 2];
      }
      for (; j < L; j++) {
        let a = 0;
        for (let i = 0; i < L; i++) a += alpha[prev + i] * expTrans[i * L + j];
        alpha[at + j] = a * phi[at + j];
      }
    }
    let sum = 0;
    for (let j = 0; j < L; j++) sum += alpha[at + j];
    for (let j = 0; j < L; j++) alpha[at + j] /= sum;
    scale[k] = sum;
    logZ += Math.log(sum) + max;
  }
  for (let j = 0; j < L; j++) if (n > 0) beta[(n - 1) * L + j] = 1;
  for (let k = n - 2; k >= 0; k--) {
    const next = (k + 1) * L;
    let i = 0;
    for (; i + 3 <= L; i += 3) {
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      for (let j = 0; j < L; j++) {
        const p = phi[next + j];
        const b = beta[next + j];
        b0 += expTrans[i * L + j] * p * b;
        b1 += expTrans[(i + 1) * L + j] * p * b;
        b2 += expTrans[(i + 2) * L + j] * p * b;
      }
      beta[k * L + i] = b0 / scale[k + 1];
      beta[k * L + i + 1] = b1 / scale[k + 1];
      beta[k * L + i + 2] = b2 / scale[k + 1];
    }
    for (; i < L; i++) {
      let b = 0;
      for (let j = 0; j < L; j++) b += expTrans[i * L + j] * phi[next + j] * beta[next + j];
      beta[k * L + i] = b / scale[k + 1];
    }
  }
  for (let i = 0; i < n * L; i++) marginals[i] = alpha[i] * beta[i];
  return { n, L, alpha, beta, phi, scale, expTrans, logZ, marginals };
}

/**
 * Probability that tokens [start, end) are exactly one chunk: `begin` at `start`, `inside` after
 * it, and the token at `end` (if any) not `inside`.
 */
export function chunkProbability(fb: ForwardBackward, start: number, end: number, begin: number, inside: number): number {
  const { L, alpha, beta, phi, scale, expTrans, n } = fb;
  let p = alpha[start * L + begin];
  let last = begin;
  for (let k = start + 1; k < end; k++) {
    p *= (expTrans[last * L + inside] * phi[k * L + inside]) / scale[k];
    last = inside;
  }
  if (end < n) {
    let rest = 0;
    for (let j = 0; j < L; j++) if (j !== inside) rest += expTrans[last * L + j] * phi[end * L + j] * beta[end * L + j];
    p *= rest / scale[end];
  } else {
    p *= beta[(end - 1) * L + last];
  }
  return p;
}
