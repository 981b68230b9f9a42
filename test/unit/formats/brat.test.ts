import * as assert from 'node:assert/strict';
import { nextId, parseBrat, referencedIds, serializeBrat } from '../../../src/core/formats/brat';

const ANN = [
  'T1\tBe-Born 0 3\tولد',
  'T2\tPER 4 8\tأحمد',
  'T3\tLOC 10 13;14 17\tالق اهرة',
  'E1\tBe-Born:T1 Person:T2 Place:T3',
  'R1\tLocated Arg1:T2 Arg2:T3',
  'A1\tNegation E1',
  'N1\tReference T3 Wikipedia:85\tالقاهرة',
  '#1\tAnnotatorNotes T3\tproclitic ب excluded',
  '*\tEquiv T2 T3',
].join('\n') + '\n';

describe('brat records', () => {
  it('parses text-bound lines, discontinuous ones included, into fields with code-point offsets', () => {
    const [t1, , t3] = parseBrat(ANN);
    assert.deepEqual(t1, { kind: 'T', line: 1, id: 'T1', type: 'Be-Born', fragments: [{ start: 0, end: 3 }], text: 'ولد', raw: 'T1\tBe-Born 0 3\tولد' });
    assert.equal(t3.kind, 'T');
    assert.deepEqual(t3.kind === 'T' && t3.fragments, [{ start: 10, end: 13 }, { start: 14, end: 17 }]);
  });

  it('keeps E, R, A, N, # and * lines verbatim with their ids and line numbers', () => {
    const others = parseBrat(ANN).filter((r) => r.kind === 'other');
    assert.deepEqual(others.map((r) => [r.line, r.kind === 'other' && r.id]), [[4, 'E1'], [5, 'R1'], [6, 'A1'], [7, 'N1'], [8, '#1'], [9, '*']]);
    assert.deepEqual(others.map((r) => r.raw), ANN.trimEnd().split('\n').slice(3));
  });

  it('writes records back to the same content (LF, final newline)', () => {
    const records = parseBrat(ANN);
    assert.equal(serializeBrat(records.map((r) => (r.kind === 'T' ? r : r.raw))), ANN);
  });

  it('reads CRLF and CR line ends and a BOM, and skips blank lines', () => {
    const records = parseBrat('\uFEFFT1\tPER 0 4\tأحمد\r\n\r\nT2\tLOC 5 9\tمصر\rE1\tX:T1\r\n');
    assert.deepEqual(records.map((r) => [r.kind, r.line]), [['T', 1], ['T', 3], ['other', 4]]);
    assert.equal(serializeBrat(records.map((r) => (r.kind === 'T' ? r : r.raw))), 'T1\tPER 0 4\tأحمد\nT2\tLOC 5 9\tمصر\nE1\tX:T1\n');
  });

  it('keeps unparseable lines verbatim with their line number and a reason', () => {
    const bad = [
      'T1\tPER 0 4\tok',
      'T2 PER 0 4 no tab',
      'T3\tPER 4\tone offset',
      'T4\tPER 5 2\treversed',
      'T5\tPER 1 2;x 4\tnot a number',
      'X1\tsomething',
      'T6\tPER',
    ];
    const records = parseBrat(bad.join('\n'));
    const invalid = records.filter((r) => r.kind === 'invalid');
    assert.deepEqual(invalid.map((r) => r.line), [2, 3, 4, 5, 6, 7]);
    assert.deepEqual(invalid.map((r) => r.raw), bad.slice(1));
    const reasons = invalid.map((r) => (r.kind === 'invalid' ? r.reason : ''));
    assert.match(reasons[0], /no TAB/);
    assert.match(reasons[1], /"4" is not "START END"/);
    assert.match(reasons[2], /empty or reversed/);
    assert.match(reasons[3], /"x 4" is not "START END"/);
    assert.match(reasons[4], /"X1" is not a brat annotation id/);
    assert.match(reasons[5], /needs a type and offsets/);
    assert.equal(serializeBrat(records.map((r) => (r.kind === 'T' ? r : r.raw))), bad.join('\n') + '\n');
  });

  it('a T line without a text field is read, with no recorded text', () => {
    const [t] = parseBrat('T1\tPER 0 4');
    assert.equal(t.kind === 'T' && t.text, undefined);
  });

  it('gives new text-bound annotations max + 1 over every id in use, verbatim lines included', () => {
    const out = serializeBrat([
      { kind: 'T', id: 'T2', type: 'PER', fragments: [{ start: 0, end: 1 }], text: 'a' },
      { kind: 'T', type: 'LOC', fragments: [{ start: 2, end: 3 }], text: 'b' },
      'T7\tORG 900 905\tout of range, kept',
      { kind: 'T', type: 'LOC', fragments: [{ start: 4, end: 5 }, { start: 6, end: 7 }], text: 'c\nd' },
    ]);
    assert.equal(out, 'T2\tPER 0 1\ta\nT8\tLOC 2 3\tb\nT7\tORG 900 905\tout of range, kept\nT9\tLOC 4 5;6 7\tc d\n');
  });

  it('nextId counts only ids of the prefix', () => {
    assert.equal(nextId('T', ['T3', 'E9', 'T10', 'Tx', 'T']), 'T11');
    assert.equal(nextId('T', []), 'T1');
  });

  it('finds the ids a line points at', () => {
    const lines = ANN.trimEnd().split('\n');
    assert.deepEqual(lines.slice(3).map(referencedIds), [['T1', 'T2', 'T3'], ['T2', 'T3'], ['E1'], ['T3'], ['T3'], ['T2', 'T3']]);
  });
});
