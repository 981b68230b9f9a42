// Events read from a .ann are checked against the schema, and reported, not changed.

import * as assert from 'node:assert/strict';
import { NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';
import { buildSchema } from '../../../src/core/schema/buildSchema';
import { parseAnnotationConf } from '../../../src/core/schema/bratConf';
import { eventSchemaProblems } from '../../../src/core/session/eventProblems';

describe('events against the schema', () => {
  it('names an unknown type, an unknown role and a role over its limit', () => {
    const problems = eventSchemaProblems(
      [
        { id: 'E1', type: 'Attack', trigger: 'T1', args: [{ role: 'Place', target: 'T2' }, { role: 'Place', target: 'T3' }, { role: 'Bogus', target: 'T4' }] },
        { id: 'E2', type: 'Protest', trigger: 'T5', args: [] },
        { id: 'E3', type: 'Kill', trigger: 'T6', args: [{ role: 'Victim', target: 'T2' }] },
      ],
      NEWS_SCHEMA,
    );
    assert.deepEqual(problems, [
      'E1: Attack has no role Bogus',
      'E1: Place of Attack takes at most 1 argument; it has 2',
      'E2: the schema has no event type Protest',
    ]);
  });

  it('names a required role left empty', () => {
    const { conf } = parseAnnotationConf('[entities]\nPER\n[relations]\n[events]\nMeet\tParty{2}:PER\n[attributes]\n', 'annotation.conf');
    const schema = buildSchema(conf!, undefined, 'annotation.conf');
    assert.deepEqual(eventSchemaProblems([{ id: 'E1', type: 'Meet', trigger: 'T1', args: [{ role: 'Party', target: 'T2' }] }], schema), [
      'E1: Party of Meet needs at least 2 arguments; it has 1',
    ]);
  });
});
