// Training a tagger from labelled sentences: the lexicon by cross-validation (each fold's
// sentences see the lexicon of the other folds, so that the model learns how far to trust it on
// names it has not seen), the first-pass CRF, then the second-pass CRF on document features made
// from cross-validated first-pass output (each fold tagged by a first pass trained on the others).

import { fitCalibration, IDENTITY } from './calibration';
import { chunksOf } from './chunks';
import { CrfParams, type EncodedSentence } from './crfParams';
import { trainCrf, type LabelledEncoding } from './crfTrainer';
import { LexiconView } from './encoder';
import { evaluateConll } from './evaluate';
import { BIAS_HASH, DEFAULT_FEATURES, FeatureExtractor, type FeatureConfig, type WordInfo } from './features';
import { FeatureTable } from './featureTable';
import { Gazetteer, type GazetteerData } from './gazetteer';
import { LabelSet, OUTSIDE, toIob2 } from './labels';
import { Lexicon } from './lexicon';
import { RuleFeatures, type RuleData } from './ruleFeatures';
import { DOCUMENT_PREFIX, LEXICON_PREFIX, Tagger } from './tagger';
import type { LabelledExample } from './types';
import type { WordTable } from './wordTable';

export interface TrainOptions {
  readonly train: readonly LabelledExample[];
  /** Held-out sentences: progress reports their F1, and span confidences are calibrated on them. */
  readonly dev?: readonly LabelledExample[];
  readonly seed?: number;
  /** Passes over the training data of each CRF. */
  readonly epochs?: number;
  /** Clusters, embeddings, spelling list. */
  readonly words?: WordTable;
  readonly gazetteer?: GazetteerData;
  /** The suggestion engine's rule data (readRuleData): its rules' proposals become features. */
  readonly rules?: RuleData;
  readonly features?: FeatureConfig;
  /** Cross-validation folds (lexicon, second pass). */
  readonly folds?: number;
  /** Consecutive sentences taken as one document when training and evaluating the second pass. */
  readonly documentSentences?: number;
  readonly rate?: number;
  readonly l2?: number;
  /** Features seen fewer times in training are left out of the model. */
  readonly minCount?: number;
  readonly onProgress?: (message: string) => void;
}

export const TRAINING_DEFAULTS = { seed: 1, epochs: 6, folds: 5, documentSentences: 20, rate: 0.05, l2: 0.01, minCount: 2 } as const;

interface Prepared {
  readonly words: WordInfo[];
  readonly stems: string[];
  readonly gold: Int32Array;
  readonly labels: string[];
}

