import * as assert from 'node:assert/strict';
import { parseAnnotationConf } from '../../../src/core/schema/bratConf';
import { formatConfError } from '../../../src/core/schema/confFile';
import { parseVisualConf } from '../../../src/core/schema/visualConf';

const CONF = `# News types
<LOCATION>=GPE|LOC|FAC
[entities]
!Entity
\tPER
\tORG
\t\tMilitia
\tGPE
LOC
FAC
----
[relations]
Located\tArg1:PER|ORG, Arg2:<LOCATION>
Equiv\tArg1:PER, Arg2:PER, <REL-TYPE>:symmetric-transitive
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>
[events]
!Conflict
\tAttack\tAttacker:PER|ORG, Target?:<ANY>, Instrument*:<ENTITY>, Place+:<LOCATION>, Victim{2}:PER, Time{1-3}:DATE, Witness{2-}:PER
Be-Born\tPerson:PER, Place?:<LOCATION>
Meet
[attributes]
Negation\tArg:<EVENT>
Confidence\tArg:Attack|Be-Born, Value:High|Low
`;

describe('annotation.conf', () => {
  it('reads the entity hierarchy, abstract types and macros', () => {
    const { conf, errors } = parseAnnotationConf(CONF, 'annotation.conf');
    assert.deepEqual(errors, []);
    assert.deepEqual(conf!.entities, [
      { name: 'Entity', abstract: true },
      { name: 'PER', parent: 'Entity', abstract: false },
      { name: 'ORG', parent: 'Entity', abstract: false },
      { name: 'Militia', parent: 'ORG', abstract: false },
      { name: 'GPE', parent: 'Entity', abstract: false },
      { name: 'LOC', abstract: false },
      { name: 'FAC', abstract: false },
    ]);
  });

  it('reads event roles with every cardinality', () => {
    const { conf } = parseAnnotationConf(CONF, 'annotation.conf');
    const attack = conf!.events.find((e) => e.name === 'Attack')!;
    assert.equal(attack.parent, 'Conflict');
    assert.deepEqual(attack.roles, [
      { name: 'Attacker', targets: ['PER', 'ORG'], min: 1, max: 1 },
      { name: 'Target', targets: [], min: 0, max: 1 },
      { name: 'Instrument', targets: ['<ENTITY>'], min: 0, max: Infinity },
      { name: 'Place', targets: ['GPE', 'LOC', 'FAC'], min: 1, max: Infinity },
      { name: 'Victim', targets: ['PER'], min: 2, max: 2 },
      { name: 'Time', targets: ['DATE'], min: 1, max: 3 },
      { name: 'Witness', targets: ['PER'], min: 2, max: Infinity },
    ]);
    assert.deepEqual(conf!.events.find((e) => e.name === 'Meet'), { name: 'Meet', abstract: false, roles: [] });
  });

  it('reads relations (without brat directives) and attributes', () => {
    const { conf } = parseAnnotationConf(CONF, 'annotation.conf');
    assert.deepEqual(conf!.relations, [
      { name: 'Located', args: [{ role: 'Arg1', targets: ['PER', 'ORG'] }, { role: 'Arg2', targets: ['GPE', 'LOC', 'FAC'] }] },
      { name: 'Equiv', args: [{ role: 'Arg1', targets: ['PER'] }, { role: 'Arg2', targets: ['PER'] }] },
    ]);
    assert.deepEqual(conf!.attributes, [
      { name: 'Negation', targets: ['<EVENT>'], values: [] },
      { name: 'Confidence', targets: ['Attack', 'Be-Born'], values: ['High', 'Low'] },
    ]);
  });

  it('reads what brat accepts: a relation declared once per pair of types, [spans] for [entities], <INHERIT>', () => {
    const { conf, errors } = parseAnnotationConf(
      [
        '[spans]', 'PER', 'ORG', 'GPE',
        '[relations]', 'Equiv\tArg1:PER, Arg2:PER', 'Equiv\tArg1:ORG, Arg2:ORG',
        '[events]', 'Conflict\tPlace?:GPE', '\tAttack\t<INHERIT>, Target*:PER|ORG',
        '[attributes]', '',
      ].join('\n'),
      'annotation.conf',
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(conf!.entities.map((e) => e.name), ['PER', 'ORG', 'GPE']);
    assert.deepEqual(conf!.relations, [{ name: 'Equiv', args: [{ role: 'Arg1', targets: ['PER', 'ORG'] }, { role: 'Arg2', targets: ['PER', 'ORG'] }] }]);
    assert.deepEqual(conf!.events.find((e) => e.name === 'Attack')!.roles.map((r) => r.name), ['Place', 'Target']);
  });

  it('accepts CRLF line ends and a BOM', () => {
    const { conf, errors } = parseAnnotationConf('\uFEFF' + CONF.replace(/\n/g, '\r\n'), 'a.conf');
    assert.deepEqual(errors, []);
    assert.equal(conf!.entities.length, 7);
  });

  const broken: [string, string, number, RegExp][] = [
    ['a missing section', '[entities]\nPER\n[relations]\n[events]\n', 0, /section \[attributes\] is missing/],
    ['an unknown section', '[entities]\n[relations]\n[events]\n[attributes]\n[entites]\nPER\n', 5, /unknown section \[entites\]/],
    ['a line before any section', 'PER\n[entities]\n[relations]\n[events]\n[attributes]\n', 1, /outside any section/],
    ['an orphan subtype', '[entities]\nPER\n\t\tSub\n[relations]\n[events]\n[attributes]\n', 3, /Sub is indented 2 deep/],
    ['a bad role', '[entities]\nPER\n[relations]\n[events]\nAttack\tAttacker PER\n[attributes]\n', 5, /cannot read argument "Attacker PER"/],
    ['a bad cardinality', '[entities]\n[relations]\n[events]\nAttack\tVictim{x}:PER\n[attributes]\n', 4, /cannot read the role "Victim\{x\}"/],
    ['an empty range', '[entities]\n[relations]\n[events]\nAttack\tVictim{3-1}:PER\n[attributes]\n', 4, /\{3-1\} allows no argument/],
    ['an empty type', '[entities]\n[relations]\n[events]\nAttack\tVictim:PER|\n[attributes]\n', 4, /empty type/],
    ['a duplicate role', '[entities]\n[relations]\n[events]\nAttack\tA:PER, A?:PER\n[attributes]\n', 4, /role A appears twice/],
    ['a duplicate type', '[entities]\nPER\n[relations]\n[events]\nPER\n[attributes]\n', 5, /PER is already declared on line 2/],
    ['an attribute without Arg', '[entities]\n[relations]\n[events]\n[attributes]\nNeg\n', 5, /needs Arg:TYPE/],
    ['a reserved macro', '<ENTITY>=PER\n[entities]\n[relations]\n[events]\n[attributes]\n', 1, /<ENTITY> is reserved/],
  ];
  for (const [what, content, line, message] of broken) {
    it(`rejects ${what}, naming the file and line`, () => {
      const result = parseAnnotationConf(content, '/corpus/annotation.conf');
      assert.equal(result.conf, undefined);
      assert.equal(result.errors.length, 1, JSON.stringify(result.errors));
      const [e] = result.errors;
      assert.equal(e.file, '/corpus/annotation.conf');
      assert.equal(e.line, line);
      assert.match(e.message, message);
      assert.match(formatConfError(e), line ? new RegExp(`^/corpus/annotation.conf:${line}: `) : /^\/corpus\/annotation.conf: section/);
    });
  }

  it('warns about entity arguments and names brat would rename, and still gives the conf', () => {
    const result = parseAnnotationConf('[entities]\nPER\tArg:X\nشخص\n[relations]\n[events]\n[attributes]\n', 'a.conf');
    assert.deepEqual(result.conf!.entities.map((e) => e.name), ['PER', 'شخص']);
    assert.deepEqual(result.warnings.map((w) => w.line), [2, 3]);
  });
});

describe('visual.conf', () => {
  it('reads labels (tab-free, with spaces) and background colours: #rgb, #rrggbb and CSS names, as brat', () => {
    const { visual, warnings } = parseVisualConf(
      '[labels]\nPER | Person | شخص | P\nGPE | Geo-political entity\n[drawing]\nPER\tfgColor:black, bgColor:#7FA2FF\nGPE\tbgColor:#abc\nSPAN_DEFAULT\tfgColor:black, bgColor:lightgreen\nORG\tbgColor:Red\nLOC\tbgColor:toString\n',
      'visual.conf',
    );
    assert.deepEqual([...visual.labels], [['PER', ['Person', 'شخص', 'P']], ['GPE', ['Geo-political entity']]]);
    assert.deepEqual([...visual.colors], [['PER', '#7fa2ff'], ['GPE', '#aabbcc'], ['SPAN_DEFAULT', '#90ee90'], ['ORG', '#ff0000']]);
    assert.deepEqual(warnings.map((w) => [w.line, w.message]), [[9, 'colour "toString" of LOC is not #rgb, #rrggbb or a CSS colour name; a palette colour is used']]);
  });
});
