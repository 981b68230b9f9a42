import * as assert from 'node:assert/strict';
import { AnnotationStore } from '../../../src/core/store/annotationStore';
import { at, session } from './eventSessionFixture';

describe('article session: events', () => {
  it('suggests events with arguments from entity suggestions', () => {
    const { s } = session();
    const [kill] = s.eventSuggestions();
    assert.equal(kill.type, 'Kill');
    assert.deepEqual(kill.arguments.map((a) => a.role), ['Victim', 'Place', 'Time']);
  });

  it('accepting an event accepts its trigger, its argument entities and the event', () => {
    const { s } = session();
    const [kill] = s.eventSuggestions();
    const r = s.perform({ kind: 'acceptEvent', event: { type: kill.type, trigger: kill.trigger, arguments: kill.arguments.map((a) => ({ role: a.role, start: a.start, end: a.end, type: a.type })) } });
    assert.ok(r.changed, r.message);
    const [event] = s.store.events();
    assert.equal(event.type, 'Kill');
    assert.equal(s.textOf(s.store.get(event.trigger)!.spans), 'اغتيل');
    assert.deepEqual(event.args.map((a) => `${a.role}=${s.textOf(s.store.get(a.target)!.spans)}`), ['Victim=هشام الهاشمي', 'Place=بغداد', 'Time=مساء الجمعة']);
    assert.deepEqual(s.entities().map((e) => e.type).sort(), ['DATE', 'GPE', 'PER']);
    assert.ok(s.isTrigger(s.store.get(event.trigger)!));
    assert.deepEqual(s.eventSuggestions(), [], 'an accepted trigger is not suggested again');
    assert.deepEqual(s.suggestions(), [], 'accepted arguments are no longer entity suggestions');
  });

  it('accepting the sentence takes its entities and the event whose arguments they are; a selection without an argument leaves the event', () => {
    const partial = session().s;
    const r0 = partial.perform({ kind: 'acceptWithin', range: { start: 0, end: at('بغداد', 'GPE').end } });
    assert.equal(r0.message, 'Accepted 2 entities in the selection.');
    assert.deepEqual(partial.store.events(), [], 'مساء الجمعة, an argument, lies outside the selection');
    assert.equal(partial.eventSuggestions().length, 1);

    const { s } = session();
    const r = s.perform({ kind: 'acceptWithin', range: { start: 3, end: 3 } });
    assert.equal(r.message, 'Accepted 3 entities and 1 event in this sentence.');
    const [event] = s.store.events();
    assert.deepEqual(event.args.map((a) => `${a.role}=${s.textOf(s.store.get(a.target)!.spans)}`), ['Victim=هشام الهاشمي', 'Place=بغداد', 'Time=مساء الجمعة']);
    assert.equal(s.entities().length, 3, 'the arguments are the entities just accepted, not copies');
    assert.deepEqual([s.suggestions(), s.eventSuggestions()], [[], []]);
  });

  it('accepting the confident suggestions takes entities only: an event would accept its arguments however unsure', () => {
    const { s } = session();
    const r = s.perform({ kind: 'acceptWithin', range: { start: 0, end: s.text.length }, minConfidence: 0 });
    assert.equal(r.message, 'Accepted 3 entities of confidence 0% or more in the article.');
    assert.deepEqual(s.store.events(), []);
    assert.equal(s.eventSuggestions().length, 1, 'the event stays to review, its arguments now accepted');
  });

  it('rejecting the sentence rejects its entity and event suggestions', () => {
    const { s } = session();
    assert.equal(s.perform({ kind: 'rejectWithin', range: { start: 3, end: 3 } }).message, 'Rejected 3 entities and 1 event in this sentence.');
    assert.deepEqual([s.suggestions(), s.eventSuggestions(), s.store.events()], [[], [], []]);
    assert.deepEqual(s.rejected().map((r) => r.type).sort(), ['DATE', 'GPE', 'Kill', 'PER']);
  });

  it('decides all the suggestions of one type in the article, an entity type or an event type', () => {
    const { s } = session();
    const article = { start: 0, end: s.text.length };
    assert.equal(s.perform({ kind: 'acceptWithin', range: article, type: 'GPE' }).message, 'Accepted 1 GPE entity in the article.');
    assert.deepEqual(s.accepted().map((a) => `${a.type} ${s.textOf(a.spans)}`), ['GPE بغداد']);
    assert.deepEqual(s.perform({ kind: 'acceptWithin', range: article, type: 'ORG' }), { changed: false, message: 'No ORG suggestions in the article.' });
    assert.equal(s.perform({ kind: 'rejectWithin', range: article, type: 'Kill' }).message, 'Rejected 1 Kill event in the article.');
    assert.deepEqual(s.eventSuggestions(), []);
    assert.deepEqual(s.suggestions().map((x) => x.type), ['PER', 'DATE'], 'the other entities stay to review');
  });

  it('a rejected event is not suggested again', () => {
    const { s } = session();
    s.perform({ kind: 'rejectEvent', target: at('اغتيل', 'Kill') });
    assert.deepEqual(s.eventSuggestions(), []);
    assert.equal(s.rejected().length, 1);
  });

  it('makes an event from a selected trigger, adds and removes arguments by the schema\'s roles', () => {
    const { s } = session();
    assert.ok(s.perform({ kind: 'createEvent', target: { ...at('اغتيل', 'Kill'), end: at('اغتيل', 'Kill').end + 1 } }).changed);
    const id = s.store.events()[0].id;
    assert.equal(s.textOf(s.store.get(s.store.events()[0].trigger)!.spans), 'اغتيل', 'the trigger leaves out the space');
    assert.ok(s.perform({ kind: 'addArgument', id, role: 'Victim', target: at('هشام الهاشمي', 'PER') }).changed);
    const wrong = s.perform({ kind: 'addArgument', id, role: 'Victim', target: at('بغداد', 'GPE') });
    assert.equal(wrong.changed, false);
    assert.match(wrong.message, /Victim of Kill takes PER, NORP, not GPE/);
    assert.ok(s.perform({ kind: 'addArgument', id, role: 'Place', target: at('بغداد', 'GPE') }).changed);
    const replaced = s.perform({ kind: 'addArgument', id, role: 'Place', target: { ...at('مساء الجمعة', 'GPE') } });
    assert.match(replaced.message, /replaces the previous one/);
    assert.equal(s.store.events()[0].args.filter((a) => a.role === 'Place').length, 1);
    const victim = s.store.events()[0].args.find((a) => a.role === 'Victim')!;
    assert.ok(s.perform({ kind: 'removeArgument', id, role: 'Victim', target: victim.target }).changed);
    assert.ok(!s.store.events()[0].args.some((a) => a.role === 'Victim'));
  });

  it('giving a role an argument leaves the other roles as they are, even over-full from the file', () => {
    const { s } = session();
    assert.ok(s.perform({ kind: 'createEvent', target: at('اغتيل', 'Kill') }).changed);
    const id = s.store.events()[0].id;
    const baghdad = s.perform({ kind: 'annotate', target: at('بغداد', 'GPE') });
    assert.ok(baghdad.changed);
    const [place] = s.store.withExtent(at('بغداد', 'GPE'), 'accepted');
    const time = s.store.add('GPE', [at('مساء الجمعة', 'GPE')], 'accepted');
    // Two Places, as a hand-edited file may hold (Place takes one).
    s.store.updateEvent(id, { args: [{ role: 'Place', target: place.id }, { role: 'Place', target: time.id }] });
    const added = s.perform({ kind: 'addArgument', id, role: 'Victim', target: at('هشام الهاشمي', 'PER') });
    assert.doesNotMatch(added.message, /replaces/);
    assert.deepEqual(s.store.events()[0].args.map((a) => a.role), ['Place', 'Place', 'Victim']);
  });

  it('refuses a second event on the same trigger, and an argument annotated with a type its role does not take', () => {
    const { s } = session();
    const [kill] = s.eventSuggestions();
    const accept = () => s.perform({ kind: 'acceptEvent', event: { type: 'Kill', trigger: kill.trigger, arguments: [] } });
    assert.ok(accept().changed);
    const again = accept();
    assert.equal(again.changed, false);
    assert.match(again.message, /already the trigger of Kill E1/);
    assert.equal(s.store.events().length, 1);
    assert.ok(s.perform({ kind: 'annotate', target: at('بغداد', 'GPE') }).changed);
    const asPerson = s.perform({ kind: 'addArgument', id: 'E1', role: 'Victim', target: at('بغداد', 'PER') });
    assert.equal(asPerson.changed, false);
    assert.match(asPerson.message, /annotated as GPE; Victim of Kill takes PER, NORP/);
    assert.deepEqual(s.store.events()[0].args, []);
  });

  it('says how many arguments a new type cannot hold', () => {
    const { s } = session();
    assert.ok(s.perform({ kind: 'createEvent', target: at('اغتيل', 'Kill') }).changed);
    for (const [text, type] of [['بغداد', 'GPE'], ['هشام الهاشمي', 'GPE']] as const) s.store.add(type, [at(text, type)], 'accepted');
    const places = s.store.withStatus('accepted').filter((a) => a.type === 'GPE').map((a) => ({ role: 'Place', target: a.id }));
    s.store.updateEvent('E1', { args: places });
    const r = s.perform({ kind: 'changeEventType', id: 'E1', type: 'Attack' });
    assert.match(r.message, /Dropped: 1 argument more than Attack's roles take/);
  });

  it('an event whose trigger is gone is no longer another event\'s argument', () => {
    const store = new AnnotationStore(
      [
        { id: 'T1', type: 'Kill', spans: [{ start: 0, end: 5 }], status: 'accepted' },
        { id: 'T2', type: 'Attack', spans: [{ start: 13, end: 18 }], status: 'accepted' },
      ],
      [],
      [{ id: 'E1', type: 'Kill', trigger: 'T1', args: [] }, { id: 'E2', type: 'Attack', trigger: 'T2', args: [{ role: 'Target', target: 'E1' }] }],
    );
    assert.deepEqual(store.events().map((e) => e.args.length), [0, 1]);
    store.remove('T1');
    assert.deepEqual(store.events(), [{ id: 'E2', type: 'Attack', trigger: 'T2', args: [] }]);
  });

  it('deleting an entity that is an argument removes the argument and says so', () => {
    const { s } = session();
    const [kill] = s.eventSuggestions();
    s.perform({ kind: 'acceptEvent', event: { type: 'Kill', trigger: kill.trigger, arguments: kill.arguments.map((a) => ({ ...a })) } });
    const victim = s.store.events()[0].args.find((a) => a.role === 'Victim')!.target;
    const r = s.perform({ kind: 'delete', id: victim });
    assert.match(r.message, /no longer Victim of Kill E1/);
    assert.ok(!s.store.events()[0].args.some((a) => a.role === 'Victim'));
  });

  it('rejecting an entity that is an argument removes the argument, says so, and keeps it from being suggested again', () => {
    const { s } = session();
    const [kill] = s.eventSuggestions();
    s.perform({ kind: 'acceptEvent', event: { type: 'Kill', trigger: kill.trigger, arguments: kill.arguments.map((a) => ({ ...a })) } });
    const place = s.store.get(s.store.events()[0].args.find((a) => a.role === 'Place')!.target)!;
    const r = s.perform({ kind: 'reject', target: { ...place.spans[0], type: place.type } });
    assert.equal(r.message, 'Rejected «بغداد» as GPE (it was accepted; it is no longer Place of Kill E1).');
    assert.ok(!s.store.events()[0].args.some((a) => a.role === 'Place'));
    assert.ok(!s.suggestions().some((x) => x.start === place.spans[0].start && x.type === 'GPE'));
  });

  it('changing the event type drops arguments whose role the new type lacks', () => {
    const { s } = session();
    const [kill] = s.eventSuggestions();
    s.perform({ kind: 'acceptEvent', event: { type: 'Kill', trigger: kill.trigger, arguments: kill.arguments.map((a) => ({ ...a })) } });
    const r = s.perform({ kind: 'changeEventType', id: 'E1', type: 'Meet' });
    assert.match(r.message, /Dropped: 1 argument with a role Meet does not have \(undo brings them back\)/);
    assert.deepEqual(s.store.events()[0].args.map((a) => a.role), ['Place', 'Time']);
    assert.equal(s.store.get(s.store.events()[0].trigger)!.type, 'Meet');
  });

  it('deleting an event deletes its trigger, and text edits carry events with their trigger', () => {
    const { s } = session();
    const [kill] = s.eventSuggestions();
    s.perform({ kind: 'acceptEvent', event: { type: 'Kill', trigger: kill.trigger, arguments: [] } });
    s.applyChanges([{ start: 0, end: 0, text: 'عاجل: ' }]);
    assert.equal(s.textOf(s.store.get(s.store.events()[0].trigger)!.spans), 'اغتيل');
    s.applyChanges([{ start: 6, end: 11, text: '' }]);
    assert.deepEqual(s.store.events(), [], 'the trigger\'s text is gone');
    s.applyChanges([{ start: 6, end: 6, text: 'اغتيل' }]);
    assert.equal(s.store.events().length, 1, 'undo brings the event back');
    assert.ok(s.perform({ kind: 'deleteEvent', id: 'E1' }).changed);
    assert.deepEqual(s.accepted(), []);
  });
});
