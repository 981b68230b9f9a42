// The line cache must never change what the engine returns: after edits, a reused engine answers
// exactly like a fresh one.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';
import type { Schema } from '../../../src/core/schema/types';
import { createSuggestionEngine, defaultProposers } from '../../../src/core/suggest';
import type { LineContext } from '../../../src/core/suggest/lineContext';
import { DEFAULT_MODEL_FILE, loadModel, type TaggerModel } from '../../../src/core/tagger';
import { engineResources, replaced, REPO_ROOT, spanOf, suggest } from './helpers';

describe('suggestion engine: incremental re-suggestion', () => {
  const sample = fs.readFileSync(path.join(REPO_ROOT, 'samples', 'kadhimi-washington.txt'), 'utf8');
  const request = (text: string, schema: Schema = NEWS_SCHEMA) => ({ text, schema, accepted: [], rejected: [] });

  it('answers after each edit like a fresh engine', () => {
    const engine = createSuggestionEngine(engineResources(), { lineCacheSize: 8 });
    let text = sample;
    engine.suggest(request(text));
    const edits: [string, string][] = [
      ['مصطفى الكاظمي', 'مصطفى الكاظمي الجديد'],
      ['الحشد الشعبي', 'الحشد'],
      ['\n\n', '\r\n'],
      ['دونالد ترامب', 'دونالد'],
    ];
    for (const [from, to] of edits) {
      text = replaced(text, from, to);
      assert.deepEqual(engine.suggest(request(text)), suggest(text), `after replacing ${from}`);
    }
  });

  it('answers like a fresh engine after an edit in a long one-line text', () => {
    const engine = createSuggestionEngine(engineResources());
    const line = sample.replace(/\n+/g, ' ');
    engine.suggest(request(line));
    const { start } = spanOf(line, 'قاسم سليماني');
    const edited = line.slice(0, start) + 'و' + line.slice(start);
    assert.deepEqual(engine.suggest(request(edited)), suggest(edited));
    assert.deepEqual(engine.suggest(request(line)), suggest(line));
  });

  it('answers like a fresh engine when documents take turns in a small cache', () => {
    const engine = createSuggestionEngine(engineResources(), { lineCacheSize: 4 });
    const other = 'وصل رئيس الوزراء مصطفى الكاظمي إلى طهران.\nوالتقى قائد فيلق القدس.\nثم عاد إلى بغداد مساء الجمعة.';
    for (const text of [sample, other, sample, other]) assert.deepEqual(engine.suggest(request(text)), suggest(text));
  });

  it('answers like a fresh engine after the schema changes', () => {
    const engine = createSuggestionEngine(engineResources());
    engine.suggest(request(sample));
    const schema: Schema = { ...NEWS_SCHEMA, entities: NEWS_SCHEMA.entities.filter((e) => e.name !== 'FAC') };
    assert.deepEqual(engine.suggest(request(sample, schema)), suggest(sample, { schema }));
  });

  it('uses the proposers it is given', () => {
    const engine = createSuggestionEngine(engineResources(), {
      proposers: [{ propose: (line) => line.words.filter((w) => w.text === 'الكاظمي').map((w) => ({ start: w.start, end: w.end, type: 'PER', confidence: 0.5, source: 'model:test' })) }],
    });
    const found = engine.suggest(request('التقى الكاظمي الوفد'));
    assert.deepEqual(found.map((s) => [s.start, s.end, s.source]), [[6, 13, 'model:test']]);
  });

  describe('a long text over several calls (suggestWithin)', function () {
    this.timeout(60000);
    const model = loadModel(path.join(REPO_ROOT, 'models', DEFAULT_MODEL_FILE));
    // Different lines (each sample line with a number), so that nothing is cached from another.
    const long = Array.from({ length: 4 }, (_, k) => sample.split('\n').map((l) => (l ? `${l} ${k}` : l)).join('\n')).join('\n');

    for (const [what, tagger] of [['rules', undefined], ['rules and the tagger', { model: () => model, generation: 0 }]] as const) {
      it(`with ${what}: makes progress on every call and ends where one call ends`, () => {
        const engine = createSuggestionEngine(engineResources(), { tagger });
        const calls: number[] = [];
        let progress;
        do {
          progress = engine.suggestWithin(request(long), 0);
          calls.push(progress.doneLines);
        } while (!progress.complete && calls.length < 5000);
        // With no time at all, each call analyses one line text not seen before: a call per distinct line at least.
        const distinct = new Set(long.split('\n')).size;
        assert.ok(calls.length >= distinct, `${calls.length} calls for ${distinct} distinct lines`);
        for (let k = 1; k < calls.length; k++) assert.ok(calls[k] >= calls[k - 1], 'lines with suggestions never go back');
        assert.equal(progress.doneLines, progress.totalLines);
        const oneCall = createSuggestionEngine(engineResources(), { tagger }).suggest(request(long));
        assert.deepEqual(progress.suggestions, oneCall);
      });
    }

    it('with the tagger, answers after each edit like a fresh engine: the document context follows the edits', () => {
      // A second copy of the model for the fresh engines, so that nothing the first one cached is shared.
      const fresh = loadModel(path.join(REPO_ROOT, 'models', DEFAULT_MODEL_FILE));
      const engine = createSuggestionEngine(engineResources(), { tagger: { model: () => model, generation: 0 } });
      const document = {};
      let text = sample;
      engine.suggest({ ...request(text), document });
      const edits: [string, string][] = [
        // A name added where it was not, then the only mention of another taken away.
        ['وزراء العراقي مصطفى الكاظمي', 'وزراء العراقي مصطفى الكاظمي ونظيره هشام الهاشمي'],
        ['هشام الهاشمي في بغداد', 'باحث في بغداد'],
        ['قاسم سليماني', 'سليماني'],
        ['\n\n', '\n'],
        ['الحشد الشعبي', 'الحشد الشعبي الحشد الشعبي'],
      ];
      for (const [from, to] of edits) {
        text = replaced(text, from, to);
        const expected = createSuggestionEngine(engineResources(), { tagger: { model: () => fresh, generation: 0 } }).suggest(request(text));
        assert.deepEqual(engine.suggest({ ...request(text), document }), expected, `after replacing ${from}`);
      }
      // Another document in between does not disturb this one's context.
      engine.suggest({ ...request('وصل الكاظمي إلى طهران.'), document: {} });
      text = text.replace('دونالد ترامب', 'ترامب');
      assert.deepEqual(engine.suggest({ ...request(text), document }), createSuggestionEngine(engineResources(), { tagger: { model: () => fresh, generation: 0 } }).suggest(request(text)));
    });

    it('keeps what the rules made of each line when the model changes, and answers like a fresh engine', () => {
      let ruleCalls = 0;
      let firstPasses = 0;
      const proposers = defaultProposers(engineResources()).map((p) => ({ propose: (line: LineContext) => (ruleCalls++, p.propose(line)) }));
      const counted: TaggerModel = {
        types: model.types,
        firstPass: (tokens) => (firstPasses++, model.firstPass(tokens)),
        documentContext: (sentences, previous) => model.documentContext(sentences, previous),
        contextKey: (tokens, context) => model.contextKey(tokens, context),
        secondPass: (tokens, context) => model.secondPass(tokens, context),
        tagDocument: (sentences) => model.tagDocument(sentences),
      };
      // The online learner bumps the generation whenever it updates the model.
      const source = { model: () => counted, generation: 0 };
      const engine = createSuggestionEngine(engineResources(), { tagger: source, proposers });
      engine.suggest(request(sample));
      const [rulesBefore, passesBefore] = [ruleCalls, firstPasses];
      assert.ok(rulesBefore > 0 && passesBefore > 0);
      source.generation = 1;
      const after = engine.suggest(request(sample));
      assert.equal(ruleCalls, rulesBefore, 'no rule ran again');
      assert.equal(firstPasses, 2 * passesBefore, 'the model ran again on every sentence');
      assert.deepEqual(after, createSuggestionEngine(engineResources(), { tagger: source }).suggest(request(sample)));
      // Another set of types: the rules' proposals are filtered by it, so they run again.
      const schema: Schema = { ...NEWS_SCHEMA, entities: NEWS_SCHEMA.entities.filter((e) => e.name !== 'FAC') };
      engine.suggest(request(sample, schema));
      assert.ok(ruleCalls > rulesBefore);
    });

    it('shows only final or earlier suggestions of a line while in progress, never invented ones', () => {
      const engine = createSuggestionEngine(engineResources());
      const first = engine.suggestWithin(request(long), 0);
      assert.ok(!first.complete && first.doneLines < first.totalLines);
      const all = new Set(engine.suggest(request(long)).map((x) => `${x.start}:${x.end}:${x.type}`));
      const partial = createSuggestionEngine(engineResources()).suggestWithin(request(long), 1);
      assert.ok(partial.suggestions.length > 0 && !partial.complete);
      for (const x of partial.suggestions) assert.ok(all.has(`${x.start}:${x.end}:${x.type}`), JSON.stringify(x));
    });
  });
});
