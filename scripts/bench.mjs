// npm run bench: suggestion speed of the engine and of the real language server, and the server's
// peak memory. Prints figures; it is not a test. Targets (issue 2): sample < 20 ms, 1 MB < 1 s,
// one-character edit on a 100 KB article → updated suggestions < 50 ms. Also: accepting every
// suggestion of the 1 MB article in one request.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rpc = require('vscode-languageserver-protocol/node');
const { createSuggestionEngine, loadEngineResources } = require(path.join(repo, 'out/src/core/suggest/index.js'));
const { NEWS_SCHEMA } = require(path.join(repo, 'out/src/core/schema/defaultSchema.js'));

const sample = fs.readFileSync(path.join(repo, 'samples/kadhimi-washington.txt'), 'utf8');

const anercorp = (split) => path.join(repo, '..', 'shared', 'data', 'anercorp', `${split}.conll`);

/** The sentences of a CoNLL file, tokens joined by spaces. */
function conllSentences(file) {
  return fs.readFileSync(file, 'utf8').split(/\n\s*\n/).map((s) => s.split('\n').map((l) => l.split(' ')[0]).join(' '));
}

/** About `bytes` of Arabic news text: the sample, then ANERcorp sentences when available. */
function arabicText(bytes) {
  const parts = [sample];
  if (fs.existsSync(anercorp('train'))) parts.push(...conllSentences(anercorp('train')));
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += parts[i % parts.length] + '\n';
  return text;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn, runs) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn(i);
    times.push(performance.now() - t0);
  }
  return { median: median(times), result };
}

const rows = [];
const report = (what, value, target) => {
  rows.push([what, value, target ?? '']);
  console.log(`${what.padEnd(58)} ${String(value).padStart(12)}  ${target ?? ''}`);
};

// ---- the engine, in this process ----
let t0 = performance.now();
const resources = loadEngineResources(path.join(repo, 'data'));
report('engine: load gazetteers and lists', `${(performance.now() - t0).toFixed(0)} ms`);
const request = (text) => ({ text, schema: NEWS_SCHEMA, accepted: [], rejected: [] });

let engine = createSuggestionEngine(resources);
t0 = performance.now();
const first = engine.suggest(request(sample));
report('engine: sample article, first run (cold caches)', `${(performance.now() - t0).toFixed(1)} ms`, '< 20 ms');
report('engine: sample article, suggestions', first.length);
const warm = time(() => engine.suggest(request(sample)), 20);
report('engine: sample article, median of 20 (warm)', `${warm.median.toFixed(2)} ms`, '< 20 ms');
const fresh = time(() => createSuggestionEngine(resources).suggest(request(sample)), 10);
report('engine: sample article, median of 10 (fresh engine)', `${fresh.median.toFixed(1)} ms`, '< 20 ms');

// The first run in this process, then fresh engines on freshly loaded resources (the word readings
// are cached with the resources) once the process has warmed up: the same work without the JIT's and
// the heap's first growth.
const big = arabicText(1_000_000);
let bigSuggestions;
const bigRuns = [];
for (let i = 0; i < 3; i++) {
  engine = createSuggestionEngine(i === 0 ? resources : loadEngineResources(path.join(repo, 'data')));
  t0 = performance.now();
  bigSuggestions = engine.suggest(request(big));
  bigRuns.push(performance.now() - t0);
}
report(`engine: ${(Buffer.byteLength(big) / 1e6).toFixed(2)} MB text, first run`, `${bigRuns[0].toFixed(0)} ms`, '< 1000 ms');
report('engine: 1 MB text, fresh engine and resources, warmed-up process', `${bigRuns.slice(1).map((x) => x.toFixed(0)).join(', ')} ms`);
report('engine: 1 MB text, suggestions', bigSuggestions.length);

// ---- the real language server, over stdio ----
const server = spawn(process.execPath, [path.join(repo, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
const waiting = new Map();
connection.onNotification('tawsim/articleState', (state) => {
  const w = waiting.get(state.uri);
  if (!w || state.version !== w.version) return;
  w.first ??= performance.now();
  if (!state.suggesting) {
    waiting.delete(state.uri);
    w.resolve({ state, first: w.first });
  }
});
connection.onRequest(rpc.ShowMessageRequest.type, () => null);
/** The server's report of its background warm-up (src/server/warmUp.ts). */
const warmedUp = new Promise((resolve) => {
  connection.onNotification(rpc.LogMessageNotification.type, ({ message }) => {
    if (/warm/.test(message)) resolve(message);
  });
});
connection.listen();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-bench-'));
await connection.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {}, workspaceFolders: null });
await connection.sendNotification(rpc.InitializedNotification.type, {});

/** Resolves when the state of `version` is complete (a long article comes in rounds), with when the first state came. */
const stateOf = (uri, version) => new Promise((resolve) => waiting.set(uri, { version, resolve }));
async function open(name, text) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const t = performance.now();
  const state = stateOf(uri, 1);
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'arabic-article', version: 1, text } });
  const { state: s, first } = await state;
  return { uri, ms: first - t, completeMs: performance.now() - t, state: s };
}

