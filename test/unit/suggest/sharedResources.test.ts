// A model carries the data files its rule features read; when they are the data folder's, it must
// reuse the engine's resources rather than build a second copy, and build its own otherwise.

import * as assert from 'node:assert/strict';
import { loadFolderResources, sharedEngineResources } from '../../../src/core/suggest/loadResources';
import { DATA_DIR } from './helpers';

describe('engine resources shared with a model', () => {
  it('the same files give the engine’s own resources, without reading anything', () => {
    const { resources, files } = loadFolderResources(DATA_DIR);
    const copy = new Map(files);
    const read = () => assert.fail('nothing should be read again');
    assert.equal(sharedEngineResources(copy, { read }), resources);
  });

  it('other files give resources of their own, built from them', () => {
    const { resources, files } = loadFolderResources(DATA_DIR);
    const changed = new Map(files);
    changed.set('curated/titles.txt', `${files.get('curated/titles.txt')}\nعريف`);
    const built = sharedEngineResources(changed, { read: (file) => changed.get(file)! });
    assert.notEqual(built, resources);
    assert.equal(sharedEngineResources(changed, { read: () => assert.fail('built once') }), built);
  });
});
