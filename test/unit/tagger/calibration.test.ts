import * as assert from 'node:assert/strict';
import { calibrate, fitCalibration, reliability } from '../../../src/core/tagger/calibration';
import { Random } from '../../../src/core/tagger/random';

/** Samples whose true chance of being right is `truth(p)` for a stated probability p. */
function samples(n: number, truth: (p: number) => number, seed = 3) {
  const rng = new Random(seed);
  const random = () => rng.next();
  return Array.from({ length: n }, () => {
    const p = random();
    return { p, correct: random() < truth(p) };
  });
}

describe('confidence calibration', () => {
  it('measures how far confidences are from how often they are right', () => {
    const honest = reliability(samples(20000, (p) => p));
    assert.ok(honest.ece < 0.02, `ECE ${honest.ece}`);
    assert.equal(honest.bins.reduce((n, b) => n + b.count, 0), 20000);
    const high = honest.bins[9];
    assert.ok(high.meanConfidence > 0.9 && Math.abs(high.accuracy - high.meanConfidence) < 0.03);
    // Overconfident: right only half as often as stated.
    const overconfident = reliability(samples(20000, (p) => p / 2));
    assert.ok(overconfident.ece > 0.2, `ECE ${overconfident.ece}`);
    assert.deepEqual(reliability([]), { bins: reliability([]).bins, ece: 0 });
    assert.equal(reliability([{ p: 1, correct: true }]).bins[9].count, 1, 'a confidence of 1 falls in the last bin');
  });

  it('fits a Platt scaling that brings overconfident scores back in line', () => {
    const raw = samples(5000, (p) => p * p);
    const c = fitCalibration(raw);
    const before = reliability(raw).ece;
    const after = reliability(raw.map((s) => ({ p: calibrate(c, s.p), correct: s.correct }))).ece;
    assert.ok(after < before / 2, `ECE ${before} → ${after}`);
  });
});
