// Event arguments: the sentence's entities assigned to roles by the types a role allows, by
// position and by cue words, within the schema's cardinalities.

import * as assert from 'node:assert/strict';
import { parseAnnotationConf } from '../../../src/core/schema/bratConf';
import { buildSchema } from '../../../src/core/schema/buildSchema';
import { argumentsOf, suggestEvents, type EntityList } from './helpers';

const KILLING = 'قتل مسلحون أحمد وعلي في بغداد والبصرة أمس.';
const KILLING_ENTITIES: EntityList = [['أحمد', 'PER'], ['علي', 'PER'], ['بغداد', 'GPE'], ['البصرة', 'GPE'], ['أمس', 'DATE']];

describe('event arguments', () => {
  it('takes the agent, destination and time of a visit', () => {
    const text = 'سيزور الكاظمي واشنطن الأسبوع المقبل.';
    assert.deepEqual(argumentsOf(text, { entities: [['الكاظمي', 'PER'], ['واشنطن', 'GPE'], ['الأسبوع المقبل', 'DATE']] }), [
      'Agent=الكاظمي',
      'Destination=واشنطن',
      'Time=الأسبوع المقبل',
    ]);
  });

  it('reads إلى as the destination and من as the origin', () => {
    const text = 'وصل الكاظمي إلى واشنطن قادما من بغداد.';
    assert.deepEqual(argumentsOf(text, { entities: [['الكاظمي', 'PER'], ['واشنطن', 'GPE'], ['بغداد', 'GPE']] }), [
      'Agent=الكاظمي',
      'Destination=واشنطن',
      'Origin=بغداد',
    ]);
  });

  it('reads ضد as the target and قرب as the place', () => {
    const text = 'شن تنظيم داعش هجوما ضد الجيش العراقي قرب الموصل.';
    assert.deepEqual(argumentsOf(text, { entities: [['تنظيم داعش', 'ORG'], ['الجيش العراقي', 'ORG'], ['الموصل', 'GPE']] }), [
      'Agent=تنظيم داعش',
      'Target=الجيش العراقي',
      'Place=الموصل',
    ]);
  });

  it('takes both sides of بين … و… as participants', () => {
    const text = 'عقدت محادثات بين العراق و الولايات المتحدة.';
    assert.deepEqual(argumentsOf(text, { entities: [['العراق', 'GPE'], ['الولايات المتحدة', 'GPE']] }), ['Participant=العراق', 'Participant=الولايات المتحدة']);
  });

  it('takes an agent and a place by their entity types', () => {
    const text = 'اعتقلت الشرطة المتهم في البصرة.';
    assert.deepEqual(argumentsOf(text, { entities: [['الشرطة', 'ORG'], ['البصرة', 'GPE']] }), ['Agent=الشرطة', 'Place=البصرة']);
  });

  it('gives a role that allows many (Victim*) every victim, and a role that allows one (Place?) one place', () => {
    assert.deepEqual(argumentsOf(KILLING, { entities: KILLING_ENTITIES }), ['Victim=أحمد', 'Victim=علي', 'Place=بغداد', 'Time=أمس']);
  });

  it('follows the cardinalities and types of an annotation.conf', () => {
    const conf = parseAnnotationConf('[entities]\nPER\nGPE\nDATE\n[relations]\n[events]\nKill\tVictim:PER, Place?:GPE\n[attributes]\n', 'annotation.conf').conf!;
    const schema = buildSchema(conf, undefined, 'annotation.conf');
    // Victim without a mark means exactly one; there is no Time role.
    assert.deepEqual(argumentsOf(KILLING, { entities: KILLING_ENTITIES, schema }), ['Victim=أحمد', 'Place=بغداد']);
  });

  it('looks past a place-name head noun for the cue (في محافظة مأرب، إلى العاصمة العراقية بغداد)', () => {
    assert.deepEqual(argumentsOf('انفجر لغم في محافظة مأرب.', { entities: [['مأرب', 'GPE']] }), ['Place=مأرب']);
    assert.deepEqual(argumentsOf('وصل الوفد إلى العاصمة العراقية بغداد.', { entities: [['بغداد', 'GPE']] }), ['Destination=بغداد']);
  });

  it('prefers the place of the event\'s clause to a place fronted before a comma, and keeps the fronted one alone', () => {
    const text = 'وفي اليمن، قتل ثلاثة جنود في محافظة مأرب.';
    assert.deepEqual(argumentsOf(text, { entities: [['اليمن', 'GPE'], ['مأرب', 'GPE']] }), ['Place=مأرب']);
    assert.deepEqual(argumentsOf('وفي الرياض، وقع الوزيران اتفاقا.', { entities: [['الرياض', 'GPE']] }), ['Place=الرياض']);
  });

  it('never takes a dateline (بغداد - …) as an argument', () => {
    assert.deepEqual(argumentsOf('مقديشو - هاجم مسلحون فندقا في كيسمايو.', { entities: [['مقديشو', 'GPE'], ['كيسمايو', 'GPE']] }), ['Place=كيسمايو']);
  });

  it('takes a court as the adjudicator, never the defendant', () => {
    const text = 'وقضت محكمة مدينة تبليسي الأحد بسجن الناشط نيكا بيريدزه.';
    assert.deepEqual(argumentsOf(text, { entities: [['محكمة مدينة تبليسي', 'ORG'], ['الأحد', 'DATE'], ['نيكا بيريدزه', 'PER']] }), [
      'Adjudicator=محكمة مدينة تبليسي',
      'Time=الأحد',
      'Defendant=نيكا بيريدزه',
    ]);
  });

  it('takes the subject of لقي … حتفه as the victim', () => {
    const text = 'لقي المسؤول حسن ورسمه حتفه في كيسمايو.';
    assert.deepEqual(argumentsOf(text, { entities: [['حسن ورسمه', 'PER'], ['كيسمايو', 'GPE']] }), ['Victim=حسن ورسمه', 'Place=كيسمايو']);
  });

  it('leaves a nationality in a title to the person after it (الكويتي الشيخ ناصر)', () => {
    const text = 'ووصل رئيس الوزراء الكويتي الشيخ ناصر الصباح إلى كوالالمبور.';
    assert.deepEqual(argumentsOf(text, { entities: [['الكويتي', 'NORP'], ['ناصر الصباح', 'PER'], ['كوالالمبور', 'GPE']] }), [
      'Agent=ناصر الصباح',
      'Destination=كوالالمبور',
    ]);
  });

  it('never takes an entity of another sentence', () => {
    const text = 'وصل الوفد إلى بغداد. واجتمع الوزير في أربيل.';
    const events = suggestEvents(text, { entities: [['بغداد', 'GPE'], ['أربيل', 'GPE']] });
    const sentenceEnd = text.indexOf('.') + 1;
    for (const e of events) {
      for (const a of e.arguments) assert.equal(a.start < sentenceEnd, e.trigger.start < sentenceEnd, `${e.type} took ${text.slice(a.start, a.end)}`);
    }
    assert.ok(events.some((e) => e.arguments.length > 0));
  });

  it('gives each argument a confidence in (0, 1]', () => {
    for (const e of suggestEvents(KILLING, { entities: KILLING_ENTITIES })) {
      for (const a of e.arguments) assert.ok(a.confidence > 0 && a.confidence <= 1, `${a.role} ${a.confidence}`);
    }
  });
});
