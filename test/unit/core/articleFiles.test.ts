// Reading and writing an article's files: what cannot be read is kept, never overwritten.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { articlePaths, loadArticle, saveArticle } from '../../../src/core/session/articleFiles';
import type { EntityAnnotation } from '../../../src/core/model';

const TEXT = 'زار الكاظمي واشنطن';
const washington: EntityAnnotation = { id: 'T1', type: 'GPE', spans: [{ start: 12, end: 18 }], status: 'accepted' };
const rejected: EntityAnnotation = { id: 'X1', type: 'PER', spans: [{ start: 4, end: 11 }], status: 'rejected' };

describe('article files', () => {
  let dir: string;
  let paths: ReturnType<typeof articlePaths>;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-files-'));
    paths = articlePaths(path.join(dir, 'a.txt'));
    fs.writeFileSync(paths.text, TEXT);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('never writes over a .ann that is not UTF-8 text, and says why', () => {
    // A note saved in Windows-1256: these bytes are not UTF-8.
    const bytes = Buffer.concat([Buffer.from('T1\tGPE 12 18\tواشنطن\n#1\tAnnotatorNotes T1\t'), Buffer.from([0xc7, 0xe1, 0xde, 0xc7, 0xd9]), Buffer.from('\n')]);
    fs.writeFileSync(paths.ann, bytes);
    const loaded = loadArticle(paths, TEXT);
    assert.deepEqual(loaded.annotations, []);
    assert.match(loaded.problems[0], /a\.ann is not valid UTF-8 text .*Tawsim shows nothing from it and will not write it/);
    const outcome = saveArticle(paths, TEXT, [washington], [], loaded.preserved, loaded.annSnapshot, true);
    assert.equal(outcome.kind, 'unreadable');
    assert.ok(fs.readFileSync(paths.ann).equals(bytes), 'the bytes are as they were');
  });

  it('keeps a state file it cannot read aside instead of writing over it', () => {
    fs.mkdirSync(path.dirname(paths.state));
    const handEdited = '{ "version": 1, "rejected": [ {"type":"GPE","start":12,"end":18,"text":"واشنطن"}, ] }\n';
    fs.writeFileSync(paths.state, handEdited);
    const loaded = loadArticle(paths, TEXT);
    assert.match(loaded.problems[0], /cannot read the rejected suggestions .*kept as a\.json\.unreadable/s);
    saveArticle(paths, TEXT, [rejected], [], [], undefined);
    assert.equal(fs.readFileSync(`${paths.state}.unreadable`, 'utf8'), handEdited);
    assert.deepEqual(JSON.parse(fs.readFileSync(paths.state, 'utf8')).rejected, [{ type: 'PER', start: 4, end: 11, text: 'الكاظمي' }]);
    assert.deepEqual(loadArticle(paths, TEXT).problems, [], 'the new state file reads');
  });

  it('keeps which accepted annotations were taken unseen, found again after the text moved', () => {
    const kadhimi: EntityAnnotation = { id: 'T2', type: 'PER', spans: [{ start: 4, end: 11 }], status: 'accepted', unseen: true };
    saveArticle(paths, TEXT, [washington, kadhimi], [], [], undefined);
    assert.doesNotMatch(fs.readFileSync(paths.ann, 'utf8'), /unseen/, 'the .ann stays plain brat');
    assert.deepEqual(JSON.parse(fs.readFileSync(paths.state, 'utf8')).unseen, [{ type: 'PER', start: 4, end: 11, text: 'الكاظمي' }]);
    const loaded = loadArticle(paths, TEXT);
    assert.deepEqual(loaded.annotations.map((a) => `${a.id} ${a.unseen ?? false}`), ['T1 false', 'T2 true']);
    // Text added before both (in another editor): the .ann is rewritten by whoever edits, the state file relocates.
    const moved = `عاجل: ${TEXT}`;
    fs.writeFileSync(paths.ann, 'T1\tGPE 18 24\tواشنطن\nT2\tPER 10 17\tالكاظمي\n');
    assert.deepEqual(loadArticle(paths, moved).annotations.map((a) => `${a.id} ${a.unseen ?? false}`), ['T1 false', 'T2 true']);
    saveArticle(paths, TEXT, [washington, { ...kadhimi, unseen: undefined }], [], [], loadArticle(paths, moved).annSnapshot);
    assert.equal(JSON.parse(fs.readFileSync(paths.state, 'utf8')).unseen, undefined, 'reviewed: no longer listed');
  });
});
