// How the whole suggestion engine (rules, trained tagger, both) does on ANERcorp's dev split, in
// ANERcorp's terms: PER → PERS, ORG → ORG, GPE/LOC/FAC → LOC, scored with conlleval semantics over
// PERS, LOC and ORG (the engine has no MISC; NORP and DATE are not in ANERcorp). The dev split is
// cut into articles of 20 sentences, each suggested as one document. Used by `npm run bench:quality`
// and to choose how model and rules combine; prints a table.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (p) => require(path.join(repo, 'out', 'src', p));
const { loadModel, readConll, evaluateConll, DEFAULT_MODEL_FILE } = out('core/tagger/index.js');
const { createSuggestionEngine, loadEngineResources, defaultProposers } = out('core/suggest/index.js');
const { NEWS_SCHEMA } = out('core/schema/defaultSchema.js');
const { DEFAULT_MIN_CONFIDENCE } = out('core/suggest/types.js');

const NATIVE = { PER: 'PERS', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC' };
const ARTICLE = 20;

export function evaluateEngine(engine, sentences) {
  const gold = [];
  const pred = [];
  for (let a = 0; a < sentences.length; a += ARTICLE) {
    const article = sentences.slice(a, a + ARTICLE);
    let text = '';
    const offsets = article.map((s) => {
      const starts = s.tokens.map((t) => {
        const start = text.length;
        text += `${t} `;
        return start;
      });
      text += '\n';
      return starts;
    });
    const labels = article.map((s) => s.tokens.map(() => 'O'));
    const suggestions = engine.suggest({ text, schema: NEWS_SCHEMA, accepted: [], rejected: [] });
    for (const s of suggestions) {
      const native = NATIVE[s.type];
      if (!native || s.confidence < DEFAULT_MIN_CONFIDENCE) continue;
      article.forEach((sentence, i) => {
        let first = true;
        sentence.tokens.forEach((t, k) => {
          const start = offsets[i][k];
          if (start < s.end && s.start < start + t.length) {
            labels[i][k] = `${first ? 'B' : 'I'}-${native}`;
            first = false;
          }
        });
      });
    }
    for (const [i, s] of article.entries()) {
      gold.push(s.labels.map((l) => (l.endsWith('MISC') ? 'O' : l)));
      pred.push(labels[i]);
    }
  }
  return evaluateConll(gold, pred);
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
  for (const [name, engine] of Object.entries(variants)) {
    const e = evaluateEngine(engine, dev);
    console.log(`${name.padEnd(44)} ${f(e.micro.p)} ${f(e.micro.r)} ${f(e.micro.f1)} | ${['PERS', 'LOC', 'ORG'].map((t) => f(e.perType[t]?.f1 ?? 0)).join(' ')}`);
  }
}