/** Articles of the sample's size made of ANERcorp's dev sentences, which the server never sees otherwise. */
const devArticles = [];
if (fs.existsSync(anercorp('dev'))) {
  let text = '';
  for (const sentence of conllSentences(anercorp('dev'))) {
    text += `${sentence}\n`;
    if (text.length >= sample.length) {
      devArticles.push(text);
      text = '';
    }
  }
}
// The first article loads the engine and the model, and starts the server's warm-up in the background.
const loading = fs.existsSync(anercorp('train')) ? conllSentences(anercorp('train')).slice(-20).join('\n') : 'قال الرئيس في بغداد أمس.';
let opened = await open('first.txt', loading);
report('server: open a first article → state (loads engine and model)', `${opened.ms.toFixed(0)} ms`);
if (devArticles.length) {
  opened = await open('cold.txt', devArticles.shift());
  report(`server: open a never-seen ${(sample.length / 1000).toFixed(0)}k-character article right after, while warming up`, `${opened.completeMs.toFixed(1)} ms`);
}
const warmUp = await Promise.race([warmedUp, new Promise((resolve) => setTimeout(() => resolve('no warm-up reported in 60 s'), 60000))]);
const warmUpMs = /in (\d+) ms/.exec(warmUp)?.[1];
report('server: background warm-up', warmUpMs ? `${warmUpMs} ms` : warmUp);
// The sample, which the server has not seen, opened a moment later, as an annotator would: by then
// the server has been idle and has collected its young generation (src/server/idleCollection.ts).
await new Promise((resolve) => setTimeout(resolve, 1000));
opened = await open('sample.txt', sample);
report('server: open sample article, first sight → complete state', `${opened.completeMs.toFixed(1)} ms`, '< 20 ms');
const again = [];
for (let i = 0; i < 9; i++) again.push((await open(`sample-again-${i}.txt`, sample)).ms);
report('server: open sample article again → state, median of 9', `${median(again).toFixed(1)} ms`, '< 20 ms');
const hundredK = arabicText(100_000);
const mid = await open('100k.txt', hundredK);
report('server: open 100 KB article → first state', `${mid.ms.toFixed(0)} ms`);
report('server: open 100 KB article → complete state', `${mid.completeMs.toFixed(0)} ms`);

// One-character edits in the middle of the 100 KB article, each timed until its state arrives.
const lines = hundredK.split('\n');
const editTimes = [];
for (let version = 2; version <= 21; version++) {
  const line = Math.floor(lines.length / 2) + version;
  const state = stateOf(mid.uri, version);
  const t = performance.now();
  await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: mid.uri, version },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'و' }],
  });
  await state;
  editTimes.push(performance.now() - t);
}
report('server: 1-char edit on 100 KB → updated state, median of 20', `${median(editTimes).toFixed(1)} ms`, '< 50 ms');
// Articles of the sample's size whose lines the warmed-up server has never seen.
if (devArticles.length) {
  const unseen = [];
  for (const text of devArticles) unseen.push((await open(`unseen-${unseen.length}.txt`, text)).completeMs);
  report(`server: open a never-seen ${(sample.length / 1000).toFixed(0)}k-character article → complete state, median of ${unseen.length}`, `${median(unseen).toFixed(1)} ms`, '< 20 ms');
}
const megabyte = await open('1mb.txt', big);
report('server: open 1 MB article → first state', `${megabyte.ms.toFixed(0)} ms`, '< 1000 ms');
report('server: open 1 MB article → complete state', `${megabyte.completeMs.toFixed(0)} ms`);
// Select all, Accept All Suggestions in Selection: thousands of annotations made in one request.
t0 = performance.now();
const bulk = await connection.sendRequest('tawsim/applyAction', { uri: megabyte.uri, action: { kind: 'acceptWithin', range: { start: 0, end: big.length } } });
report('server: accept every suggestion of the 1 MB article at once', `${(performance.now() - t0).toFixed(0)} ms`);
report('server: … accepted', bulk.message);

const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
const peak = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
report('server: peak resident memory (VmHWM)', peak ? `${(Number(peak) / 1024).toFixed(0)} MB` : 'n/a');

connection.dispose();
server.kill();
fs.rmSync(dir, { recursive: true, force: true });
