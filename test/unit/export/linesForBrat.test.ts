import * as assert from 'node:assert/strict';
import { linesForBrat } from '../../../src/core/export/readArticle';
import { parseBrat, type BratOtherLine } from '../../../src/core/formats/brat';
import type { EntityAnnotation } from '../../../src/core/model';

describe('non-T lines in a brat export', () => {
  it('keeps lines whose ids are all exported, and drops chains that lead to a dropped annotation', () => {
    const others = parseBrat(
      ['E1\tAttack:T1 Target:T2', 'E2\tMeet:T3 Participant:T1', 'A1\tNegation E2', '#1\tAnnotatorNotes E1\tok', 'R1\tVisit Arg1:T1 Arg2:T9'].join('\n'),
    ).filter((r): r is BratOtherLine => r.kind === 'other');
    const exported: EntityAnnotation[] = ['T1', 'T2'].map((id) => ({ id, type: 'X', spans: [{ start: 0, end: 1 }], status: 'accepted' }));
    const { kept, dropped } = linesForBrat(exported, others);
    assert.deepEqual(kept, ['E1\tAttack:T1 Target:T2', '#1\tAnnotatorNotes E1\tok']);
    assert.deepEqual(dropped.map((r) => r.id), ['E2', 'A1', 'R1']);
  });
});
