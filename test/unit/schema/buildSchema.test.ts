import * as assert from 'node:assert/strict';
import { parseAnnotationConf } from '../../../src/core/schema/bratConf';
import { buildSchema } from '../../../src/core/schema/buildSchema';
import { NEWS_ENTITY_TYPES, NEWS_EVENT_TYPES, NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';
import { paletteColors } from '../../../src/core/schema/palette';
import { parseVisualConf } from '../../../src/core/schema/visualConf';
import { schemaToAnnotationConf, schemaToVisualConf } from '../../../src/core/schema/writeConf';

const CONF = `[entities]
!Entity
\tPER
\tORG
\t\tMilitia
GPE
[relations]
Located\tArg1:PER|ORG, Arg2:GPE
Member\tArg1:PER, Arg2:<ANY>
[events]
!Conflict
\tAttack\tAttacker:PER|ORG, Target?:<ANY>, Instrument*:<ENTITY>, Place+:GPE, Victim{2}:PER, Time{1-3}:DATE, Witness{2-}:PER
Be-Born\tPerson:PER, Place?:GPE
[attributes]
Negation\tArg:<EVENT>
Confidence\tArg:Attack|Be-Born, Value:High|Low
`;

describe('schema from conf', () => {
  it('rebuilds the built-in schema from its type names', () => {
    const conf = {
      entities: NEWS_ENTITY_TYPES.map((t) => ({ name: t.name, abstract: false })),
      events: NEWS_EVENT_TYPES.map((t) => ({ name: t.name, abstract: false, roles: t.roles })),
      relations: [],
      attributes: [],
    };
    assert.deepEqual(buildSchema(conf, undefined, 'built-in'), NEWS_SCHEMA);
  });

  it('gives every type a colour and a distinct shortcut; abstract types get none', () => {
    const schema = buildSchema(parseAnnotationConf(CONF, 'a.conf').conf!, undefined, 'a.conf');
    const types = [...schema.entities, ...schema.events];
    for (const t of types) assert.match(t.color, /^#[0-9a-f]{6}$/);
    const keys = types.filter((t) => !t.abstract).map((t) => t.shortcut);
    assert.equal(new Set(keys).size, keys.length);
    assert.deepEqual(types.filter((t) => t.abstract).map((t) => [t.name, t.shortcut]), [['Entity', undefined], ['Conflict', undefined]]);
    assert.equal(schema.entities.find((e) => e.name === 'PER')!.shortcut, 'p');
    assert.equal(schema.entities.find((e) => e.name === 'Militia')!.shortcut, 'm');
  });

  it('palette colours are stable per name and avoid taken colours', () => {
    const a = paletteColors(['Attack', 'Meet'], []);
    const b = paletteColors(['Meet', 'Attack'], ['#000000']);
    assert.equal(a.get('Meet'), paletteColors(['Meet'], []).get('Meet'));
    assert.equal(b.get('Meet'), a.get('Meet'));
    const avoided = paletteColors(['Meet'], [a.get('Meet')!]);
    assert.notEqual(avoided.get('Meet'), a.get('Meet'));
  });
});

describe('schemaToAnnotationConf', () => {
  it('parses back to the same types', () => {
    const schema = buildSchema(parseAnnotationConf(CONF, 'a.conf').conf!, undefined, 'a.conf');
    const written = schemaToAnnotationConf(schema);
    const again = parseAnnotationConf(written, 'exported.conf');
    assert.deepEqual(again.errors, []);
    const back = buildSchema(again.conf!, undefined, 'a.conf');
    assert.deepEqual(back, schema);
  });

  it('writes the built-in schema as a brat conf with all four sections', () => {
    assert.equal(
      schemaToAnnotationConf(NEWS_SCHEMA),
      [
        '# Written by Tawsim.',
        '[entities]', 'PER', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'DATE', '',
        '[relations]', '',
        '[events]',
        'Attack\tAgent*:PER|ORG|GPE|NORP, Target*:<ANY>, Instrument?:<ANY>, Place?:GPE|LOC|FAC, Time?:DATE',
        'Meet\tParticipant*:PER|ORG|GPE|NORP, Place?:GPE|LOC|FAC, Time?:DATE',
        'Transport\tAgent*:PER|ORG|NORP|GPE, Destination?:GPE|LOC|FAC, Origin?:GPE|LOC|FAC, Time?:DATE',
        'Deploy\tAgent*:ORG|NORP|GPE, Place?:GPE|LOC|FAC, Time?:DATE',
        'Arrest\tPerson*:PER|NORP, Agent?:PER|ORG|GPE|NORP, Place?:GPE|LOC|FAC, Time?:DATE',
        'Release\tPerson*:PER|NORP, Agent?:PER|ORG|GPE|NORP, Place?:GPE|LOC|FAC, Time?:DATE',
        'Trial\tDefendant*:PER|ORG|NORP, Adjudicator?:PER|ORG, Place?:GPE|LOC|FAC, Time?:DATE',
        'Kill\tVictim*:PER|NORP, Agent?:PER|ORG|GPE|NORP, Instrument?:<ANY>, Place?:GPE|LOC|FAC, Time?:DATE',
        'Kidnap\tVictim*:PER|NORP, Agent?:PER|ORG|GPE|NORP, Place?:GPE|LOC|FAC, Time?:DATE',
        'Agreement\tParty*:PER|ORG|GPE, Place?:GPE|LOC|FAC, Time?:DATE',
        '',
        '[attributes]',
        '',
      ].join('\n'),
    );
  });

  it('writes a visual.conf that gives back labels and colours', () => {
    const schema = buildSchema(parseAnnotationConf(CONF, 'a.conf').conf!, undefined, 'a.conf');
    const { visual, warnings } = parseVisualConf(schemaToVisualConf(schema), 'visual.conf');
    assert.deepEqual(warnings, []);
    const withVisual = buildSchema(parseAnnotationConf(schemaToAnnotationConf(schema), 'x').conf!, visual, 'a.conf');
    const strip = (s: typeof schema) => [...s.entities, ...s.events].map((t) => [t.name, t.label, t.arabicLabel, t.color]);
    assert.deepEqual(strip(withVisual), strip(schema));
    const per = parseVisualConf(schemaToVisualConf(NEWS_SCHEMA), 'v').visual.labels.get('PER');
    assert.deepEqual(per, ['Person', 'شخص']);
  });
});