export function trainModel(options: TrainOptions): Tagger {
  const o = { ...TRAINING_DEFAULTS, ...stripUndefined(options) };
  const progress = options.onProgress ?? (() => {});
  const requested = options.features ?? DEFAULT_FEATURES;
  // Without the rules' data there are no rule features (and the model file needs none).
  const config = options.rules ? requested : { ...requested, groups: requested.groups.filter((g) => g !== 'rules') };
  const train = options.train.map((s) => ({ tokens: s.tokens, labels: toIob2(s.labels) }));
  if (train.length === 0) throw new Error('no training sentences');
  const labels = LabelSet.fromLabels(train.flatMap((s) => s.labels));
  const gazetteer = options.gazetteer ? new Gazetteer(options.gazetteer) : undefined;
  const extractor = new FeatureExtractor(config, options.words, gazetteer, options.rules ? new RuleFeatures(options.rules) : undefined);
  const types = labels.types;
  const useLexicon = extractor.has('lexicon');
  const useDocument = extractor.has('document');

  const prepared: Prepared[] = train.map((s) => {
    const words = s.tokens.map((t) => extractor.word(t));
    return { words, stems: words.map((w) => w.stem), labels: s.labels, gold: Int32Array.from(s.labels, (l) => labels.indexOf(l)!) };
  });
  const foldOf = (i: number) => Math.floor((i * o.folds) / prepared.length);
  progress(`${prepared.length} sentences, ${types.length} types (${types.join(' ')}), ${o.folds} folds`);

  // Cross-validated lexicons: fold k's sentences see the lexicon of the others.
  const foldViews: (LexiconView | undefined)[] = [];
  for (let k = 0; k < o.folds; k++) {
    if (!useLexicon) {
      foldViews.push(undefined);
      continue;
    }
    const lex = new Lexicon(types.length);
    prepared.forEach((p, i) => foldOf(i) !== k && lex.add(p.stems, p.labels, labels));
    foldViews.push(new LexiconView(lex, types, LEXICON_PREFIX));
  }
  const firstExtras = prepared.map((p, i) => [foldViews[foldOf(i)]?.hashes(p.stems), extractor.gazetteerPhrases(p.words), extractor.ruleHashes(p.words)].filter((x): x is Uint32Array[] => x !== undefined));

  // Feature dictionary of the first pass.
  const dictionary = new Dictionary(o.minCount);
  const hashes1 = prepared.map((p, i) => extractor.sentence(p.words, firstExtras[i]));
  for (const h of hashes1) dictionary.count(h.hashes);
  dictionary.close();
  const n1 = dictionary.size;
  progress(`first pass: ${n1} features`);
  const emb = options.words && config.groups.includes('embedding') ? { values: options.words.data.embeddings, dim: options.words.data.dim } : undefined;
  const dim = emb?.dim ?? 0;
  const encode = (h: { hashes: Uint32Array; offsets: Int32Array }, words: readonly WordInfo[], limit: number): EncodedSentence => dictionary.encode(h, words, limit);
  const data1: LabelledEncoding[] = prepared.map((p, i) => ({ sentence: encode(hashes1[i], p.words, n1), gold: p.gold }));

  const crfOptions = (seed: number, label: string) => ({
    epochs: o.epochs,
    rate: o.rate,
    l2: o.l2,
    seed,
    onEpoch: (e: number, ll: number) => progress(`${label}: epoch ${e}/${o.epochs}, log-likelihood ${ll.toFixed(0)}`),
  });

  let pass2: CrfParams | undefined;
  if (useDocument) {
    // First-pass output of every training sentence, from a model that did not see its fold.
    const predicted: string[][] = new Array(prepared.length);
    for (let k = 0; k < o.folds; k++) {
      const crf = CrfParams.zero(labels, n1, dim, config.window);
      trainCrf(crf, data1.filter((_, i) => foldOf(i) !== k), emb, crfOptions(o.seed + 100 + k, `cross-validation ${k + 1}/${o.folds}`));
      const tagger = new Tagger({ labels, extractor, table: dictionary.table(), pass1: crf, pass2: undefined, lexicon: undefined, calibration: IDENTITY, documentSentences: o.documentSentences });
      data1.forEach((d, i) => {
        if (foldOf(i) === k) predicted[i] = tagger.bestLabels(crf, tagger.keepPunctuationOutside(prepared[i].words, crf.emissions(d.sentence, emb)), d.sentence.n);
      });
    }
    // Document features from those predictions, then the second-pass dictionary and CRF.
    const docExtras: Uint32Array[][] = new Array(prepared.length);
    for (const doc of documents(prepared.length, o.documentSentences)) {
      const lex = new Lexicon(types.length);
      for (const i of doc) lex.add(prepared[i].stems, predicted[i], labels);
      const view = new LexiconView(lex, types, DOCUMENT_PREFIX);
      for (const i of doc) docExtras[i] = view.hashes(prepared[i].stems);
    }
    dictionary.reopen();
    const hashes2 = prepared.map((p, i) => extractor.sentence(p.words, [...firstExtras[i], docExtras[i]]));
    for (const h of hashes2) dictionary.count(h.hashes);
    dictionary.close();
    progress(`second pass: ${dictionary.size} features`);
    const data2 = prepared.map((p, i) => ({ sentence: encode(hashes2[i], p.words, dictionary.size), gold: p.gold }));
    pass2 = CrfParams.zero(labels, dictionary.size, dim, config.window);
    trainCrf(pass2, data2, emb, crfOptions(o.seed + 1, 'second pass'));
  }
  const table = dictionary.table();
  const pass1 = CrfParams.zero(labels, n1, dim, config.window);
  trainCrf(pass1, data1, emb, crfOptions(o.seed, 'first pass'));

  let lexicon: Lexicon | undefined;
  if (useLexicon) {
    lexicon = new Lexicon(types.length);
    for (const p of prepared) lexicon.add(p.stems, p.labels, labels);
  }
  const tagger = new Tagger({ labels, extractor, table, pass1, pass2, lexicon, calibration: IDENTITY, documentSentences: o.documentSentences });
  if (options.dev?.length) {
    const dev = options.dev.map((s) => ({ tokens: s.tokens, labels: toIob2(s.labels) }));
    const f1 = () => evaluateConll(dev.map((s) => s.labels), tagger.tagDocuments(dev.map((s) => s.tokens)).map((t) => t.tokens.map((x) => x.label))).micro.f1;
    const shift = tuneOutsideBias(tagger, f1);
    progress(`dev: the final pass's O score lowered by ${shift} (the best F1 among shifts ${OUTSIDE_SHIFTS.join(', ')})`);
    const typeShifts = tuneTypeBiases(tagger, f1);
    progress(`dev: each type's score raised by ${types.map((t, i) => `${t} ${typeShifts[i]}`).join(', ')} (coordinate search)`);
    const predicted = tagger.tagDocuments(dev.map((s) => s.tokens));
    const samples = predicted.flatMap((tags, s) => {
      const gold = new Set(chunkKeys(dev[s].labels));
      return tags.spans.map((sp) => ({ p: sp.confidence, correct: gold.has(`${sp.start}:${sp.end}:${sp.type}`) }));
    });
    tagger.calibration = fitCalibration(samples);
    const e = evaluateConll(dev.map((s) => s.labels), predicted.map((t) => t.tokens.map((x) => x.label)));
    progress(`dev: micro F1 ${e.micro.f1.toFixed(2)} (P ${e.micro.p.toFixed(2)}, R ${e.micro.r.toFixed(2)})`);
  }
  return tagger;
}

