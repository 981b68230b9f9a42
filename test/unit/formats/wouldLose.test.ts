import * as assert from 'node:assert/strict';
import { wouldLose } from '../../../src/core/formats/wouldLose';

const OLD = ['T1\tPER 0 4\tأحمد', 'T2\tLOC 10 17\tالقاهرة', 'E1\tBe-Born:T3 Person:T1', 'T3\tBe-Born 20 23\tولد', 'not brat', '*\tEquiv T1 T2'].join('\n') + '\n';

describe('wouldLose', () => {
  it('is empty when the new content keeps every line (in another order, with CRLF)', () => {
    assert.deepEqual(wouldLose(OLD, OLD.trimEnd().split('\n').reverse().join('\r\n')), []);
  });

  it('does not count an edited annotation (same id, new type or span) as lost', () => {
    const edited = OLD.replace('T1\tPER 0 4\tأحمد', 'T1\tORG 0 9\tأحمد بن').replace('E1\tBe-Born:T3 Person:T1', 'E1\tBe-Born:T3');
    assert.deepEqual(wouldLose(OLD, edited), []);
  });

  it('does not count an annotation kept under another id as lost', () => {
    assert.deepEqual(wouldLose(OLD, OLD.replace('T2\tLOC', 'T9\tLOC')), []);
  });

  it('reports dropped annotations, notes and unreadable lines with their old line numbers', () => {
    const next = ['T1\tPER 0 4\tأحمد', 'T3\tBe-Born 20 23\tولد'].join('\n');
    assert.deepEqual(wouldLose(OLD, next), [
      { line: 2, text: 'T2\tLOC 10 17\tالقاهرة' },
      { line: 3, text: 'E1\tBe-Born:T3 Person:T1' },
      { line: 5, text: 'not brat' },
      { line: 6, text: '*\tEquiv T1 T2' },
    ]);
  });

  it('does not report ids removed on purpose', () => {
    const next = ['T1\tPER 0 4\tأحمد', 'T3\tBe-Born 20 23\tولد', 'not brat', '*\tEquiv T1 T2'].join('\n');
    assert.deepEqual(wouldLose(OLD, next, ['T2', 'E1']), []);
  });

  it('reports everything when the new content is empty, nothing when the old one is', () => {
    assert.equal(wouldLose(OLD, '').length, 6);
    assert.deepEqual(wouldLose('', OLD), []);
  });
});
