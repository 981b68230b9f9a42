import * as assert from 'node:assert/strict';
import { jsonlRecord } from '../../../src/core/export/jsonl';

describe('JSONL export', () => {
  it('gives each span UTF-16 and code-point offsets, one entry per fragment, sorted', () => {
    const text = '🔥 وزارة الخارجية والداخلية';
    const line = jsonlRecord('a/b.txt', text, [
      { id: 'T2', type: 'ORG', spans: [{ start: 3, end: 8 }, { start: 19, end: 27 }] },
      { id: 'T1', type: 'EMOJI', spans: [{ start: 0, end: 2 }], confidence: 0.5, source: 'gazetteer' },
    ]);
    assert.equal(line.includes('\n'), false);
    assert.deepEqual(JSON.parse(line), {
      id: 'a/b.txt',
      text,
      spans: [
        { start: 0, end: 2, start_cp: 0, end_cp: 1, label: 'EMOJI', text: '🔥', id: 'T1', confidence: 0.5, source: 'gazetteer' },
        { start: 3, end: 8, start_cp: 2, end_cp: 7, label: 'ORG', text: 'وزارة', id: 'T2' },
        { start: 19, end: 27, start_cp: 18, end_cp: 26, label: 'ORG', text: 'الداخلية', id: 'T2' },
      ],
    });
  });
});
