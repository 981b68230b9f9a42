// Cutting a request's text into the engine's lines.

import * as assert from 'node:assert/strict';
import { LONG_LINE, splitLines } from '../../../src/core/suggest/requestLines';

describe('suggestion engine: request lines', () => {
  it('cuts at LF and leaves the CR out', () => {
    assert.deepEqual([...splitLines('أ\r\nب\n\nج')], [
      { start: 0, text: 'أ' },
      { start: 3, text: 'ب' },
      { start: 5, text: '' },
      { start: 6, text: 'ج' },
    ]);
    assert.deepEqual([...splitLines('')], [{ start: 0, text: '' }]);
  });

  it('cuts at every line break the tokenizer knows: a lone CR, NEL, LINE and PARAGRAPH SEPARATOR', () => {
    assert.deepEqual([...splitLines('أ\rب\u0085ج\u2028د\u2029ه')].map((l) => [l.start, l.text]), [[0, 'أ'], [2, 'ب'], [4, 'ج'], [6, 'د'], [8, 'ه']]);
  });

  it('cuts a long line after sentence ends, keeping every character once', () => {
    const sentence = 'وصل رئيس الوزراء مصطفى الكاظمي إلى واشنطن. ';
    const line = sentence.repeat(Math.ceil((3 * LONG_LINE) / sentence.length));
    const pieces = [...splitLines(line)];
    assert.ok(pieces.length >= 2 && pieces.length <= 4, String(pieces.length));
    assert.equal(pieces.map((p) => p.text).join(''), line);
    for (const p of pieces) assert.equal(line.slice(p.start, p.start + p.text.length), p.text);
    for (const p of pieces.slice(0, -1)) assert.ok(p.text.endsWith('. '));
  });
});
