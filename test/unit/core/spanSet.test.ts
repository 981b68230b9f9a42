import * as assert from 'node:assert/strict';
import { overlaps, type Span } from '../../../src/core/model';
import { SpanSet } from '../../../src/core/spanSet';
import { Random } from '../../../src/core/tagger/random';

describe('span set', () => {
  it('answers as checking every span with overlaps() would, nested, touching and empty spans included', () => {
    const rng = new Random(11);
    const span = (): Span => {
      const start = Math.floor(rng.next() * 60);
      return { start, end: start + Math.floor(rng.next() * 8) };
    };
    for (let round = 0; round < 300; round++) {
      const spans = Array.from({ length: Math.floor(rng.next() * 12) }, span);
      const index = new SpanSet(spans);
      for (let q = 0; q < 40; q++) {
        const query = span();
        assert.equal(index.overlapsAny(query), spans.some((s) => overlaps(s, query)), JSON.stringify({ spans, query }));
      }
    }
  });

  it('does not count spans that only touch', () => {
    const index = new SpanSet([{ start: 5, end: 10 }]);
    assert.equal(index.overlapsAny({ start: 10, end: 12 }), false);
    assert.equal(index.overlapsAny({ start: 0, end: 5 }), false);
    assert.equal(index.overlapsAny({ start: 9, end: 10 }), true);
    assert.equal(new SpanSet([]).overlapsAny({ start: 0, end: 1 }), false);
  });
});
