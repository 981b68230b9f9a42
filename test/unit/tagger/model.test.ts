// Training, the two passes, model files (round trip, determinism, refusal of bad files).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_FEATURES, evaluateConll, FEATURE_GROUPS, loadModel, ModelFileError, readRuleData, saveModel, SPELLING_FILE, trainModel, type TaggerModel } from '../../../src/core/tagger';
import { DATA_DIR } from '../suggest/helpers';
import type { Tagger } from '../../../src/core/tagger/tagger';
import { syntheticCorpus, syntheticWordTable } from './fixture';

const train = syntheticCorpus(120, 1);
const dev = syntheticCorpus(40, 2);
const words = syntheticWordTable([...train, ...dev]);
// Every feature group, the embeddings the defaults leave out included: their dense scores are tested here.
const options = { train, dev, words, epochs: 4, folds: 3, documentSentences: 10, seed: 7, features: { ...DEFAULT_FEATURES, groups: FEATURE_GROUPS } };

function f1(model: TaggerModel, data = dev): number {
  const pred = data.map((s) => model.tagDocument([s.tokens])[0].tokens.map((t) => t.label));
  return evaluateConll(data.map((s) => s.labels), pred).micro.f1;
}

describe('tagger training and model files', function () {
  this.timeout(60000);
  let tmp: string;
  let model: ReturnType<typeof trainModel>;

  before(() => {
    model = trainModel(options);
  });
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-tagger-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('learns the synthetic corpus: held-out F1 above 90, spans with calibrated confidences in (0, 1)', () => {
    assert.deepEqual(model.types, ['LOC', 'ORG', 'PERS']);
    assert.ok(f1(model) > 90, `F1 ${f1(model)}`);
    const tags = model.tagDocument([['زار', 'سامي', 'الكاظمي', 'مدينة', 'بغداد', 'أمس', '.']])[0];
    assert.deepEqual(tags.tokens.map((t) => t.label), ['O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'O', 'O']);
    assert.deepEqual(tags.spans.map((s) => [s.start, s.end, s.type]), [[1, 3, 'PERS'], [4, 5, 'LOC']]);
    for (const x of [...tags.tokens.slice(0, -1), ...tags.spans]) assert.ok(x.confidence > 0 && x.confidence < 1);
    // The full stop can only be outside a name.
    assert.equal(tags.tokens[6].confidence, 1);
  });

  it('the second pass reads the document; its context key changes exactly when what it reads changes', () => {
    const a = ['وصل', 'سامي', 'الكاظمي', '.'];
    const b = ['زار', 'سامي', 'الكاظمي', 'مدينة', 'بغداد', 'أمس', '.'];
    const c = ['وصلت', 'الأمطار', 'إلى', 'بغداد', 'اليوم'];
    const ctx = (sentences: string[][]) => model.documentContext(sentences.map((tokens) => ({ tokens, labels: model.firstPass(tokens) })));
    const keyAB = model.contextKey(a, ctx([a, b]));
    assert.equal(model.contextKey(a, ctx([a, b])), keyAB);
    assert.equal(model.contextKey(a, ctx([a, b, c])), keyAB, 'a sentence about other words does not change the key');
    assert.notEqual(model.contextKey(a, ctx([a, b, b])), keyAB, 'a name seen three times reads differently');
    assert.deepEqual(model.secondPass(b, ctx([a, b])), model.tagDocument([a, b])[1]);
  });

  it('run-time scores (weights summed per word, cached) equal training scores (feature by feature)', () => {
    const m = model as unknown as Tagger;
    for (const s of dev.slice(0, 10)) {
      const words = m.words(s.tokens);
      const extra = m.extras(words);
      const slow = m.pass1.emissions(m.encode(words, extra, m.pass1), m.embeddings);
      const fast = m.scores(m.pass1, words, extra);
      fast.forEach((x, i) => assert.ok(Math.abs(x - slow[i]) < 1e-9, `${x} vs ${slow[i]}`));
    }
  });

  it('never puts punctuation inside a name, even when the training data did', () => {
    // Every person of this corpus is written with a comma inside, labelled as part of the name.
    const withComma = (data: typeof train) =>
      data.map((s) => {
        const tokens: string[] = [];
        const labels: string[] = [];
        s.tokens.forEach((t, i) => {
          tokens.push(t);
          labels.push(s.labels[i]);
          if (s.labels[i] === 'B-PERS') tokens.push('،'), labels.push('I-PERS');
        });
        return { tokens, labels };
      });
    const m = trainModel({ ...options, train: withComma(train), dev: undefined });
    const tagged = m.tagDocument(withComma(dev).map((s) => s.tokens));
    let commas = 0;
    withComma(dev).forEach((s, i) =>
      s.tokens.forEach((t, k) => {
        if (t !== '،') return;
        commas++;
        assert.equal(tagged[i].tokens[k].label, 'O');
        assert.equal(m.firstPass(s.tokens)[k], 'O');
      }),
    );
    assert.ok(commas > 10);
  });

  it('the same data and seed give the same model file, byte for byte', () => {
    saveModel(model, path.join(tmp, 'a.tagger'));
    saveModel(trainModel(options), path.join(tmp, 'b.tagger'));
    assert.ok(fs.readFileSync(path.join(tmp, 'a.tagger')).equals(fs.readFileSync(path.join(tmp, 'b.tagger'))));
    const other = trainModel({ ...options, seed: 8 });
    saveModel(other, path.join(tmp, 'c.tagger'));
    assert.ok(!fs.readFileSync(path.join(tmp, 'a.tagger')).equals(fs.readFileSync(path.join(tmp, 'c.tagger'))));
  });

  it('a saved model loads and tags as before; the spelling list is written beside it', () => {
    const file = path.join(tmp, 'm.tagger');
    saveModel(model, file);
    assert.ok(fs.existsSync(path.join(tmp, SPELLING_FILE)));
    const loaded = loadModel(file);
    for (const s of dev.slice(0, 10)) {
      const before = model.tagDocument([s.tokens])[0];
      const after = loaded.tagDocument([s.tokens])[0];
      assert.deepEqual(after.tokens.map((t) => t.label), before.tokens.map((t) => t.label));
      after.spans.forEach((sp, i) => assert.ok(Math.abs(sp.confidence - before.spans[i].confidence) < 1e-3));
    }
  });

  it('a model of the default features (no embeddings) carries no embeddings in its file, and tags the same loaded', () => {
    assert.ok(!DEFAULT_FEATURES.groups.includes('embedding'));
    const plain = trainModel({ ...options, features: DEFAULT_FEATURES, epochs: 2 });
    const file = path.join(tmp, 'plain.tagger');
    saveModel(plain, file);
    saveModel(model, path.join(tmp, 'dense.tagger'));
    const loaded = loadModel(file) as unknown as Tagger;
    assert.equal(loaded.embeddings, undefined);
    assert.equal(loaded.extractor.wordTable!.data.embeddings.length, 0);
    assert.ok((loadModel(path.join(tmp, 'dense.tagger')) as unknown as Tagger).embeddings!.values.length > 0, 'a model with them keeps them');
    for (const s of dev.slice(0, 10)) {
      const before = plain.tagDocument([s.tokens])[0];
      const after = loaded.tagDocument([s.tokens])[0];
      assert.deepEqual(after.tokens.map((t) => t.label), before.tokens.map((t) => t.label));
    }
  });

  it('a model without document features or word table saves and loads too', () => {
    const small = trainModel({ train, epochs: 2, folds: 2, features: { groups: FEATURE_GROUPS.filter((g) => g !== 'document' && g !== 'lexicon'), window: 1 } });
    const file = path.join(tmp, 'small.tagger');
    saveModel(small, file);
    assert.ok(!fs.existsSync(path.join(tmp, SPELLING_FILE)));
    const [before] = small.tagDocument([train[0].tokens]);
    const [after] = loadModel(file).tagDocument([train[0].tokens]);
    assert.deepEqual(after.spans.map((s) => [s.start, s.end, s.type]), before.spans.map((s) => [s.start, s.end, s.type]));
    after.tokens.forEach((t, i) => assert.ok(t.label === before.tokens[i].label && Math.abs(t.confidence - before.tokens[i].confidence) < 1e-3));
  });

  it("with the rules' data, the rules' proposals are features; the model file carries the data and tags the same", () => {
    const rules = readRuleData(DATA_DIR);
    assert.ok(rules.files.has('curated/titles.txt'));
    const withRules = trainModel({ ...options, rules, epochs: 2 });
    const m = withRules as unknown as Tagger;
    const names = m.extractor.rules!.names(['قال', 'الرئيس', 'مصطفى', 'الكاظمي', 'في', 'بغداد']);
    assert.ok(names[2].includes('r:PER:B') && names[3].includes('r:PER:E'), JSON.stringify(names));
    assert.ok(names[5].some((n) => n.startsWith('r:GPE:S')), JSON.stringify(names));
    const file = path.join(tmp, 'rules.tagger');
    saveModel(withRules, file);
    const loaded = loadModel(file) as unknown as Tagger;
    assert.deepEqual([...loaded.extractor.rules!.data.files.keys()], [...rules.files.keys()]);
    for (const s of dev.slice(0, 10)) {
      const before = withRules.tagDocument([s.tokens])[0];
      const after = loaded.tagDocument([s.tokens])[0];
      assert.deepEqual(after.tokens.map((t) => t.label), before.tokens.map((t) => t.label));
    }
  });

  describe('refuses bad files with a clear error', () => {
    const refuse = (file: string, problem: string, message: RegExp) =>
      assert.throws(() => loadModel(file), (e: unknown) => e instanceof ModelFileError && e.problem === problem && message.test(e.message));

    it('missing, a folder, not a model', () => {
      refuse(path.join(tmp, 'none.tagger'), 'missing', /none\.tagger: no such model file/);
      refuse(tmp, 'unreadable', /is a directory/);
      fs.writeFileSync(path.join(tmp, 'text.tagger'), 'hello\n');
      refuse(path.join(tmp, 'text.tagger'), 'not-a-model', /not a Tawsim tagger model/);
    });

    it('another format version', () => {
      const file = path.join(tmp, 'm.tagger');
      saveModel(model, file);
      const bytes = fs.readFileSync(file);
      bytes.writeUInt32LE(99, 8);
      fs.writeFileSync(file, bytes);
      refuse(file, 'version', /model format version 2 expected, got 99/);
      bytes.writeUInt32LE(1, 8);
      fs.writeFileSync(file, bytes);
      const label = (m: TaggerModel) => m.tagDocument([dev[0].tokens])[0].tokens.map((t) => t.label);
      assert.deepEqual(label(loadModel(file)), label(model), 'version 1 (no rule data) is still read');
    });

    it('corrupt: a changed byte anywhere after the preamble, or a truncated file', () => {
      const file = path.join(tmp, 'm.tagger');
      saveModel(model, file);
      const good = fs.readFileSync(file);
      for (const at of [30, Math.floor(good.length / 2), good.length - 1]) {
        const bad = Buffer.from(good);
        bad[at] ^= 0x5a;
        fs.writeFileSync(file, bad);
        refuse(file, 'corrupt', /corrupt/);
      }
      fs.writeFileSync(file, good.subarray(0, good.length - 100));
      refuse(file, 'corrupt', /corrupt/);
    });

    it('a missing or different spelling list', () => {
      const file = path.join(tmp, 'm.tagger');
      saveModel(model, file);
      fs.appendFileSync(path.join(tmp, SPELLING_FILE), 'زيادة\n');
      refuse(file, 'spelling', /is not the spelling list this model was trained with/);
      fs.rmSync(path.join(tmp, SPELLING_FILE));
      refuse(file, 'spelling', /must be beside the model/);
    });
  });
});
