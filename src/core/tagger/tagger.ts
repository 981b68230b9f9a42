// A trained tagger: feature extraction, the first-pass CRF (sentence features), the second-pass
// CRF (sentence features plus what the first pass found elsewhere in the document), the training
// lexicon, and the calibration of span probabilities.

import { firstEndingAfter, type Span } from '../model';
import { calibrate, type Calibration } from './calibration';
import { chunkProbability, forwardBackward, viterbi } from './crf';
import type { CrfParams, EncodedSentence, Embeddings } from './crfParams';
import { LexiconView } from './encoder';
import { chunksOf } from './chunks';
import type { Extras, FeatureExtractor, WordInfo } from './features';
import type { FeatureTable } from './featureTable';
import type { LabelSet } from './labels';
import { Lexicon } from './lexicon';
import { settleNames } from './settleNames';
import type { DocumentContext, SentenceTags, TaggerModel } from './types';
import { WordFeatureIds } from './wordFeatureIds';
import { WordScores } from './wordScores';

/** Prefixes of the lexicon features: the training data's lexicon, the document's. */
export const LEXICON_PREFIX = 'lx';
export const DOCUMENT_PREFIX = 'dx';

export interface TaggerParts {
  readonly labels: LabelSet;
  readonly extractor: FeatureExtractor;
  /** Feature hash → id; ids below pass1.nFeatures are first-pass features. */
  readonly table: FeatureTable;
  readonly pass1: CrfParams;
  /** Absent when the model was trained without document features. */
  readonly pass2: CrfParams | undefined;
  readonly lexicon: Lexicon | undefined;
  readonly calibration: Calibration;
  /** Consecutive sentences taken as one document by `tagDocuments` (as in training). */
  readonly documentSentences: number;
}

type Sentence = { readonly tokens: readonly string[]; readonly labels: readonly string[] };

interface Context extends DocumentContext {
  readonly owner: Tagger;
  readonly view: LexiconView;
  /** The document's lexicon, shared with the context this one was updated from (which it replaces). */
  readonly lexicon: Lexicon;
  /** How many times each sentence object is counted in the lexicon. */
  readonly counted: Map<Sentence, number>;
  /** The lexicon's version in the context this one was updated from (-1: built afresh). */
  readonly previousVersion: number;
  /** Since then: the stems whose class of counts changed, and the stems of every name whose counts changed. */
  readonly touched: ReadonlySet<string>;
}

export class Tagger implements TaggerModel {
  readonly types: readonly string[];
  readonly labels: LabelSet;
  readonly extractor: FeatureExtractor;
  readonly table: FeatureTable;
  readonly pass1: CrfParams;
  readonly pass2: CrfParams | undefined;
  /** The lexicon the features read (the online learner extends it). */
  lexicon: Lexicon | undefined;
  calibration: Calibration;
  readonly documentSentences: number;
  private lexiconView: LexiconView | undefined;
  private readonly scorers = new Map<CrfParams, WordScores>();
  /** The words' feature ids, looked up once for both passes' scores. */
  private wordIds: WordFeatureIds | undefined;
  private readonly wordsCache = new WeakMap<readonly string[], readonly WordInfo[]>();
  /**
   * The stems of a sentence's words, by the words array (kept per tokens array, which the engine
   * keeps with the line): one array, so that a lexicon view's phrase matches serve every read.
   */
  private readonly stemCache = new WeakMap<readonly WordInfo[], readonly string[]>();
  /** A sentence's first-pass extras, by the tokens array, read by both passes while the lexicon is the same. */
  private readonly extrasCache = new WeakMap<
    readonly string[],
    { readonly lexicon: Lexicon | undefined; readonly version: number | undefined; readonly extras: Extras }
  >();

  /** A sentence's last context key, with the document lexicon and version it was computed for. */
  private readonly keyCache = new WeakMap<readonly string[], { readonly lexicon: Lexicon; version: number; readonly key: string }>();

