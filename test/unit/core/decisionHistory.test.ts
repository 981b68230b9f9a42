import * as assert from 'node:assert/strict';
import type { ArticleSession } from '../../../src/core/session/articleSession';
import { at, session } from './eventSessionFixture';

/** Everything an annotator sees of the session: annotations, events and suggestions. */
function view(s: ArticleSession) {
  return {
    annotations: s.store.all().map((a) => `${a.id} ${a.status} ${a.type} ${s.textOf(a.spans)}`),
    events: s.store.events().map((e) => `${e.id} ${e.type} ${e.trigger} ${e.args.map((a) => `${a.role}=${a.target}`).join(',')}`),
    suggestions: s.suggestions().map((x) => `${x.type} ${s.textOf([x])}`),
    eventSuggestions: s.eventSuggestions().map((e) => `${e.type} ${s.textOf([e.trigger])}`),
  };
}

describe('article session: undo and redo of decisions', () => {
  it('undoes and redoes an accepted suggestion, saying what it takes back', () => {
    const { s } = session();
    const fresh = view(s);
    s.perform({ kind: 'accept', target: at('بغداد', 'GPE') });
    const accepted = view(s);
    assert.deepEqual(s.undoable, { undo: 'Accepted «بغداد» as GPE.', redo: undefined });

    const undone = s.perform({ kind: 'undo' });
    assert.deepEqual(undone, { changed: true, message: 'Undone: Accepted «بغداد» as GPE.' });
    assert.deepEqual(view(s), fresh);
    assert.deepEqual(s.undoable, { undo: undefined, redo: 'Accepted «بغداد» as GPE.' });

    assert.deepEqual(s.perform({ kind: 'redo' }), { changed: true, message: 'Redone: Accepted «بغداد» as GPE.' });
    assert.deepEqual(view(s), accepted, 'the same annotation, with the same id');
    assert.deepEqual(s.perform({ kind: 'redo' }), { changed: false, message: 'Nothing to redo.' });
  });

  it('takes decisions back one at a time, last first, down to nothing to undo', () => {
    const { s } = session();
    const states = [view(s)];
    s.perform({ kind: 'accept', target: at('هشام الهاشمي', 'PER') });
    states.push(view(s));
    s.perform({ kind: 'changeType', id: 'T1', type: 'NORP' });
    states.push(view(s));
    s.perform({ kind: 'reject', target: at('بغداد', 'GPE') });
    states.push(view(s));
    s.perform({ kind: 'delete', id: 'T1' });
    for (let i = states.length - 1; i >= 0; i--) {
      assert.ok(s.perform({ kind: 'undo' }).changed);
      assert.deepEqual(view(s), states[i]);
    }
    assert.deepEqual(s.perform({ kind: 'undo' }), { changed: false, message: 'Nothing to undo.' });
  });

  it('undoes a whole sentence rejected at once, events included, in one step', () => {
    const { s } = session();
    const fresh = view(s);
    s.perform({ kind: 'rejectWithin', range: { start: 3, end: 3 } });
    assert.deepEqual([view(s).suggestions, view(s).eventSuggestions], [[], []]);
    assert.equal(s.perform({ kind: 'undo' }).message, 'Undone: Rejected 3 entities and 1 event in this sentence.');
    assert.deepEqual(view(s), fresh);
  });

  it('undoes an accepted event with its trigger and arguments, and a deleted argument entity with its role', () => {
    const { s } = session();
    const fresh = view(s);
    const [kill] = s.eventSuggestions();
    s.perform({ kind: 'acceptEvent', event: { type: 'Kill', trigger: kill.trigger, arguments: kill.arguments.map((a) => ({ ...a })) } });
    const accepted = view(s);
    assert.equal(accepted.events.length, 1);
    const victim = s.store.events()[0].args.find((a) => a.role === 'Victim')!.target;
    s.perform({ kind: 'delete', id: victim });
    assert.ok(!view(s).events[0].includes('Victim='));

    s.perform({ kind: 'undo' });
    assert.deepEqual(view(s), accepted, 'the entity is back, and Victim of the event again');
    s.perform({ kind: 'undo' });
    assert.deepEqual(view(s), fresh);
    s.perform({ kind: 'redo' });
    assert.deepEqual(view(s), accepted);
  });

  it('a new decision drops what was undone', () => {
    const { s } = session();
    s.perform({ kind: 'accept', target: at('بغداد', 'GPE') });
    s.perform({ kind: 'undo' });
    s.perform({ kind: 'reject', target: at('مساء الجمعة', 'DATE') });
    assert.deepEqual(s.perform({ kind: 'redo' }), { changed: false, message: 'Nothing to redo.' });
    assert.equal(s.undoable.undo, 'Rejected «مساء الجمعة» as DATE.');
  });

  it('follows edits of the text: the annotations a decision changed are found where the text moved them', () => {
    const { s } = session();
    s.perform({ kind: 'accept', target: at('هشام الهاشمي', 'PER') });
    s.perform({ kind: 'delete', id: 'T1' });
    s.applyChanges([{ start: 0, end: 0, text: 'عاجل: ' }]);
    s.perform({ kind: 'undo' });
    assert.deepEqual(view(s).annotations, ['T1 accepted PER هشام الهاشمي'], 'the deleted annotation comes back over the moved name');
    s.applyChanges([{ start: 0, end: 6, text: '' }]);
    s.perform({ kind: 'undo' });
    assert.deepEqual(view(s).annotations, []);
    assert.deepEqual(view(s).suggestions, ['PER هشام الهاشمي', 'GPE بغداد', 'DATE مساء الجمعة']);
  });

  it('follows a long run of edits (the log of edits starts over on the way)', () => {
    const { s } = session();
    s.perform({ kind: 'accept', target: at('بغداد', 'GPE') });
    s.perform({ kind: 'delete', id: 'T1' });
    for (let i = 0; i < 1500; i++) s.applyChanges([{ start: 0, end: 0, text: i % 2 ? ' ' : 'ـ' }]);
    s.perform({ kind: 'undo' });
    assert.deepEqual(view(s).annotations, ['T1 accepted GPE بغداد']);
    assert.equal(s.store.get('T1')!.spans[0].start, at('بغداد', 'GPE').start + 1500);
    s.perform({ kind: 'undo' });
    assert.deepEqual(view(s).annotations, []);
  });

  it('will not undo a decision whose annotation lost its text, and goes on with the one before', () => {
    const { s } = session();
    s.perform({ kind: 'accept', target: at('بغداد', 'GPE') });
    s.perform({ kind: 'accept', target: at('مساء الجمعة', 'DATE') });
    const date = at('مساء الجمعة', 'DATE');
    s.applyChanges([{ start: date.start, end: date.end, text: 'أمس' }]);
    const refused = s.perform({ kind: 'undo' });
    assert.equal(refused.changed, false);
    assert.match(refused.message, /^Cannot undo “Accepted «مساء الجمعة» as DATE\.”: the text of an annotation it changed has been deleted since\. Undo again/);
    assert.deepEqual(s.perform({ kind: 'undo' }), { changed: true, message: 'Undone: Accepted «بغداد» as GPE.' });
    assert.deepEqual(view(s).annotations, []);
  });

  it('reading the annotations from the files again forgets the history', () => {
    const { s } = session();
    s.perform({ kind: 'accept', target: at('بغداد', 'GPE') });
    s.replaceAnnotations(s.store.all());
    assert.deepEqual(s.perform({ kind: 'undo' }), { changed: false, message: 'Nothing to undo.' });
  });

  it('records nothing for a decision that changed nothing', () => {
    const { s } = session();
    s.perform({ kind: 'accept', target: at('بغداد', 'GPE') });
    assert.equal(s.perform({ kind: 'accept', target: at('بغداد', 'GPE') }).changed, false);
    s.perform({ kind: 'undo' });
    assert.deepEqual(s.undoable, { undo: undefined, redo: 'Accepted «بغداد» as GPE.' });
  });
});
