// Features of a token in its sentence, as 32-bit hashes of feature names (the model maps them to
// weight rows). Features of a word by itself are computed once per distinct token text and cached;
// context features reuse the neighbours' cached hashes, mixed with their offset.

import { tokenize } from '../text';
import type { RuleFeatures } from './ruleFeatures';
import { GAZ_FLAGS, type Gazetteer, stemOf } from './gazetteer';
import { hashRange, hashString, mixHash } from './hash';
import { CLUSTER_LEVELS, type WordTable } from './wordTable';
import { normalizeForMatching, segmentProclitics } from '../text';
import { KNOWN_WHOLE_WORDS } from '../text/knownWholes';

/** Groups of features that can be switched off (for ablation). */
export const FEATURE_GROUPS = ['word', 'affix', 'shape', 'context', 'gazetteer', 'lexicon', 'cluster', 'embedding', 'spell', 'rules', 'document'] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

export interface FeatureConfig {
  readonly groups: readonly FeatureGroup[];
  /** Neighbours on each side whose features a token sees. */
  readonly window: number;
}

/**
 * Every group but the embeddings. Trained in full on ANERcorp, they add nothing on dev beside the
 * clusters learnt from the same text (micro F1 80.28 with them, 80.33 without; 80.80 and 80.99 with
 * another seed), while they double the training time and add 2.5 MB to the model file.
 * `npm run bench:quality` measures them added (quick settings).
 */
export const DEFAULT_FEATURES: FeatureConfig = { groups: FEATURE_GROUPS.filter((g) => g !== 'embedding'), window: 2 };

/** Hashes that depend on more than a word (lexicon, gazetteer names, rules, document): lists of one entry per token. */
export type Extras = readonly (readonly Uint32Array[])[];

/** A word by itself. */
export interface WordInfo {
  /** The token itself. */
  readonly token: string;
  readonly stem: string;
  /** Vocabulary row (clusters, embeddings), -1 when not in the vocabulary. */
  readonly row: number;
  /** Features seen only at the word's own position. */
  readonly own: Uint32Array;
  /** Features also seen by the neighbours (mixed with the offset). */
  readonly shared: Uint32Array;
  /** Hash of the stem, for word bigrams. */
  readonly bigram: number;
  /** Punctuation or symbols only: never part of a name (no entity of ANERcorp's training data holds one). */
  readonly punctuation: boolean;
}

const MAX_CACHED_WORDS = 200000;
/** The hash of offset o at index o + MAX_OFFSET (an array: negative property keys would be strings). */
const MAX_OFFSET = 3;
const OFFSET = Array.from({ length: 2 * MAX_OFFSET + 1 }, (_, i) => hashString(`@${i - MAX_OFFSET}`));
const offsetHash = (o: number): number => OFFSET[o + MAX_OFFSET];
const PAD = hashString('<pad>');
/** The feature every token has. */
export const BIAS_HASH = hashString('<bias>');
const BIGRAM_LEFT = hashString('bi:-1');
const BIGRAM_RIGHT = hashString('bi:+1');

// The hashes of a word's feature names (see FeatureExtractor.analyze), from the hashes of their
// prefixes, or whole for the names drawn from a few values.
const WORD = hashString('w:');
const STEM = hashString('s:');
const PREFIX = [0, 1, 2, 3].map((k) => hashString(`p${k}:`));
const SUFFIX = [0, 1, 2, 3].map((k) => hashString(`x${k}:`));
const CONJUNCTION = hashString('cj:');
const PARTICLE = hashString('pt:');
const ARTICLE = hashString('al');
const LENGTH = Array.from({ length: 10 }, (_, n) => hashString(`len:${n}`));
const CLUSTER = Array.from({ length: CLUSTER_LEVELS }, (_, k) => hashString(`c${k}:`));
const CLUSTER_OOV = hashString('c:oov');
const RANK = Array.from({ length: 32 }, (_, n) => hashString(`rank:${n}`));
const SPELLING = { oov: hashString('sp:oov'), unknown: hashString('sp:unknown'), known: hashString('sp:known') };
const GAZETTEER = GAZ_FLAGS.map((f) => hashString(`gz:${f}`));
const kindHashes = new Map<string, number>();
const kindHash = (kind: string): number => {
  let h = kindHashes.get(kind);
  if (h === undefined) kindHashes.set(kind, (h = hashString(`k:${kind}`)));
  return h;
};

