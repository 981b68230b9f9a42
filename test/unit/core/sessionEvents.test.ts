import * as assert from 'node:assert/strict';
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

  it('deleting an entity that is an argument removes the argument and says so', () => {
    const { s } = session();
    const [kill] = s.eventSuggestions();
    s.perform({ kind: 'acceptEvent', event: { type: 'Kill', trigger: kill.trigger, arguments: kill.arguments.map((a) => ({ ...a })) } });
    const victim = s.store.events()[0].args.find((a) => a.role === 'Victim')!.target;
    const r = s.perform({ kind: 'delete', id: victim });
    assert.match(r.message, /no longer Victim of Kill E1/);
    assert.ok(!s.store.events()[0].args.some((a) => a.role === 'Victim'));
  });

  it('changing the event type drops arguments whose role the new type lacks', () => {
    const { s } = session();
    const [kill] = s.eventSuggestions();
    s.perform({ kind: 'acceptEvent', event: { type: 'Kill', trigger: kill.trigger, arguments: kill.arguments.map((a) => ({ ...a })) } });
    const r = s.perform({ kind: 'changeEventType', id: 'E1', type: 'Meet' });
    assert.match(r.message, /1 argument with a role Meet does not have dropped/);
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
