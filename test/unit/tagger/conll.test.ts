// CoNLL reading, BIO chunks and conlleval scoring.

import * as assert from 'node:assert/strict';
import { chunksOf } from '../../../src/core/tagger/chunks';
import { evaluateConll, readConll } from '../../../src/core/tagger';
import { LabelSet, toIob2 } from '../../../src/core/tagger/labels';

describe('readConll', () => {
  it('reads tokens and the last column, sentences split at blank lines', () => {
    const text = 'وقال O\nالرئيس O\nدونالد B-PERS\nترامب I-PERS\n\nفي O\nواشنطن B-LOC\n';
    assert.deepEqual(readConll(text), [
      { tokens: ['وقال', 'الرئيس', 'دونالد', 'ترامب'], labels: ['O', 'O', 'B-PERS', 'I-PERS'] },
      { tokens: ['في', 'واشنطن'], labels: ['O', 'B-LOC'] },
    ]);
  });

  it('ignores middle columns, tabs and CRLF; several blank lines, blank lines of spaces, -DOCSTART- and a missing final newline', () => {
    const text = '-DOCSTART- -X- O O\n\n\na NN x B-ORG\r\nb\tNN\tI-ORG\r\n   \n\nc O';
    assert.deepEqual(readConll(text), [
      { tokens: ['a', 'b'], labels: ['B-ORG', 'I-ORG'] },
      { tokens: ['c'], labels: ['O'] },
    ]);
  });

  it('a token line without a label is O; an empty text has no sentences', () => {
    assert.deepEqual(readConll('x\n'), [{ tokens: ['x'], labels: ['O'] }]);
    assert.deepEqual(readConll(''), []);
    assert.deepEqual(readConll('\n\n'), []);
  });
});

describe('BIO chunks', () => {
  it('reads imperfect sequences as conlleval does', () => {
    assert.deepEqual(chunksOf(['B-PERS', 'I-PERS', 'O', 'I-LOC', 'I-LOC', 'B-LOC', 'I-ORG']), [
      { start: 0, end: 2, type: 'PERS' },
      { start: 3, end: 5, type: 'LOC' },
      { start: 5, end: 6, type: 'LOC' },
      { start: 6, end: 7, type: 'ORG' },
    ]);
    assert.deepEqual(chunksOf([]), []);
  });

  it('toIob2 starts every chunk with B-', () => {
    assert.deepEqual(toIob2(['I-PERS', 'I-PERS', 'O', 'I-LOC', 'B-LOC', 'I-ORG', 'LOC']), ['B-PERS', 'I-PERS', 'O', 'B-LOC', 'B-LOC', 'B-ORG', 'B-LOC']);
  });

  it('a label set has O, then B- and I- per type, and forbids I- after O or another type', () => {
    const ls = LabelSet.fromLabels(['B-PERS', 'O', 'I-LOC']);
    assert.deepEqual(ls.labels, ['O', 'B-LOC', 'I-LOC', 'B-PERS', 'I-PERS']);
    const ok = (a: string, b: string) => ls.allowed[ls.indexOf(a)! * ls.size + ls.indexOf(b)!] === 1;
    assert.ok(ok('B-LOC', 'I-LOC') && ok('I-LOC', 'I-LOC') && ok('O', 'B-PERS') && ok('I-PERS', 'O'));
    assert.ok(!ok('O', 'I-LOC') && !ok('B-PERS', 'I-LOC') && !ok('I-LOC', 'I-PERS'));
    assert.equal(ls.allowedFirst[ls.indexOf('I-LOC')!], 0);
  });
});

describe('evaluateConll (conlleval semantics)', () => {
  it('matches hand-computed counts', () => {
    // Gold: PERS(0-2) LOC(3) | ORG(0-3) LOC(4)
    // Pred: PERS(0-2) LOC(3) | ORG(0-2) LOC(4) PERS(5)
    const gold = [['B-PERS', 'I-PERS', 'O', 'B-LOC'], ['B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-LOC', 'O']];
    const pred = [['B-PERS', 'I-PERS', 'O', 'B-LOC'], ['B-ORG', 'I-ORG', 'O', 'O', 'B-LOC', 'B-PERS']];
    const e = evaluateConll(gold, pred);
    // LOC: 2 gold, 2 pred, 2 correct. ORG: 1 gold, 1 pred (wrong boundary), 0 correct. PERS: 1 gold, 2 pred, 1 correct.
    assert.deepEqual(
      Object.fromEntries(Object.entries(e.perType).map(([t, s]) => [t, [s.gold, s.pred, s.correct]])),
      { LOC: [2, 2, 2], ORG: [1, 1, 0], PERS: [1, 2, 1] },
    );
    assert.equal(e.perType.PERS.p, 50);
    assert.equal(e.perType.PERS.r, 100);
    assert.ok(Math.abs(e.perType.PERS.f1 - 200 / 3) < 1e-9);
    assert.equal(e.perType.ORG.f1, 0);
    // Micro: 4 gold, 5 pred, 3 correct: P 60, R 75, F1 66.67.
    assert.equal(e.micro.p, 60);
    assert.equal(e.micro.r, 75);
    assert.ok(Math.abs(e.micro.f1 - (2 * 60 * 75) / 135) < 1e-9);
  });

  it('a type only predicted still gets a row; mismatched lengths are refused', () => {
    const e = evaluateConll([['O']], [['B-MISC']]);
    assert.deepEqual([e.perType.MISC.gold, e.perType.MISC.pred, e.perType.MISC.correct], [0, 1, 0]);
    assert.equal(e.micro.f1, 0);
    assert.throws(() => evaluateConll([['O']], []), /1 gold sentences but 0 predicted/);
    assert.throws(() => evaluateConll([['O', 'O']], [['O']]), /sentence 1: 2 gold tokens but 1 predicted/);
  });
});