export class FeatureExtractor {
  private readonly words = new Map<string, WordInfo>();
  private readonly phraseTagHashes = new Map<string, Uint32Array>();
  private readonly phraseTagCache = new WeakMap<readonly WordInfo[], readonly string[]>();
  private readonly on: ReadonlySet<FeatureGroup>;
  private readonly isKnownWhole: (form: string) => boolean;

  constructor(
    readonly config: FeatureConfig,
    readonly wordTable: WordTable | undefined,
    readonly gazetteer: Gazetteer | undefined,
    readonly rules?: RuleFeatures,
  ) {
    this.on = new Set(config.groups);
    const g = gazetteer;
    this.isKnownWhole = g ? g.isKnownWhole : (f) => KNOWN_WHOLE_WORDS.has(f);
  }

  has(group: FeatureGroup): boolean {
    return this.on.has(group);
  }

  word(token: string): WordInfo {
    let w = this.words.get(token);
    if (!w) {
      if (this.words.size >= MAX_CACHED_WORDS) this.words.clear();
      this.words.set(token, (w = this.analyze(token)));
    }
    return w;
  }

  /** The word's features, as the hashes of their names (`w:<form>`, `p2:<first two letters of the stem>`…). */
  private analyze(token: string): WordInfo {
    const own: number[] = [];
    const shared: number[] = [];
    const form = normalizeForMatching(token);
    const seg = segmentProclitics(token, this.isKnownWhole);
    const stem = stemOf(token, this.isKnownWhole, seg);
    if (this.on.has('word')) {
      shared.push(hashString(form, WORD));
      if (stem !== form) shared.push(hashString(stem, STEM));
    }
    if (this.on.has('affix')) {
      for (let k = 1; k <= 3 && k < stem.length; k++) own.push(hashRange(stem, 0, k, PREFIX[k]), hashRange(stem, stem.length - k, stem.length, SUFFIX[k]));
      if (seg.conjunction) own.push(hashString(seg.conjunction, CONJUNCTION));
      if (seg.particle) own.push(hashString(seg.particle, PARTICLE));
      if (seg.article) shared.push(ARTICLE);
    }
    if (this.on.has('shape')) {
      const pieces = tokenize(token);
      shared.push(kindHash(pieces.length === 1 ? pieces[0].kind : pieces.length ? 'mixed' : 'none'));
      own.push(LENGTH[Math.min(stem.length, 9)]);
    }
    const row = this.wordTable?.rowOf(token) ?? -1;
    if (this.wordTable && this.on.has('cluster')) {
      if (row < 0) shared.push(CLUSTER_OOV);
      else {
        for (let k = 0; k < CLUSTER_LEVELS; k++) shared.push(hashString(String(this.wordTable.data.clusters[row * CLUSTER_LEVELS + k]), CLUSTER[k]));
        own.push(RANK[Math.floor(Math.log2(row + 1))]);
      }
    }
    if (this.wordTable?.hasSpelling && this.on.has('spell') && /[\u0621-\u064a]/.test(token)) {
      shared.push(row < 0 ? SPELLING.oov : this.wordTable.data.spellUnknown[row] ? SPELLING.unknown : SPELLING.known);
    }
    if (this.gazetteer && this.on.has('gazetteer')) {
      const flags = this.gazetteer.flags(stem);
      for (let i = 0; i < GAZ_FLAGS.length; i++) if (flags & (1 << i)) shared.push(GAZETTEER[i]);
    }
    return {
      token,
      stem,
      row: this.on.has('embedding') && row < (this.wordTable?.embeddingRows ?? 0) ? row : -1,
      own: Uint32Array.from(own),
      shared: Uint32Array.from(shared),
      bigram: hashString(stem),
      punctuation: /^[\p{P}\p{S}]+$/u.test(token),
    };
  }

  /** Per token, the hash of the gazetteer's multi-word name covering it (none without the gazetteer group). */
  gazetteerPhrases(words: readonly WordInfo[]): Uint32Array[] | undefined {
    if (!this.gazetteer || !this.on.has('gazetteer')) return undefined;
    return this.phraseTags(words).map((tag) => {
      let h = this.phraseTagHashes.get(tag);
      if (!h) this.phraseTagHashes.set(tag, (h = tag ? Uint32Array.of(hashString(`gzp:${tag}`)) : new Uint32Array(0)));
      return h;
    });
  }

