import * as assert from 'node:assert/strict';
import { actionsAfterConfident, actionsToGold, sentenceReviewActions, totalActions } from '../../../src/core/learning/annotatorActions';

const span = (start: number, end: number, type: string) => ({ start, end, type });

describe('annotator actions to reach gold', () => {
  it('accepts right suggestions, retypes, fixes boundaries, rejects and adds', () => {
    const gold = [span(0, 2, 'PERS'), span(5, 6, 'LOC'), span(8, 10, 'ORG'), span(12, 13, 'PERS')];
    const suggested = [span(0, 2, 'PERS'), span(5, 6, 'ORG'), span(8, 9, 'ORG'), span(20, 21, 'LOC')];
    const c = actionsToGold(suggested, gold);
    assert.deepEqual(c, { accept: 2, changeType: 1, fixBoundary: 1, reject: 1, add: 1 });
    assert.equal(totalActions(c), 6);
  });

  it('uses a suggestion for one gold span only', () => {
    const c = actionsToGold([span(0, 5, 'ORG')], [span(0, 2, 'ORG'), span(3, 5, 'ORG')]);
    assert.deepEqual(c, { accept: 1, changeType: 0, fixBoundary: 1, reject: 0, add: 1 });
  });

  it('prefers the exact gold span among overlapping ones', () => {
    const c = actionsToGold([span(3, 5, 'LOC')], [span(2, 5, 'LOC'), span(3, 5, 'LOC')]);
    assert.deepEqual(c, { accept: 1, changeType: 0, fixBoundary: 0, reject: 0, add: 1 });
  });

  it('counts one action for all the right suggestions of a sentence, or for all the wrong ones', () => {
    const gold = [span(0, 2, 'PERS'), span(3, 4, 'LOC'), span(5, 6, 'LOC'), span(8, 10, 'ORG'), span(12, 13, 'PERS')];
    const suggested = [span(0, 2, 'PERS'), span(3, 4, 'LOC'), span(5, 6, 'ORG'), span(8, 9, 'ORG'), span(20, 21, 'LOC')];
    // right: 2 (one step); retype 5–6; annotate 8–10 over 8–9; reject 20–21; add 12–13.
    assert.equal(sentenceReviewActions(suggested, gold), 5);
    assert.equal(sentenceReviewActions([span(8, 9, 'ORG')], gold), 5, 'no right suggestion left: no accepting step');
    assert.equal(sentenceReviewActions([], []), 0);
    const junk = [span(20, 21, 'LOC'), span(22, 23, 'ORG'), span(24, 25, 'PERS')];
    assert.equal(sentenceReviewActions([span(0, 2, 'PERS'), ...junk], [span(0, 2, 'PERS')]), 2, 'accept the right one, reject the rest together');
  });

  it('after confident suggestions were accepted unseen: fixes the wrong ones, then reviews what is still shown against the rest', () => {
    const gold = [span(0, 2, 'PERS'), span(5, 6, 'LOC'), span(8, 10, 'ORG'), span(12, 13, 'PERS')];
    // Accepted: right (0); retype 5–6 (1); 8–9 for 8–10: annotate 8–10 as ORG, reject 8–9 (2); reject 15–16 (1).
    const accepted = [span(0, 2, 'PERS'), span(5, 6, 'ORG'), span(8, 9, 'LOC'), span(15, 16, 'LOC')];
    // Shown: 12–13 right (accept, 1); 20–21 matches nothing (reject, 1).
    assert.equal(actionsAfterConfident(accepted, [span(12, 13, 'PERS'), span(20, 21, 'LOC')], gold), 6);
    assert.equal(actionsAfterConfident(accepted, [], gold), 5, 'the gold span no accepted one stands for is added');
    assert.equal(actionsAfterConfident([span(8, 9, 'ORG')], [], [span(8, 10, 'ORG')]), 2, 'a wrong span takes two, its type right or not');
    assert.equal(actionsAfterConfident(gold, [], gold), 0, 'all right: nothing to do');
  });
});
