// The CRF's inference against brute force on tiny models: Viterbi finds the best allowed sequence,
// forward-backward's marginals are the true ones (and sum to 1), chunk probabilities are the
// probability mass of the sequences that contain exactly that chunk.

import * as assert from 'node:assert/strict';
import { chunkProbability, forwardBackward, viterbi } from '../../../src/core/tagger/crf';
import { LabelSet } from '../../../src/core/tagger/labels';
import { Random } from '../../../src/core/tagger/random';

const labels = new LabelSet(['LOC', 'PERS']); // O B-LOC I-LOC B-PERS I-PERS
const L = labels.size;

function randomModel(seed: number, n: number) {
  const r = new Random(seed);
  const v = (k: number) => Float64Array.from({ length: k }, () => (r.next() - 0.5) * 4);
  return { t: { labels, trans: v(L * L), start: v(L) }, em: v(n * L), n };
}

/** Every allowed label sequence of length n with its unnormalized score. */
function allSequences(m: ReturnType<typeof randomModel>): { ys: number[]; score: number }[] {
  const out: { ys: number[]; score: number }[] = [];
  const rec = (ys: number[]) => {
    if (ys.length === m.n) {
      let score = m.t.start[ys[0]];
      ys.forEach((y, k) => {
        score += m.em[k * L + y];
        if (k > 0) score += m.t.trans[ys[k - 1] * L + y];
      });
      out.push({ ys: [...ys], score });
      return;
    }
    for (let y = 0; y < L; y++) {
      const ok = ys.length === 0 ? labels.allowedFirst[y] : labels.allowed[ys[ys.length - 1] * L + y];
      if (ok) rec([...ys, y]);
    }
  };
  rec([]);
  return out;
}

describe('CRF inference', () => {
  for (const n of [1, 2, 3, 5]) {
    it(`Viterbi finds the best allowed sequence (n = ${n})`, () => {
      for (let seed = 1; seed <= 20; seed++) {
        const m = randomModel(seed * 31 + n, n);
        const all = allSequences(m);
        const best = all.reduce((a, b) => (b.score > a.score ? b : a));
        assert.deepEqual(Array.from(viterbi(m.t, m.em, n)), best.ys, `seed ${seed}`);
      }
    });

    it(`forward-backward gives the exact marginals, summing to 1 (n = ${n})`, () => {
      for (let seed = 1; seed <= 10; seed++) {
        const m = randomModel(seed * 17 + n, n);
        const all = allSequences(m);
        const z = all.reduce((s, x) => s + Math.exp(x.score), 0);
        const fb = forwardBackward(m.t, m.em, n);
        assert.ok(Math.abs(fb.logZ - Math.log(z)) < 1e-9);
        for (let k = 0; k < n; k++) {
          let sum = 0;
          for (let y = 0; y < L; y++) {
            const exact = all.filter((x) => x.ys[k] === y).reduce((s, x) => s + Math.exp(x.score), 0) / z;
            assert.ok(Math.abs(fb.marginals[k * L + y] - exact) < 1e-9, `token ${k} label ${y}`);
            sum += fb.marginals[k * L + y];
          }
          assert.ok(Math.abs(sum - 1) < 1e-12);
        }
        // Forbidden labels have probability 0: no I- label first.
        assert.equal(fb.marginals[labels.indexOf('I-LOC')!], 0);
      }
    });
  }

  it('a chunk probability is the mass of the sequences holding exactly that chunk', () => {
    const n = 4;
    for (let seed = 1; seed <= 10; seed++) {
      const m = randomModel(seed, n);
      const all = allSequences(m);
      const z = all.reduce((s, x) => s + Math.exp(x.score), 0);
      const fb = forwardBackward(m.t, m.em, n);
      for (const [type, B, I] of [['LOC', 1, 2], ['PERS', 3, 4]] as const) {
        for (let start = 0; start < n; start++) {
          for (let end = start + 1; end <= n; end++) {
            const exact = all.filter((x) => x.ys[start] === B && x.ys.slice(start + 1, end).every((y) => y === I) && (end === n || x.ys[end] !== I)).reduce((s, x) => s + Math.exp(x.score), 0) / z;
            assert.ok(Math.abs(chunkProbability(fb, start, end, B, I) - exact) < 1e-9, `${type} ${start}-${end}`);
          }
        }
      }
    }
  });

  it('no score overflows: huge emission scores still give probabilities', () => {
    const m = randomModel(3, 6);
    for (let i = 0; i < m.em.length; i++) m.em[i] *= 500;
    const fb = forwardBackward(m.t, m.em, 6);
    assert.ok(Number.isFinite(fb.logZ));
    for (let k = 0; k < 6; k++) {
      const row = Array.from(fb.marginals.subarray(k * L, k * L + L));
      assert.ok(Math.abs(row.reduce((a, b) => a + b) - 1) < 1e-9);
    }
  });
});
