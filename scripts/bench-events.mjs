// How the event suggester does on the development set (test/fixtures/events: ANERcorp dev
// sentences and an article of ours, annotated by hand) and on a held-out article annotated without
// looking at the suggester's lexicon (test/fixtures/events-heldout): it suggests events for each document twice,
// with the gold entities as accepted candidates, and with the entity engine's suggestions (trained
// tagger + rules, as in the editor), writes the predicted .ann files to a temporary folder and
// scores them with `tawsim eval`. Also prints the measured precision of each trigger source (what
// src/core/events/confidence.ts is calibrated on) and the suggester's speed on the sample article.
// Run with `npm run bench:events`.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (p) => require(path.join(repo, 'out', 'src', p));
const { createEventSuggester, loadEventResources } = out('core/events/index.js');
const { readAnnDocument } = out('core/events/annDocument.js');
const { createSuggestionEngine, loadEngineResources } = out('core/suggest/index.js');
const { DEFAULT_MIN_CONFIDENCE } = out('core/suggest/types.js');
const { loadModel, DEFAULT_MODEL_FILE } = out('core/tagger/index.js');
const { NEWS_SCHEMA } = out('core/schema/defaultSchema.js');
const { serializeBrat } = out('core/formats/brat.js');
const { formatEventLine } = out('core/formats/bratEvent.js');
const { OffsetConverter } = out('core/text/offsets.js');
const { run } = out('cli/run.js');

const SETS = { 'development set': path.join(repo, 'test', 'fixtures', 'events'), 'held-out article': path.join(repo, 'test', 'fixtures', 'events-heldout') };
const SAMPLE = path.join(repo, 'samples', 'kadhimi-washington.txt');

const events = createEventSuggester(loadEventResources(path.join(repo, 'data')));
const model = loadModel(path.join(repo, 'models', DEFAULT_MODEL_FILE));
const engine = createSuggestionEngine(loadEngineResources(path.join(repo, 'data')), { tagger: { model: () => model, generation: 0 } });

const documentsOf = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.ann')).sort().map((f) => {
  const base = f.slice(0, -'.ann'.length);
  const text = fs.readFileSync(path.join(dir, `${base}.txt`), 'utf8');
  return { base, text, gold: readAnnDocument(text, fs.readFileSync(path.join(dir, f), 'utf8')) };
});

const goldEntities = (doc) => doc.gold.entities.map((e) => ({ ...e, confidence: 1, accepted: true }));
const engineEntities = (doc) => engine.suggest({ text: doc.text, schema: NEWS_SCHEMA, accepted: [], rejected: [] })
  .filter((s) => s.confidence >= DEFAULT_MIN_CONFIDENCE)
  .map((s) => ({ start: s.start, end: s.end, type: s.type, confidence: s.confidence, accepted: false }));

/** brat lines of the entities and the suggested events (at least as confident as the editor shows). */
function toAnn(text, entities, suggestions) {
  const offsets = new OffsetConverter(text);
  const items = [];
  const ids = new Map();
  const textBound = (span, type) => {
    const key = `${span.start}:${span.end}:${type}`;
    if (!ids.has(key)) {
      ids.set(key, `T${ids.size + 1}`);
      items.push({ kind: 'T', id: ids.get(key), type, fragments: [{ start: offsets.toCodePoint(span.start), end: offsets.toCodePoint(span.end) }], text: text.slice(span.start, span.end) });
    }
    return ids.get(key);
  };
  for (const e of entities) textBound(e, e.type);
  const lines = suggestions.filter((s) => s.confidence >= DEFAULT_MIN_CONFIDENCE).map((s, i) => formatEventLine({
    id: `E${i + 1}`,
    type: s.type,
    trigger: textBound(s.trigger, s.type),
    args: s.arguments.map((a) => ({ role: a.role, target: textBound(a, a.type) })),
  }));
  return serializeBrat([...items, ...lines]);
}

const runs = { 'gold entities': goldEntities, 'suggested entities': engineEntities };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-bench-events-'));
const sources = new Map();
const summary = [];
for (const [set, goldDir] of Object.entries(SETS)) {
  const documents = documentsOf(goldDir);
  for (const [name, entitiesOf] of Object.entries(runs)) {
    const dir = path.join(tmp, `${set} ${name}`.replaceAll(' ', '-'));
    fs.mkdirSync(dir);
    for (const doc of documents) {
      const entities = entitiesOf(doc);
      const suggestions = events.suggest({ text: doc.text, schema: NEWS_SCHEMA, entities, acceptedTriggers: [], rejected: [] });
      fs.writeFileSync(path.join(dir, `${doc.base}.txt`), doc.text);
      fs.writeFileSync(path.join(dir, `${doc.base}.ann`), toAnn(doc.text, entities, suggestions));
      if (set === 'development set' && name === 'gold entities') countSources(doc, suggestions);
    }
    console.log(`\n=== ${set}, ${name} (predictions in ${dir})\n`);
    let printed = '';
    await run(['eval', goldDir, dir], { cwd: repo, dataDir: path.join(repo, 'data'), out: (t) => { printed += t; process.stdout.write(t); }, err: (l) => console.error(l) });
    const f1 = (row) => printed.match(new RegExp(`^${row}(?:\\s+\\d+){3}(?:\\s+[\\d.]+){2}\\s+([\\d.]+)`, 'm'))?.[1];
    summary.push(`${`${set}, ${name}`.padEnd(40)} triggers F1 ${f1('triggers')}   arguments F1 ${f1('arguments')}`);
  }
}

/** Precision of each trigger source and type, with the gold entities (all suggestions, no threshold). */
function countSources(doc, suggestions) {
  const gold = new Set(doc.gold.events.map((e) => `${e.trigger.start}:${e.type}`));
  const goldTokens = doc.gold.events.map((e) => e.trigger);
  for (const s of suggestions) {
    // A trigger is right when a gold trigger of its type overlaps it (the span may differ by a clitic).
    const right = goldTokens.some((g) => g.start < s.trigger.end && s.trigger.start < g.end && gold.has(`${g.start}:${s.type}`));
    for (const key of [s.source, `${s.source} ${s.type}`]) {
      const c = sources.get(key) ?? { n: 0, right: 0 };
      c.n++;
      if (right) c.right++;
      sources.set(key, c);
    }
  }
}

console.log('\n=== measured precision of triggers by source (gold entities, no threshold)\n');
for (const [key, c] of [...sources].sort()) console.log(`${key.padEnd(32)} ${String(c.right).padStart(4)} / ${String(c.n).padEnd(4)} ${(c.right / c.n).toFixed(2)}`);

const text = fs.readFileSync(SAMPLE, 'utf8');
const sampleEntities = engineEntities({ text });
const time = (f) => { const t = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t) / 1e6; };
const fresh = createEventSuggester(loadEventResources(path.join(repo, 'data')));
const request = { text, schema: NEWS_SCHEMA, entities: sampleEntities, acceptedTriggers: [], rejected: [] };
const first = time(() => fresh.suggest(request));
for (let i = 0; i < 20; i++) fresh.suggest(request);
const again = time(() => fresh.suggest(request));
const edited = time(() => fresh.suggest({ ...request, text: text.replace('سقط صاروخ', 'سقط صاروخان') }));
console.log(`\n=== speed on the sample article (${text.length} characters, ${sampleEntities.length} entities)\n`);
console.log(`first call ${first.toFixed(1)} ms, unchanged text ${again.toFixed(2)} ms, one sentence edited ${edited.toFixed(2)} ms`);
console.log('\n=== summary\n');
for (const line of summary) console.log(line);

