// What the suggestion engine's rules (src/core/suggest: gazetteer and person-name runs, titles,
// organization and facility heads, nisbas, dates) propose over a sentence, as per-token features
// for the CRF: the proposal's type and the token's place in it (begin, inside, end, single), and
// the same with the proposal's source and confidence; and each word's person-name class. The rules run on the sentence's tokens
// joined by spaces; their character spans are mapped back to tokens.
//
// The model carries the data files the rules read (RuleData), as it carries its gazetteer, so
// that the features a model was trained on never change under it; the rules' resources are built
// from them on first use, once per distinct set of files in the process (the engine's own, loaded
// from the same files, serve).

import { taggerRuleProposers } from '../suggest/engine';
import { analyzeLine } from '../suggest/lineContext';
import { loadFolderResources, sharedEngineResources } from '../suggest/loadResources';
import type { LineProposer } from '../suggest/proposal';
import type { EngineResources } from '../suggest/resources';
import { wordAnalyzerFor, type Word, type WordAnalyzer } from '../suggest/words';
import { hashString } from './hash';

/** The data files the rules read: path relative to the data folder → content. */
export interface RuleData {
  readonly files: ReadonlyMap<string, string>;
}

/** The rules' data files of a data folder (those loadEngineResources reads). */
export function readRuleData(dataDir: string): RuleData {
  return { files: loadFolderResources(dataDir).files };
}

/**
 * Data files the engine started reading after some models were trained; such a model reads them
 * as empty, as it was trained (a model trained since carries them).
 */
const LATER_FILES: ReadonlySet<string> = new Set(['curated/place-heads.tsv', 'curated/organizations.tsv', 'curated/persons.tsv', 'curated/institution-words.tsv']);

/** The rules' resources of a model's data: the engine's own when they were built from the same files. */
function resourcesOf(data: RuleData): EngineResources {
  return sharedEngineResources(data.files, {
    read: (file) => {
      const content = data.files.get(file) ?? (LATER_FILES.has(file) ? '' : undefined);
      if (content === undefined) throw new Error(`the model's rule data has no ${file}`);
      return content;
    },
  });
}

/** Sentences whose features are kept: both passes over a document read them. */
const MAX_CACHED_SENTENCES = 4096;
const MAX_CACHED_LISTS = 20000;

export class RuleFeatures {
  private engine: { readonly res: EngineResources; readonly analyzer: WordAnalyzer; readonly proposers: readonly LineProposer[] } | undefined;
  /** Hash lists by their names (a few hundred distinct lists). */
  private readonly lists = new Map<string, Uint32Array>();
  private readonly sentences = new Map<string, Uint32Array[]>();

  constructor(readonly data: RuleData) {}

  private get rules() {
    if (!this.engine) {
      const res = resourcesOf(this.data);
      this.engine = { res, analyzer: wordAnalyzerFor(res), proposers: taggerRuleProposers(res) };
    }
    return this.engine;
  }

  /** How the rules read one token: its conjunction, proclitics and name class (undefined for a token of no word). */
  readWord(token: string): Word | undefined {
    const words = this.rules.analyzer.analyze(token);
    return words.length === 1 ? words[0] : undefined;
  }

  /** Feature names per token. */
  names(tokens: readonly string[]): string[][] {
    const out: string[][] = tokens.map(() => []);
    if (tokens.length === 0) return out;
    const { res, analyzer, proposers } = this.rules;
    const starts: number[] = [];
    let text = '';
    for (const t of tokens) {
      starts.push(text.length);
      text += `${t} `;
    }
    const line = analyzeLine(text, analyzer, res);
    const tokenAt = (offset: number): number => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    // How much each word looks like part of a person's name (given name, rare listed name, unlisted rare word).
    for (let k = 0; k < line.words.length; k++) {
      const c = line.nameClasses[k];
      if (c !== 'none') out[tokenAt(line.words[k].start)].push(`nc:${c}`);
    }
    for (const proposer of proposers) {
      for (const p of proposer.propose(line)) {
        const a = tokenAt(p.start);
        const b = tokenAt(Math.max(p.start, p.end - 1));
        const confidence = p.confidence >= 0.8 ? 'h' : p.confidence >= 0.6 ? 'm' : 'l';
        for (let t = a; t <= b; t++) {
          const pos = a === b ? 'S' : t === a ? 'B' : t === b ? 'E' : 'I';
          out[t].push(`r:${p.type}:${pos}`, `rs:${p.source}:${p.type}:${pos}:${confidence}`);
        }
      }
    }
    return out;
  }

  /**
   * Feature hashes per token (the last sentences' kept). Tokens with the same names share one
   * list, so that the scores summed per list (WordScores) serve every sentence.
   */
  hashes(tokens: readonly string[]): Uint32Array[] {
    const key = tokens.join('\u0000');
    let h = this.sentences.get(key);
    if (h) return h;
    h = this.names(tokens).map((names) => {
      const listKey = names.join('\u0000');
      let list = this.lists.get(listKey);
      if (!list) {
        if (this.lists.size >= MAX_CACHED_LISTS) this.lists.clear();
        this.lists.set(listKey, (list = Uint32Array.from(names, (n) => hashString(n))));
      }
      return list;
    });
    if (this.sentences.size >= MAX_CACHED_SENTENCES) this.sentences.delete(this.sentences.keys().next().value!);
    this.sentences.set(key, h);
    return h;
  }
}
