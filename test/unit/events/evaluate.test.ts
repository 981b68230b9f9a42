// Scoring .ann against .ann (`tawsim eval`): entities strict and by whitespace token, triggers by
// type and token, arguments by event type, role and token range.

import * as assert from 'node:assert/strict';
import { readAnnDocument } from '../../../src/core/events/annDocument';
import { evaluateDocuments } from '../../../src/core/events/evaluate';

const TEXT = 'وسقط صاروخ على مطار بغداد مساء الثلاثاء';
// offsets: وسقط 0-4 (سقط 1-4), صاروخ 5-10, على 11-14, مطار 15-19, بغداد 20-25, مساء الثلاثاء 26-39
const GOLD = [
  'T1\tFAC 15 25\tمطار بغداد',
  'T2\tDATE 26 39\tمساء الثلاثاء',
  'T3\tAttack 1 4\tسقط',
  'E1\tAttack:T3 Target:T1 Time:T2',
  '',
].join('\n');

const score = (pred: string) => evaluateDocuments([{ gold: readAnnDocument(TEXT, GOLD), pred: readAnnDocument(TEXT, pred) }]);

describe('tawsim eval scoring', () => {
  it('gives 100 to the gold itself', () => {
    const e = score(GOLD);
    for (const c of [e.entities, e.entityTokens, e.triggers, e.arguments]) assert.equal(c.all.f1, 100);
    assert.equal(e.triggers.all.gold, 1);
    assert.equal(e.arguments.all.gold, 2);
    assert.equal(e.entities.all.gold, 2, 'the trigger is not counted as an entity');
  });

  it('scores a discontinuous entity by its fragments: the words between them are not part of it', () => {
    const text = 'أحمد في القاهرة وسعيد.';
    const gold = readAnnDocument(text, 'T1\tPER 0 4;16 21\tأحمد وسعيد\n');
    const whole = evaluateDocuments([{ gold, pred: readAnnDocument(text, 'T1\tPER 0 21\tأحمد في القاهرة وسعيد\n') }]);
    assert.equal(whole.entities.all.correct, 0);
    assert.equal(whole.entityTokens.all.gold, 2);
    assert.equal(whole.entityTokens.all.correct, 2);
    assert.equal(whole.entityTokens.all.pred, 4);
    const same = evaluateDocuments([{ gold, pred: gold }]);
    assert.equal(same.entities.all.f1, 100);
    assert.equal(same.entityTokens.all.f1, 100);
  });

  it('counts a trigger that covers the same whitespace token, clitic included, as found', () => {
    const e = score(GOLD.replace('T3\tAttack 1 4\tسقط', 'T3\tAttack 0 4\tوسقط'));
    assert.equal(e.triggers.all.f1, 100);
    assert.equal(e.arguments.all.f1, 100);
  });

  it('counts a trigger of another type as wrong, found by the untyped score, and its arguments as wrong', () => {
    const e = score(GOLD.replace(/Attack/g, 'Kill').replace('Target:', 'Victim:'));
    assert.equal(e.triggers.all.correct, 0);
    assert.equal(e.untypedTriggers.all.correct, 1);
    assert.equal(e.arguments.all.correct, 0);
  });

  it('scores entity boundaries strictly, and by token with partial credit', () => {
    const e = score(GOLD.replace('T1\tFAC 15 25\tمطار بغداد', 'T1\tFAC 20 25\tبغداد'));
    assert.equal(e.entities.all.correct, 1);
    assert.equal(e.entities.all.pred, 2);
    assert.equal(e.entityTokens.all.correct, 3, 'بغداد, مساء, الثلاثاء');
    assert.equal(e.entityTokens.all.gold, 4);
    assert.equal(e.arguments.all.correct, 1, 'the Target has other tokens; the Time is right');
  });

  it('counts a missing argument against recall only', () => {
    const e = score(GOLD.replace(' Time:T2', ''));
    assert.equal(e.arguments.all.p, 100);
    assert.equal(e.arguments.all.r, 50);
    assert.deepEqual(Object.keys(e.argumentsByRole.byType).sort(), ['Attack.Target', 'Attack.Time']);
  });

  it('reports an event pointing at a missing T and leaves it out', () => {
    const doc = readAnnDocument(TEXT, GOLD.replace('Time:T2', 'Time:T9'));
    assert.equal(doc.events.length, 0);
    assert.equal(doc.problems.length, 1);
    assert.match(doc.problems[0].message, /T9/);
    assert.equal(doc.problems[0].line, 4);
  });

  it('names the line of a mismatched annotation in a .ann that starts with a BOM', () => {
    const first = GOLD.split('\n')[0];
    const doc = readAnnDocument(TEXT, '\uFEFF' + GOLD.replace(first, first.replace(/\t[^\t]*$/, '\tغلط')));
    assert.equal(doc.problems.find((p) => p.message.startsWith('T1: '))?.line, 1);
  });
});
