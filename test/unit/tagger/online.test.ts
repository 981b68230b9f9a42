// Online learning: a name the annotator tagged is found in the next sentences; the change is a
// delta that another copy of the same base model can import; reset() restores the base model.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createOnlineLearner, loadModel, saveModel, trainModel, type TaggerModel } from '../../../src/core/tagger';
import type { Tagger } from '../../../src/core/tagger/tagger';
import { syntheticCorpus, syntheticWordTable } from './fixture';

const train = syntheticCorpus(120, 1);
const words = syntheticWordTable(train);

const labelsOf = (model: TaggerModel, tokens: string[]) => model.tagDocument([tokens])[0].tokens.map((t) => t.label);

describe('online learning', function () {
  this.timeout(60000);
  let tmp: string;
  let file: string;
  const probe = ['وصل', 'زيدون', 'اليوم'];

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-online-'));
    file = path.join(tmp, 'base.tagger');
    saveModel(trainModel({ train, words, epochs: 4, folds: 3, seed: 3 }), file);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a new name, once learnt, is tagged in other sentences; reset() restores the base model exactly', () => {
    const model = loadModel(file);
    const before = model.tagDocument([probe])[0];
    assert.notEqual(before.tokens[1].label, 'B-PERS', 'the base model does not know the name');
    const learner = createOnlineLearner(model);
    learner.learn([{ tokens: ['قال', 'زيدون', 'في', 'بغداد', '.'], labels: ['O', 'B-PERS', 'O', 'B-LOC', 'O'] }]);
    assert.deepEqual(labelsOf(model, probe), ['O', 'B-PERS', 'O']);
    assert.deepEqual(labelsOf(model, ['غادر', 'زيدون', 'أمس']), ['O', 'B-PERS', 'O']);
    learner.reset();
    assert.deepEqual(model.tagDocument([probe])[0], before);
  });

  it('learns what the annotator rejected too: a word tagged O stops being suggested', () => {
    const model = loadModel(file);
    const sentence = ['زار', 'سامي', 'الكاظمي', 'مدينة', 'بغداد', 'أمس'];
    assert.deepEqual(labelsOf(model, sentence), ['O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'O']);
    const learner = createOnlineLearner(model);
    const gold = ['O', 'B-PERS', 'I-PERS', 'O', 'O', 'O'];
    for (let i = 0; i < 5 && labelsOf(model, sentence)[4] !== 'O'; i++) learner.learn([{ tokens: sentence, labels: gold }]);
    assert.deepEqual(labelsOf(model, sentence), gold);
  });

  it('forgets its last steps, last first, back to exactly the model it was before them', () => {
    const model = loadModel(file);
    const learner = createOnlineLearner(model);
    const base = learner.exportDelta();
    const named = ['قال', 'زيدون', 'في', 'بغداد', '.'];
    const first = learner.learn([{ tokens: named, labels: ['O', 'B-PERS', 'O', 'B-LOC', 'O'] }]);
    const afterFirst = { delta: learner.exportDelta(), probe: model.tagDocument([probe])[0] };
    assert.deepEqual(afterFirst.probe.tokens.map((t) => t.label), ['O', 'B-PERS', 'O']);
    const second = learner.learn([{ tokens: ['وصل', 'زيدون', 'اليوم'], labels: ['O', 'O', 'O'] }]);
    assert.notDeepEqual(learner.exportDelta(), afterFirst.delta);

    assert.equal(learner.forget(first), false, 'not the last step');
    assert.equal(learner.forget(second), true);
    assert.deepEqual(learner.exportDelta(), afterFirst.delta, 'weights and learnt lexicon as after the first step');
    assert.deepEqual(model.tagDocument([probe])[0], afterFirst.probe);
    assert.equal(learner.forget(second), false, 'already forgotten');
    assert.equal(learner.forget(first), true);
    assert.deepEqual(learner.exportDelta(), base, 'nothing learnt any more');
    assert.deepEqual(model.tagDocument([probe])[0], loadModel(file).tagDocument([probe])[0]);
    assert.equal(learner.learn([]), 0, 'no step for nothing to learn');
  });

  it('the delta carries what was learnt to another copy of the base model, and only to it', () => {
    const model = loadModel(file);
    const learner = createOnlineLearner(model);
    learner.learn([{ tokens: ['قال', 'زيدون', 'في', 'بغداد', '.'], labels: ['O', 'B-PERS', 'O', 'B-LOC', 'O'] }]);
    const delta = learner.exportDelta();
    // Only the entries the sentence's features reach: a delta of every weight would take 12 bytes each.
    const { pass1, pass2 } = model as Tagger;
    const weights = pass1.weights.length + (pass2?.weights.length ?? 0);
    assert.ok(delta.length < (12 * weights) / 4, `${delta.length} bytes for ${weights} weights`);

    const copy = loadModel(file);
    createOnlineLearner(copy).importDelta(delta);
    for (const s of [probe, ...train.slice(0, 5).map((x) => x.tokens)]) assert.deepEqual(copy.tagDocument([s]), model.tagDocument([s]));

    const other = trainModel({ train, words, epochs: 4, folds: 3, seed: 4 });
    assert.throws(() => createOnlineLearner(other).importDelta(delta), /made on another base model/);
    const bad = Uint8Array.from(delta);
    bad[bad.length - 3] ^= 0xff;
    assert.throws(() => createOnlineLearner(loadModel(file)).importDelta(bad), /corrupt/);
    assert.throws(() => createOnlineLearner(loadModel(file)).importDelta(new Uint8Array(10)), /not a Tawsim learning delta/);
  });

  it('a learner that imports the delta goes on learning as the one that exported it (AdaGrad sums kept)', () => {
    const [first, second] = [train.slice(0, 10), train.slice(10, 20)];
    const going = loadModel(file) as Tagger;
    const goingOn = createOnlineLearner(going);
    goingOn.learn(first);
    const model = loadModel(file) as Tagger;
    const learner = createOnlineLearner(model);
    learner.importDelta(goingOn.exportDelta());
    goingOn.learn(second);
    learner.learn(second);
    // The sums travel as float32: the step sizes differ by under 1e-7.
    let largest = 0;
    going.pass1.weights.forEach((w, i) => (largest = Math.max(largest, Math.abs(w - model.pass1.weights[i]))));
    assert.ok(largest < 1e-5, `weights differ by up to ${largest}`);
    for (const s of train.slice(20, 40)) assert.deepEqual(model.tagDocument([s.tokens])[0].tokens.map((t) => t.label), going.tagDocument([s.tokens])[0].tokens.map((t) => t.label));
  });

  it('reads a delta of format version 1 (weights and lexicon, without AdaGrad sums)', () => {
    const model = loadModel(file) as Tagger;
    const header = Buffer.from(createOnlineLearner(model).exportDelta()).subarray(0, 20);
    // Version 1: deflated [lexicon length][lexicon][per pass and part: count, indices, float32 values].
    const entry = (index: number, value: number) => Buffer.concat([u32(1), u32(index), Buffer.from(new Float32Array([value]).buffer)]);
    const none = u32(0);
    const body = zlib.deflateRawSync(Buffer.concat([u32(0), entry(7, 1.5), none, none, ...(model.pass2 ? [none, none, none] : [])]));
    header.writeUInt32LE(1, 8);
    header.writeUInt32LE(zlib.crc32(body), 16);
    createOnlineLearner(model).importDelta(new Uint8Array(Buffer.concat([header, body])));
    assert.equal(model.pass1.weights[7], 1.5);
  });
});

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}