  /**
   * The gazetteer's phrase tags of a sentence's words (Gazetteer.phraseTags; an extractor with a
   * gazetteer), kept per words array: the features and settleNames both read them.
   */
  phraseTags(words: readonly WordInfo[]): readonly string[] {
    let tags = this.phraseTagCache.get(words);
    if (!tags) this.phraseTagCache.set(words, (tags = this.gazetteer!.phraseTags(words.map((w) => w.stem))));
    return tags;
  }

  /** Per token, what the engine's rules propose over the sentence (none without the rules group). */
  ruleHashes(words: readonly WordInfo[]): Uint32Array[] | undefined {
    if (!this.rules || !this.on.has('rules')) return undefined;
    return this.rules.hashes(words.map((w) => w.token));
  }

  /** Neighbours on each side that a token sees (0 without the context group). */
  get window(): number {
    return this.on.has('context') ? this.config.window : 0;
  }

  /**
   * Appends to `out` the hashes a token sees from the word at offset `o` from it (`o` = 0: its own
   * word, with the bias); `w` undefined: the offset is outside the sentence. They depend on the
   * word alone, so their weights can be summed once per word (see WordScores).
   */
  wordHashes(w: WordInfo | undefined, o: number, out: number[]): void {
    if (o === 0) {
      out.push(BIAS_HASH);
      for (let i = 0; i < w!.own.length; i++) out.push(w!.own[i]);
      for (let i = 0; i < w!.shared.length; i++) out.push(w!.shared[i]);
      return;
    }
    const mix = offsetHash(o);
    if (!w) out.push(mixHash(PAD, mix));
    else for (let i = 0; i < w.shared.length; i++) out.push(mixHash(w.shared[i], mix));
  }

  /**
   * The hashes of token t that depend on more than one word: word bigrams, and `extras` (lexicon,
   * gazetteer names, document: lists of per-token hashes) at t and at distance 1.
   */
  contextHashes(words: readonly WordInfo[], t: number, extras: Extras, out: number[]): void {
    const n = words.length;
    const W = this.window;
    if (W > 0 && this.on.has('word')) out.push(this.bigramLeft(words, t), this.bigramRight(words, t));
    for (const extra of extras) {
      for (const h of extra[t]) out.push(h);
      if (W > 0) {
        if (t > 0) for (const h of extra[t - 1]) out.push(this.seenFromRight(h));
        if (t + 1 < n) for (const h of extra[t + 1]) out.push(this.seenFromLeft(h));
      }
    }
  }

  /** The word bigram of token t and its left neighbour. */
  bigramLeft(words: readonly WordInfo[], t: number): number {
    return mixHash(t > 0 ? words[t - 1].bigram : PAD, mixHash(words[t].bigram, BIGRAM_LEFT));
  }

  /** The word bigram of token t and its right neighbour. */
  bigramRight(words: readonly WordInfo[], t: number): number {
    return mixHash(words[t].bigram, mixHash(t + 1 < words.length ? words[t + 1].bigram : PAD, BIGRAM_RIGHT));
  }

  /** An extra hash of a token as the token after it sees it. */
  seenFromRight(h: number): number {
    return mixHash(h, offsetHash(-1));
  }

  /** An extra hash of a token as the token before it sees it. */
  seenFromLeft(h: number): number {
    return mixHash(h, offsetHash(1));
  }

  /** The feature hashes of every token of a sentence: `offsets[t]..offsets[t + 1]` index `hashes`. */
  sentence(words: readonly WordInfo[], extras: Extras): { hashes: Uint32Array; offsets: Int32Array } {
    const n = words.length;
    const W = this.window;
    const out: number[] = [];
    const offsets = new Int32Array(n + 1);
    for (let t = 0; t < n; t++) {
      offsets[t] = out.length;
      for (let o = -W; o <= W; o++) {
        const u = t + o;
        this.wordHashes(u >= 0 && u < n ? words[u] : undefined, o, out);
      }
      this.contextHashes(words, t, extras, out);
    }
    offsets[n] = out.length;
    return { hashes: Uint32Array.from(out), offsets };
  }
}
