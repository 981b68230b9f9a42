import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GetArticleStateRequest } from '../../../src/shared/protocol';
import { startWarmUp, warmUpArticles } from '../../../src/server/warmUp';
import { garbageCollector } from '../../../src/server/idleCollection';
import type { SuggestionEngine } from '../../../src/core/suggest/types';
import { createEventSuggester, loadEventResources } from '../../../src/core/events';
import { DEFAULT_MODEL_FILE } from '../../../src/core/tagger';
import { eventually, LspHarness, REPO } from './lspHarness';

const SAMPLE = fs.readFileSync(path.join(REPO, 'samples', 'kadhimi-washington.txt'), 'utf8');
const CONLL = ['قال O', 'الرئيس O', '. O', '', 'في O', 'بغداد B-LOC', '', ...Array.from({ length: 20 }, (_, i) => `كلمة${i} O\n`)].join('\n');

describe('warming the server up', function () {
  this.timeout(30000);
  let dir: string;
  let lsp: LspHarness | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-warm-'));
    fs.writeFileSync(path.join(dir, 'article.txt'), SAMPLE);
  });
  afterEach(() => {
    lsp?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cuts a CoNLL file into articles of a few sentences, one a line', () => {
    const articles = warmUpArticles(CONLL, 21);
    assert.equal(articles[0].split('\n')[0], 'قال الرئيس .');
    assert.equal(articles[0].split('\n')[1], 'في بغداد');
    assert.equal(articles.reduce((n, a) => n + a.split('\n').length, 0), 21);
    assert.ok(articles.length >= 3 && articles.every((a) => a.split('\n').length <= 8));
  });

  it('suggests ANERcorp sentences in the background once an article is shown, and changes nothing of it', async () => {
    lsp = await LspHarness.start(dir, {}, path.join(REPO, 'models'), 1, { warmUpSentences: 40 });
    const article = path.join(dir, 'article.txt');
    const before = await lsp.open(article, SAMPLE);
    const log = await eventually(() => lsp!.logs.find((l) => l.includes('warmed up')), 20000);
    assert.match(log, /^Tawsim warmed up: 40 sentences of ANERcorp suggested in \d+ ms\.$/);
    const after = await lsp.client.sendRequest(GetArticleStateRequest, { uri: lsp.uri(article) });
    assert.deepEqual(after?.items, before.items);
    assert.deepEqual(after?.events, before.events);
    assert.equal(fs.readdirSync(dir).filter((f) => f !== 'article.txt').length, 0, 'the warm-up wrote no file');
  });

  it('says so when the sentences cannot be read, and suggests as before', async () => {
    const models = path.join(dir, 'models');
    fs.mkdirSync(models);
    fs.symlinkSync(path.join(REPO, 'models', DEFAULT_MODEL_FILE), path.join(models, DEFAULT_MODEL_FILE));
    lsp = await LspHarness.start(dir, {}, models, 1, { warmUpSentences: 40 });
    const state = await lsp.open(path.join(dir, 'article.txt'), SAMPLE);
    assert.ok(state.items.length > 50);
    const log = await eventually(() => lsp!.logs.find((l) => l.includes('warm up')), 10000);
    assert.match(log, /^Tawsim did not warm up \(.*train\.conll.*\); the first articles take longer to suggest\.$/);
  });

  it('says so when the file holds no sentence', async () => {
    const models = path.join(dir, 'models');
    fs.mkdirSync(path.join(models, 'anercorp'), { recursive: true });
    fs.symlinkSync(path.join(REPO, 'models', DEFAULT_MODEL_FILE), path.join(models, DEFAULT_MODEL_FILE));
    fs.writeFileSync(path.join(models, 'anercorp', 'train.conll'), '\n\n');
    lsp = await LspHarness.start(dir, {}, models, 1, { warmUpSentences: 40 });
    await lsp.open(path.join(dir, 'article.txt'), SAMPLE);
    const log = await eventually(() => lsp!.logs.find((l) => l.includes('warm up')), 10000);
    assert.match(log, /^Tawsim did not warm up \(no sentences in .*train\.conll\)/);
  });

  it('stops at an article the engine fails on, says why, and lets nothing escape', async () => {
    const conll = path.join(dir, 'train.conll');
    fs.writeFileSync(conll, CONLL);
    let calls = 0;
    const failing: SuggestionEngine = {
      suggest: () => [],
      suggestWithin: () => {
        if (++calls === 2) throw new Error('boom');
        return { suggestions: [], doneLines: 1, totalLines: 1, complete: true };
      },
    };
    const reports: unknown[] = [];
    startWarmUp({ conllFile: conll, engine: failing, eventSuggester: createEventSuggester(loadEventResources(path.join(REPO, 'data'))), sentences: 21, done: (r) => reports.push(r) });
    await eventually(() => reports.length > 0);
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(reports, [{ error: 'suggesting its article 2: boom' }]);
    assert.equal(calls, 2, 'no article after the one that failed');
  });

  it('once done, the function that would stop it holds nothing of the warm-up (the server keeps that function)', async () => {
    const conll = path.join(dir, 'train.conll');
    fs.writeFileSync(conll, CONLL);
    const gc = garbageCollector();
    const reports: unknown[] = [];
    let engineRef: WeakRef<object> | undefined;
    const start = () => {
      const engine: SuggestionEngine = { suggest: () => [], suggestWithin: () => ({ suggestions: [], doneLines: 1, totalLines: 1, complete: true }) };
      engineRef = new WeakRef(engine);
      return startWarmUp({ conllFile: conll, engine, eventSuggester: createEventSuggester(loadEventResources(path.join(REPO, 'data'))), sentences: 21, done: (r) => reports.push(r) });
    };
    const stop = start();
    await eventually(() => reports.length > 0);
    await new Promise((r) => setTimeout(r, 0));
    gc();
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(typeof stop, 'function');
    assert.equal(engineRef?.deref(), undefined, 'the engine is still reachable');
  });

  it('does not warm up while suggestions are off', async () => {
    lsp = await LspHarness.start(dir, { suggestionsEnabled: false }, path.join(REPO, 'models'), 1, { warmUpSentences: 40 });
    const state = await lsp.open(path.join(dir, 'article.txt'), SAMPLE);
    assert.equal(state.items.length, 0);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(lsp.logs.filter((l) => l.includes('warm')), []);
  });

  it('does not warm up unless asked (the tests start many servers)', async () => {
    lsp = await LspHarness.start(dir);
    await lsp.open(path.join(dir, 'article.txt'), SAMPLE);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(lsp.logs.filter((l) => l.includes('warm')), []);
  });
});
