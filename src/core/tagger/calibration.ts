// Calibration of span probabilities: Platt scaling on the logit, p' = σ(a · logit(p) + b), fitted
// by Newton's method on held-out spans (was the predicted chunk exactly right?).

export interface Calibration {
  readonly a: number;
  readonly b: number;
}

export const IDENTITY: Calibration = { a: 1, b: 0 };

const EPS = 1e-6;

function logit(p: number): number {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
}

export function calibrate(c: Calibration, p: number): number {
  return 1 / (1 + Math.exp(-(c.a * logit(p) + c.b)));
}

/** Fits a and b to (probability, correct) pairs; the identity when there are too few of either kind. */
export function fitCalibration(samples: readonly { readonly p: number; readonly correct: boolean }[]): Calibration {
  const pos = samples.filter((s) => s.correct).length;
  if (pos < 5 || samples.length - pos < 5) return IDENTITY;
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    // Gradient and Hessian of the negative log-likelihood, with a light prior toward the identity.
    let ga = 0.01 * (a - 1), gb = 0.01 * b, haa = 0.01, hab = 0, hbb = 0.01;
    for (const s of samples) {
      const x = logit(s.p);
      const q = 1 / (1 + Math.exp(-(a * x + b)));
      const d = q - (s.correct ? 1 : 0);
      const w = q * (1 - q);
      ga += d * x;
      gb += d;
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

export interface ReliabilityBin {
  /** Confidences in [from, to) (the last bin includes 1). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanConfidence: number;
  /** Share of the bin's samples that were right. */
  readonly accuracy: number;
}

/**
 * How well confidences say how often a suggestion is right: equal-width bins of confidence with
 * their share of right samples, and the expected calibration error (the gap between confidence and
 * accuracy, averaged over the samples).
 */
export function reliability(samples: readonly { readonly p: number; readonly correct: boolean }[], binCount = 10): { bins: ReliabilityBin[]; ece: number } {
  const sums = Array.from({ length: binCount }, () => ({ count: 0, p: 0, right: 0 }));
  for (const s of samples) {
    const b = sums[Math.min(binCount - 1, Math.floor(s.p * binCount))];
    b.count++;
    b.p += s.p;
    if (s.correct) b.right++;
  }
  let gap = 0;
  const bins = sums.map((b, i) => {
    gap += Math.abs(b.p - b.right);
    return { from: i / binCount, to: (i + 1) / binCount, count: b.count, meanConfidence: b.count ? b.p / b.count : 0, accuracy: b.count ? b.right / b.count : 0 };
  });
  return { bins, ece: samples.length ? gap / samples.length : 0 };
}