  constructor(parts: TaggerParts) {
    this.labels = parts.labels;
    this.types = parts.labels.types;
    this.extractor = parts.extractor;
    this.table = parts.table;
    this.pass1 = parts.pass1;
    this.pass2 = parts.pass2;
    this.lexicon = parts.lexicon;
    this.calibration = parts.calibration;
    this.documentSentences = parts.documentSentences;
    this.setLexicon(parts.lexicon);
  }

  setLexicon(lexicon: Lexicon | undefined): void {
    this.lexicon = lexicon;
    this.lexiconView = lexicon ? new LexiconView(lexicon, this.types, LEXICON_PREFIX) : undefined;
  }

  get embeddings(): Embeddings | undefined {
    const t = this.extractor.wordTable;
    return t && t.data.dim ? { values: t.data.embeddings, dim: t.data.dim } : undefined;
  }

  /** The words of a sentence's tokens, kept per tokens array (both passes and the document context read them). */
  words(tokens: readonly string[]): readonly WordInfo[] {
    let words = this.wordsCache.get(tokens);
    if (!words) this.wordsCache.set(tokens, (words = tokens.map((t) => this.extractor.word(t))));
    return words;
  }

  /** Per-token hashes of the lexicon, gazetteer names and rule proposals (first-pass extras). */
  extras(words: readonly WordInfo[]): Extras {
    const stems = this.stemsOf(words);
    return [this.lexiconView?.hashes(stems), this.extractor.gazetteerPhrases(words), this.extractor.ruleHashes(words)].filter((x): x is Uint32Array[] => x !== undefined);
  }

  /** The first-pass extras of a sentence's tokens, computed once for both passes. */
  private sentenceExtras(tokens: readonly string[], words: readonly WordInfo[]): Extras {
    const { lexicon } = this;
    let cached = this.extrasCache.get(tokens);
    if (!cached || cached.lexicon !== lexicon || cached.version !== lexicon?.version) {
      this.extrasCache.set(tokens, (cached = { lexicon, version: lexicon?.version, extras: this.extras(words) }));
    }
    return cached.extras;
  }

  /** Document features of each token (second-pass extras). */
  documentExtras(words: readonly WordInfo[], context: DocumentContext): Uint32Array[] {
    return (context as Context).view.hashes(this.stemsOf(words));
  }

  /** A sentence's features as ids, one by one (for training). */
  encode(words: readonly WordInfo[], extras: Extras, crf: CrfParams): EncodedSentence {
    const { hashes, offsets } = this.extractor.sentence(words, extras);
    const n = words.length;
    const ids = new Int32Array(hashes.length);
    const idOffsets = new Int32Array(n + 1);
    let m = 0;
    for (let t = 0; t < n; t++) {
      idOffsets[t] = m;
      for (let k = offsets[t]; k < offsets[t + 1]; k++) {
        const id = this.table.get(hashes[k]);
        if (id >= 0 && id < crf.nFeatures) ids[m++] = id;
      }
    }
    idOffsets[n] = m;
    return { n, ids: ids.subarray(0, m), offsets: idOffsets, rows: Int32Array.from(words, (w) => w.row) };
  }

  /** Emission scores at run time (weights summed per word and cached; see WordScores). */
  scores(crf: CrfParams, words: readonly WordInfo[], extras: Extras): Float64Array {
    let scorer = this.scorers.get(crf);
    if (!scorer) this.scorers.set(crf, (scorer = new WordScores(crf, this.extractor, this.table, (this.wordIds ??= new WordFeatureIds(this.extractor, this.table)), this.embeddings)));
    return scorer.emissions(words, extras);
  }

  /** Rules out every entity label on punctuation (label 0 is O). */
  keepPunctuationOutside(words: readonly WordInfo[], em: Float64Array): Float64Array {
    const L = this.labels.size;
    words.forEach((w, t) => {
      if (w.punctuation) em.fill(-Infinity, t * L + 1, (t + 1) * L);
    });
    return em;
  }

  /** Forget the cached sums of weights (after the weights changed). */
  clearScores(): void {
    for (const s of this.scorers.values()) s.clear();
  }

  /** The best labels for emission scores (n × L). */
  bestLabels(crf: CrfParams, em: Float64Array, n: number): string[] {
    return Array.from(viterbi(crf, em, n), (y) => this.labels.labels[y]);
  }

