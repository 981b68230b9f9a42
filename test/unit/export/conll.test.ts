import * as assert from 'node:assert/strict';
import { toConll } from '../../../src/core/export/conll';
import type { ExportSpan } from '../../../src/core/export/types';

const ann = (id: string, type: string, ...spans: [number, number][]): ExportSpan => ({ id, type, spans: spans.map(([start, end]) => ({ start, end })) });

describe('CoNLL export', () => {
  it('splits a proclitic off an entity into its own token, as in the format notes', () => {
    const text = 'ولد أحمد بالقاهرة.';
    const { conll, skipped } = toConll(text, [ann('T2', 'PER', [4, 8]), ann('T3', 'LOC', [10, 17])]);
    assert.equal(conll, 'ولد O\nأحمد B-PER\nب O\nالقاهرة B-LOC\n. O\n\n');
    assert.deepEqual(skipped, []);
  });

  it('tags a multi-token entity B- then I-, and separates sentences with a blank line', () => {
    const text = 'وصل مصطفى الكاظمي. ثم عاد';
    assert.equal(toConll(text, [ann('T1', 'PER', [4, 17])]).conll, 'وصل O\nمصطفى B-PER\nالكاظمي I-PER\n. O\n\nثم O\nعاد O\n\n');
  });

  it('tags each fragment of a discontinuous annotation, the second starting with B- again', () => {
    const text = 'وزارة الخارجية والداخلية';
    const { conll } = toConll(text, [ann('T1', 'ORG', [0, 5], [16, 24])]);
    assert.equal(conll, 'وزارة B-ORG\nالخارجية O\nو O\nالداخلية B-ORG\n\n');
  });

  it('starts two adjacent annotations of the same type each with B-', () => {
    const text = 'بغداد طهران';
    assert.equal(toConll(text, [ann('T1', 'GPE', [0, 5]), ann('T2', 'GPE', [6, 11])]).conll, 'بغداد B-GPE\nطهران B-GPE\n\n');
  });

  it('keeps the earliest, then longest, of overlapping annotations and reports the others', () => {
    const text = 'مطار بغداد الدولي';
    const { conll, skipped } = toConll(text, [ann('T2', 'GPE', [5, 10]), ann('T1', 'FAC', [0, 17])]);
    assert.equal(conll, 'مطار B-FAC\nبغداد I-FAC\nالدولي I-FAC\n\n');
    assert.deepEqual(skipped, [{ id: 'T2', reason: 'overlaps T1, and CoNLL cannot nest annotations' }]);
  });

  it('reports an annotation that covers no token', () => {
    const text = 'بغداد  طهران';
    const { skipped } = toConll(text, [ann('T1', 'GPE', [5, 7])]);
    assert.deepEqual(skipped, [{ id: 'T1', reason: 'covers no token (only spaces or invisible characters)' }]);
  });

  it('treats NBSP as a space and leaves emoji as tokens', () => {
    const text = '🔥 مطار\u00A0بغداد';
    assert.equal(toConll(text, [ann('T1', 'GPE', [8, 13])]).conll, '🔥 O\nمطار O\nبغداد B-GPE\n\n');
  });

  it('gives nothing for an empty text', () => {
    assert.equal(toConll('', []).conll, '');
  });
});
