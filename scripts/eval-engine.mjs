// How the whole suggestion engine (rules, trained tagger, both) does on ANERcorp's dev split, in
// ANERcorp's terms: PER → PERS, ORG → ORG, GPE/LOC/FAC → LOC, scored with conlleval semantics over
// PERS, LOC and ORG (the engine has no MISC; NORP and DATE are not in ANERcorp). The dev split is
// cut into articles of 20 sentences, each suggested as one document. Prints F1 for the rules, the
// model and both (used to choose how they combine), then how often the combined engine's
// suggestions of each confidence are exactly an ANERcorp name, by source.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (p) => require(path.join(repo, 'out', 'src', p));
const { loadModel, readConll, evaluateConll, chunksOf, reliability, DEFAULT_MODEL_FILE } = out('core/tagger/index.js');
const { createSuggestionEngine, loadEngineResources, defaultProposers } = out('core/suggest/index.js');
const { NEWS_SCHEMA } = out('core/schema/defaultSchema.js');
const { DEFAULT_MIN_CONFIDENCE } = out('core/suggest/types.js');

/** The engine's types as ANERcorp's (NORP and DATE have none). */
export const NATIVE = { PER: 'PERS', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC' };
const ARTICLE = 20;

/** An article's sentences as one text, tokens joined by spaces and a line each; `starts[i][k]`: where token k of sentence i starts. */
export function articleText(article) {
  let text = '';
  const starts = article.map((s) => {
    const at = s.tokens.map((t) => {
      const start = text.length;
      text += `${t} `;
      return start;
    });
    text += '\n';
    return at;
  });
  return { text, starts };
}

export function evaluateEngine(engine, sentences) {
  const gold = [];
  const pred = [];
  /** Every suggestion of an ANERcorp type, shown or not: its confidence, and whether it is exactly a gold name. */
  const samples = [];
  for (let a = 0; a < sentences.length; a += ARTICLE) {
    const article = sentences.slice(a, a + ARTICLE);
    const { text, starts: offsets } = articleText(article);
    const labels = article.map((s) => s.tokens.map(() => 'O'));
    const suggestions = engine.suggest({ text, schema: NEWS_SCHEMA, accepted: [], rejected: [] });
    const goldChunks = new Set(article.flatMap((s, i) => chunksOf(s.labels).map((c) => `${i} ${c.start} ${c.end} ${c.type}`)));
    for (const s of suggestions) {
      const native = NATIVE[s.type];
      if (!native) continue;
      const covered = [];
      article.forEach((sentence, i) => {
        sentence.tokens.forEach((t, k) => {
          const start = offsets[i][k];
          if (start < s.end && s.start < start + t.length) covered.push([i, k]);
        });
      });
      const [i, first] = covered[0];
      samples.push({ p: s.confidence, source: s.source, correct: goldChunks.has(`${i} ${first} ${covered.at(-1)[1] + 1} ${native}`) });
      if (s.confidence < DEFAULT_MIN_CONFIDENCE) continue;
      covered.forEach(([i, k], n) => (labels[i][k] = `${n === 0 ? 'B' : 'I'}-${native}`));
    }
    for (const [i, s] of article.entries()) {
      gold.push(s.labels.map((l) => (l.endsWith('MISC') ? 'O' : l)));
      pred.push(labels[i]);
    }
  }
  return { ...evaluateConll(gold, pred), samples };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dev = readConll(fs.readFileSync(path.join(repo, 'models', 'anercorp', 'dev.conll'), 'utf8'));
  const res = loadEngineResources(path.join(repo, 'data'));
  const model = loadModel(path.join(repo, 'models', DEFAULT_MODEL_FILE));
  const tagger = { model: () => model, generation: 0 };
  const variants = {
    'rules only': createSuggestionEngine(res),
    'model only': createSuggestionEngine(res, { proposers: [], tagger }),
    'model + rules': createSuggestionEngine(res, { proposers: defaultProposers(res), tagger }),
  };
  const f = (x) => x.toFixed(1).padStart(5);
  console.log('engine on dev (PERS/LOC/ORG, MISC left out)   P     R     F1   | PERS  LOC   ORG (F1)');
  let combined;
  for (const [name, engine] of Object.entries(variants)) {
    const e = evaluateEngine(engine, dev);
    console.log(`${name.padEnd(44)} ${f(e.micro.p)} ${f(e.micro.r)} ${f(e.micro.f1)} | ${['PERS', 'LOC', 'ORG'].map((t) => f(e.perType[t]?.f1 ?? 0)).join(' ')}`);
    combined = e;
  }
  // The combined engine's confidences against ANERcorp's names (which leave out some of what the
  // news schema counts, such as مجلس الوزراء as an organization), by where the suggestion came from.
  const bySource = new Map();
  for (const x of combined.samples) {
    const source = x.source.startsWith('rule:') ? 'rule' : x.source;
    bySource.set(source, [...(bySource.get(source) ?? []), x]);
  }
  console.log('\nmodel + rules, suggestions of PER/ORG/GPE/LOC/FAC: exactly an ANERcorp name, by confidence');
  console.log('source        count  calibration error' + ['<0.3', '0.3–0.5', '0.5–0.7', '0.7–0.9', '≥0.9'].map((b) => b.padStart(12)).join(''));
  for (const [source, xs] of [['all', combined.samples], ...[...bySource].sort((a, b) => b[1].length - a[1].length)]) {
    const cells = [[0, 0.3], [0.3, 0.5], [0.5, 0.7], [0.7, 0.9], [0.9, 1.01]].map(([lo, hi]) => {
      const inBin = xs.filter((x) => x.p >= lo && x.p < hi);
      return (inBin.length ? `${(inBin.filter((x) => x.correct).length / inBin.length).toFixed(2)} (${inBin.length})` : '–').padStart(12);
    });
    console.log(`${source.padEnd(12)} ${String(xs.length).padStart(6)} ${reliability(xs).ece.toFixed(3).padStart(18)}${cells.join('')}`);
  }
}