  /** Labels, marginals and span probabilities from emission scores (n × L); with the `words`, names are settled (settleNames). */
  decode(crf: CrfParams, em: Float64Array, n: number, words?: readonly WordInfo[]): SentenceTags {
    const path = viterbi(crf, em, n);
    const fb = forwardBackward(crf, em, n);
    const L = this.labels.size;
    const probability = (c: { start: number; end: number; type: string }) => {
      const type = this.types.indexOf(c.type);
      return chunkProbability(fb, c.start, c.end, this.labels.begin(type), this.labels.inside(type));
    };
    const found = chunksOf(Array.from(path, (y) => this.labels.labels[y])).map((c) => ({ ...c, p: probability(c) }));
    if (words) settleNames(path, words, { labels: this.labels, rules: this.extractor.rules, gazetteer: this.extractor.gazetteer, phraseTags: (w) => this.extractor.phraseTags(w) });
    const labels = Array.from(path, (y) => this.labels.labels[y]);
    const tokens = labels.map((label, t) => ({ label, confidence: fb.marginals[t * L + path[t]] }));
    const spans = chunksOf(labels).map((c) => {
      // A chunk as the model found it keeps its probability. A name that settleNames joined, cut or
      // extended is as sure as the least sure of the model's names of its type that it overlaps:
      // their own probabilities count the ends the model believed in, which the rules override. A
      // name with no such chunk (a listed name the model missed) gets its own probability.
      const parts = overlapping(found, c).filter((f) => f.type === c.type);
      const p = parts.length ? Math.min(...parts.map((f) => f.p)) : probability(c);
      return { start: c.start, end: c.end, type: c.type, confidence: calibrate(this.calibration, p) };
    });
    return { tokens, spans };
  }

  firstPass(tokens: readonly string[]): readonly string[] {
    const words = this.words(tokens);
    const em = this.scores(this.pass1, words, this.sentenceExtras(tokens, words));
    return this.bestLabels(this.pass1, this.keepPunctuationOutside(words, em), words.length);
  }

  /**
   * The document's context. Given the `previous` context of the same document, only the sentences
   * that came or went since are counted or taken back (an edit costs what it touched), and
   * `previous` must not be used again.
   */
  documentContext(sentences: readonly Sentence[], previous?: DocumentContext): DocumentContext {
    const counted = new Map<Sentence, number>();
    for (const s of sentences) counted.set(s, (counted.get(s) ?? 0) + 1);
    const old = previous as Context | undefined;
    const diff = old?.owner === this ? countChanges(old.counted, counted) : undefined;
    if (!old || !diff || diff.changes > sentences.length / 2) {
      const lexicon = new Lexicon(this.types.length);
      for (const s of sentences) lexicon.add(this.stemsOf(this.words(s.tokens)), s.labels, this.labels);
      return this.context(lexicon, counted, -1, new Set());
    }
    // What a sentence's key reads: its words' classes of counts, and the names that match in it.
    // Touched: the words whose class changes, and every word of a name whose counts change.
    const { lexicon, view } = old;
    const previousVersion = lexicon.version;
    const classBefore = new Map<string, number>();
    const touched = new Set<string>();
    for (const [s] of [...diff.removed, ...diff.added]) {
      const stems = this.stemsOf(this.words(s.tokens));
      for (const stem of stems) if (!classBefore.has(stem)) classBefore.set(stem, view.classOf(stem));
      for (const c of chunksOf(s.labels)) if (c.end - c.start > 1) for (let k = c.start; k < c.end; k++) touched.add(stems[k]);
    }
    for (const [s, n] of diff.removed) for (let k = 0; k < n; k++) lexicon.remove(this.stemsOf(this.words(s.tokens)), s.labels, this.labels);
    for (const [s, n] of diff.added) for (let k = 0; k < n; k++) lexicon.add(this.stemsOf(this.words(s.tokens)), s.labels, this.labels);
    const updated = this.context(lexicon, counted, previousVersion, touched);
    for (const [stem, before] of classBefore) if (updated.view.classOf(stem) !== before) touched.add(stem);
    return updated;
  }

