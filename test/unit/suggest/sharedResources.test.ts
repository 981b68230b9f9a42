// A model carries the data files its rule features read; when they are the data folder's, it must
// reuse the engine's resources rather than build a second copy, and build its own otherwise.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadFolderResources, sharedEngineResources } from '../../../src/core/suggest/loadResources';
import { DEFAULT_MODEL_FILE, loadModel } from '../../../src/core/tagger';
import { DATA_DIR, REPO_ROOT } from './helpers';

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

  it('the shipped model carries the data folder’s files, so the language server keeps one copy', () => {
    const rules = loadModel(path.join(REPO_ROOT, 'models', DEFAULT_MODEL_FILE)).extractor.rules;
    assert.ok(rules, 'the shipped model reads the rules');
    const { files } = loadFolderResources(DATA_DIR);
    const differ = [...files].filter(([file, content]) => rules.data.files.get(file) !== content).map(([file]) => file);
    assert.deepEqual(differ, [], 'data files changed since the model was trained: retrain it (npm run train)');
  });
});
