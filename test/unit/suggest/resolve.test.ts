// Combining proposals into non-overlapping suggestions.

import * as assert from 'node:assert/strict';
import type { Suggestion } from '../../../src/core/model';
import { excludeDecided, resolveOverlaps, spanKey } from '../../../src/core/suggest/resolve';

const s = (start: number, end: number, type: string, confidence: number): Suggestion => ({ start, end, type, confidence, source: 'gazetteer' });
const keys = (list: Suggestion[]) => list.map((x) => `${spanKey(x)}@${x.confidence}`);

describe('suggestion engine: overlap resolution', () => {
  it('keeps the most confident proposal of one span and type', () => {
    assert.deepEqual(keys(resolveOverlaps([s(0, 5, 'GPE', 0.6), s(0, 5, 'GPE', 0.9)])), ['0:5:GPE@0.9']);
  });

  it('prefers a containing span unless it is much less confident', () => {
    assert.deepEqual(keys(resolveOverlaps([s(5, 10, 'GPE', 0.9), s(0, 16, 'FAC', 0.75)])), ['0:16:FAC@0.75']);
    assert.deepEqual(keys(resolveOverlaps([s(5, 10, 'GPE', 0.9), s(0, 16, 'FAC', 0.4)])), ['5:10:GPE@0.9']);
  });

  it('decides crossing spans by confidence and keeps what does not overlap the winner', () => {
    const out = resolveOverlaps([s(0, 10, 'PER', 0.6), s(6, 14, 'ORG', 0.8), s(12, 20, 'GPE', 0.7), s(30, 35, 'DATE', 0.9)]);
    assert.deepEqual(keys(out), ['6:14:ORG@0.8', '30:35:DATE@0.9']);
  });

  it('returns suggestions sorted by start', () => {
    const out = resolveOverlaps([s(20, 25, 'GPE', 0.9), s(0, 4, 'PER', 0.7), s(10, 12, 'ORG', 0.8)]);
    assert.deepEqual(out.map((x) => x.start), [0, 10, 20]);
  });

  it('drops what overlaps an accepted span and what repeats a rejected span+type', () => {
    const list = [s(0, 5, 'GPE', 0.9), s(6, 10, 'PER', 0.8), s(12, 20, 'ORG', 0.8), s(30, 33, 'DATE', 0.9)];
    const out = excludeDecided(list, [{ start: 8, end: 9 }, { start: 40, end: 50 }], new Set([spanKey({ start: 12, end: 20, type: 'ORG' }), spanKey({ start: 0, end: 5, type: 'PER' })]));
    assert.deepEqual(keys(out), ['0:5:GPE@0.9', '30:33:DATE@0.9']);
  });
});