  private context(lexicon: Lexicon, counted: Map<Sentence, number>, previousVersion: number, touched: ReadonlySet<string>): Context {
    return { kind: 'tawsim-document-context', owner: this, view: new LexiconView(lexicon, this.types, DOCUMENT_PREFIX), lexicon, counted, previousVersion, touched };
  }

  private stemsOf(words: readonly WordInfo[]): readonly string[] {
    let stems = this.stemCache.get(words);
    if (!stems) this.stemCache.set(words, (stems = words.map((w) => w.stem)));
    return stems;
  }

  /**
   * The key is kept per tokens array and carried over to an updated context when none of the
   * sentence's stems was touched: its words' counts and the names that can match in it are as
   * they were (a name that came or went touched all its words).
   */
  contextKey(tokens: readonly string[], context: DocumentContext): string {
    if (!this.pass2) return '';
    const { view, lexicon, previousVersion, touched } = context as Context;
    const stems = this.stemsOf(this.words(tokens));
    const cached = this.keyCache.get(tokens);
    if (cached && cached.lexicon === lexicon) {
      if (cached.version === lexicon.version) return cached.key;
      if (cached.version === previousVersion && !stems.some((s) => touched.has(s))) {
        cached.version = lexicon.version;
        return cached.key;
      }
    }
    const key = view.key(stems);
    this.keyCache.set(tokens, { lexicon, version: lexicon.version, key });
    return key;
  }

  secondPass(tokens: readonly string[], context: DocumentContext): SentenceTags {
    return this.pass2 ? this.tag(this.pass2, tokens, context) : this.tag(this.pass1, tokens, undefined);
  }

  tagDocument(sentences: readonly (readonly string[])[]): SentenceTags[] {
    if (!this.pass2) return sentences.map((tokens) => this.tag(this.pass1, tokens, undefined));
    const context = this.documentContext(sentences.map((tokens) => ({ tokens, labels: this.firstPass(tokens) })));
    return sentences.map((tokens) => this.secondPass(tokens, context));
  }

  /** Tags with marginals and span confidences: the first-pass features, plus the document's when `context` is given. */
  private tag(crf: CrfParams, tokens: readonly string[], context: DocumentContext | undefined): SentenceTags {
    const words = this.words(tokens);
    const extras = this.sentenceExtras(tokens, words);
    const em = this.scores(crf, words, context ? [...extras, this.documentExtras(words, context)] : extras);
    return this.decode(crf, this.keepPunctuationOutside(words, em), words.length, words);
  }

  /** Tags a text without document boundaries (a CoNLL file): documents of `documentSentences` consecutive sentences. */
  tagDocuments(sentences: readonly (readonly string[])[]): SentenceTags[] {
    const out: SentenceTags[] = [];
    for (let i = 0; i < sentences.length; i += this.documentSentences) out.push(...this.tagDocument(sentences.slice(i, i + this.documentSentences)));
    return out;
  }
}

/** The chunks of `sorted` (by start, not overlapping each other) that overlap `c`: found by bisection, for sentences of thousands of names. */
function overlapping<T extends Span>(sorted: readonly T[], c: Span): T[] {
  const out: T[] = [];
  for (let i = firstEndingAfter(sorted, c.start); i < sorted.length && sorted[i].start < c.end; i++) out.push(sorted[i]);
  return out;
}

/** The sentences that came and went between two counts, and how many changes that makes. */
function countChanges(
  before: ReadonlyMap<Sentence, number>,
  after: ReadonlyMap<Sentence, number>,
): { removed: [Sentence, number][]; added: [Sentence, number][]; changes: number } {
  const removed: [Sentence, number][] = [];
  const added: [Sentence, number][] = [];
  let changes = 0;
  for (const [s, n] of before) {
    const m = after.get(s) ?? 0;
    if (m < n) removed.push([s, n - m]);
  }
  for (const [s, m] of after) {
    const n = before.get(s) ?? 0;
    if (m > n) added.push([s, m - n]);
  }
  for (const [, n] of [...removed, ...added]) changes += n;
  return { removed, added, changes };
}
