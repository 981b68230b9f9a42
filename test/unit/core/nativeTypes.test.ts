import * as assert from 'node:assert/strict';
import { nativeOf, schemaTypesOf } from '../../../src/core/learning/nativeTypes';
import { NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';
import type { Schema } from '../../../src/core/schema/types';

const ANER: Schema = {
  ...NEWS_SCHEMA,
  origin: 'annotation.conf',
  entities: ['PERS', 'LOC', 'ORG', 'MISC'].map((name) => ({ name, label: name, arabicLabel: name, color: '#888888' })),
};
const NATIVE = ['LOC', 'MISC', 'ORG', 'PERS'];

describe('native and schema types', () => {
  it('maps ANERcorp types onto the news schema, LOC to GPE, LOC or FAC', () => {
    assert.deepEqual(schemaTypesOf('PERS', NEWS_SCHEMA), ['PER']);
    assert.deepEqual(schemaTypesOf('LOC', NEWS_SCHEMA), ['GPE', 'LOC', 'FAC']);
    assert.deepEqual(schemaTypesOf('ORG', NEWS_SCHEMA), ['ORG']);
    assert.deepEqual(schemaTypesOf('MISC', NEWS_SCHEMA), []);
  });

  it('keeps native types in a schema that has them', () => {
    for (const t of NATIVE) assert.deepEqual(schemaTypesOf(t, ANER), [t]);
  });

  it('teaches the tagger the native type of a schema type, and nothing for types it does not know', () => {
    assert.equal(nativeOf('PER', NATIVE), 'PERS');
    assert.equal(nativeOf('GPE', NATIVE), 'LOC');
    assert.equal(nativeOf('FAC', NATIVE), 'LOC');
    assert.equal(nativeOf('LOC', NATIVE), 'LOC');
    assert.equal(nativeOf('PERS', NATIVE), 'PERS');
    assert.equal(nativeOf('DATE', NATIVE), undefined);
    assert.equal(nativeOf('NORP', NATIVE), undefined);
  });
});