/** Shifts of the O label's score tried on held-out data (the model tends to miss names it has not seen). */
const OUTSIDE_SHIFTS = [0, 0.25, 0.5, 0.75, 1];

/** Lowers the final pass's bias weight of O by the shift that gives the best `f1`; returns it. */
function tuneOutsideBias(tagger: Tagger, f1: () => number): number {
  const crf = tagger.pass2 ?? tagger.pass1;
  const bias = tagger.table.get(BIAS_HASH);
  if (bias < 0 || bias >= crf.nFeatures) return 0;
  const at = bias * crf.labels.size + crf.labels.indexOf(OUTSIDE)!;
  const base = crf.weights[at];
  let best = { shift: 0, f1: -1 };
  for (const shift of OUTSIDE_SHIFTS) {
    crf.weights[at] = base - shift;
    tagger.clearScores();
    const f = f1();
    if (f > best.f1) best = { shift, f1: f };
  }
  crf.weights[at] = base - best.shift;
  tagger.clearScores();
  return best.shift;
}

/** Shifts of one type's scores (B and I) tried on held-out data, on top of the O shift. */
const TYPE_SHIFTS = [-0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1];

/**
 * Raises the final pass's bias weights of each type's B and I labels by the shift that gives the
 * best `f1`, one type at a time, twice over the types; returns the shifts.
 */
export function tuneTypeBiases(tagger: Tagger, f1: () => number): number[] {
  const crf = tagger.pass2 ?? tagger.pass1;
  const labels = crf.labels;
  const bias = tagger.table.get(BIAS_HASH);
  const shifts = tagger.types.map(() => 0);
  if (bias < 0 || bias >= crf.nFeatures) return shifts;
  const row = bias * labels.size;
  const set = (type: number, shift: number) => {
    const delta = shift - shifts[type];
    crf.weights[row + labels.begin(type)] += delta;
    crf.weights[row + labels.inside(type)] += delta;
    shifts[type] = shift;
  };
  let best = f1();
  for (let round = 0; round < 2; round++) {
    for (let type = 0; type < tagger.types.length; type++) {
      const start = shifts[type];
      let arg = start;
      for (const shift of TYPE_SHIFTS) {
        if (shift === start) continue;
        set(type, shift);
        tagger.clearScores();
        const f = f1();
        if (f > best + 1e-9) { best = f; arg = shift; }
      }
      set(type, arg);
      tagger.clearScores();
    }
  }
  return shifts;
}

/** Indices of consecutive sentences, `size` per document. */
function documents(count: number, size: number): number[][] {
  const docs: number[][] = [];
  for (let i = 0; i < count; i += size) docs.push(Array.from({ length: Math.min(size, count - i) }, (_, k) => i + k));
  return docs;
}

function chunkKeys(labels: readonly string[]): string[] {
  return chunksOf(labels).map((c) => `${c.start}:${c.end}:${c.type}`);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Feature hashes seen in training → ids, in order of first sighting; only hashes seen `minCount` times. */
class Dictionary {
  private readonly counts = new Map<number, number>();
  private readonly order: number[] = [];
  private readonly ids = new Map<number, number>();
  private closed = false;

  constructor(private readonly minCount: number) {}

  count(hashes: Uint32Array): void {
    for (const h of hashes) {
      if (this.ids.has(h)) continue;
      const c = this.counts.get(h);
      if (c === undefined) this.order.push(h);
      this.counts.set(h, (c ?? 0) + 1);
    }
  }

  close(): void {
    for (const h of this.order) if (!this.ids.has(h) && this.counts.get(h)! >= this.minCount) this.ids.set(h, this.ids.size);
    this.counts.clear();
    this.order.length = 0;
    this.closed = true;
  }

  reopen(): void {
    this.closed = false;
  }

  get size(): number {
    return this.ids.size;
  }

  encode(h: { hashes: Uint32Array; offsets: Int32Array }, words: readonly WordInfo[], limit: number): EncodedSentence {
    if (!this.closed) throw new Error('dictionary still open');
    const n = words.length;
    const ids = new Int32Array(h.hashes.length);
    const offsets = new Int32Array(n + 1);
    let m = 0;
    for (let t = 0; t < n; t++) {
      offsets[t] = m;
      for (let k = h.offsets[t]; k < h.offsets[t + 1]; k++) {
        const id = this.ids.get(h.hashes[k]);
        if (id !== undefined && id < limit) ids[m++] = id;
      }
    }
    offsets[n] = m;
    return { n, ids: ids.slice(0, m), offsets, rows: Int32Array.from(words, (w) => w.row) };
  }

  table(): FeatureTable {
    const hashes = new Uint32Array(this.ids.size);
    for (const [h, id] of this.ids) hashes[id] = h;
    return new FeatureTable(hashes);
  }
}
