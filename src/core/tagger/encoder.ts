// Features that depend on more than a word itself: what a lexicon (the training data's, or the
// document's first-pass output) says about each word and about the multi-word names it is part
// of, as per-token hash lists.
//
// A word's features depend only on the class of its counts (its top label, how dominant, how
// often seen, and its likeliest entity type when mostly outside), so their hashes are kept per
// class, shared by every view with the same prefix and types: a document view built for each
// suggestion round then costs a few integer operations per word, no string.

import { hashString, mixHash } from './hash';
import { argmax, type Lexicon, type PhraseMatch } from './lexicon';

/** The seed of key()'s second hash chain (any odd constant other than FNV's). */
const KEY_SEED = 0x9747b28c;

/** A word the lexicon has never seen. */
const UNSEEN = 0;

/** A token's phrase match as a number: 0 for none, else 1 + 2 × type, + 1 inside the name. */
function phraseCode(p: PhraseMatch | undefined): number {
  return p ? 1 + 2 * p.type + (p.begin ? 0 : 1) : 0;
}

/** Per prefix and types: the hashes of each class of counts and phrase match. */
const classHashes = new Map<string, Map<number, Uint32Array>>();

/** Features a lexicon gives each token: `prefix` names the lexicon (training data, document). */
export class LexiconView {
  private readonly hashesOfClass: Map<number, Uint32Array>;
  /** Codes of a token's phrase match: none, or B and I of each type. */
  private readonly phraseCodes: number;
  /** Phrase matches by stems array (callers keep their arrays), for the lexicon's `version`. */
  private phraseCache = new WeakMap<readonly string[], readonly (PhraseMatch | undefined)[]>();
  private version = -1;

  constructor(
    readonly lexicon: Lexicon,
    readonly types: readonly string[],
    private readonly prefix: string,
  ) {
    const key = `${prefix}\u0001${types.join(' ')}`;
    let cached = classHashes.get(key);
    if (!cached) classHashes.set(key, (cached = new Map()));
    this.hashesOfClass = cached;
    this.phraseCodes = 1 + 2 * types.length;
  }

  /**
   * What this lexicon says about a sentence's tokens, as a short key: two independent 32-bit hash
   * chains over each token's class and phrase match (equal features, equal keys; different
   * features give the same key with a chance of 2^-64).
   */
  key(stems: readonly string[]): string {
    const phrases = this.phraseMatches(stems);
    let a = stems.length;
    let b = ~stems.length >>> 0;
    for (let t = 0; t < stems.length; t++) {
      const x = this.classOf(stems[t]) | (phraseCode(phrases[t]) << 16);
      a = mixHash(a, x);
      b = mixHash(b, x ^ KEY_SEED);
    }
    return `${a.toString(36)}.${b.toString(36)}`;
  }

  hashes(stems: readonly string[]): Uint32Array[] {
    const phrases = this.phraseMatches(stems);
    return stems.map((s, t) => this.hashesOf(this.classOf(s) * this.phraseCodes + phraseCode(phrases[t])));
  }

  private phraseMatches(stems: readonly string[]): readonly (PhraseMatch | undefined)[] {
    if (this.version !== this.lexicon.version) {
      this.phraseCache = new WeakMap();
      this.version = this.lexicon.version;
    }
    let found = this.phraseCache.get(stems);
    if (!found) this.phraseCache.set(stems, (found = this.lexicon.phraseMatches(stems)));
    return found;
  }

  /**
   * The class of a word's counts, as a number: UNSEEN, or 1 + top label (0 = outside), share
   * (3 levels), total (3 levels) and, when mostly outside but sometimes inside, the likeliest
   * entity type and how often (2 levels).
   */
  classOf(stem: string): number {
    const e = this.lexicon.words.get(stem);
    if (!e) return UNSEEN;
    const c = e.counts;
    let total = 0;
    for (let i = 0; i < c.length; i++) total += c[i];
    const top = argmax(c);
    const share = c[top] / total;
    let code = 1 + top;
    code = code * 3 + (share >= 0.95 ? 2 : share >= 0.6 ? 1 : 0);
    code = code * 3 + (total >= 10 ? 2 : total >= 3 ? 1 : 0);
    const entity = 1 - c[0] / total;
    const second = top === 0 && entity > 0 ? argmax(c, 1) : 0;
    code = code * c.length + second;
    return code * 2 + (second && entity >= 0.3 ? 1 : 0);
  }

  /** The hashes of a class of counts and a phrase match: class × phraseCodes + phraseCode. */
  private hashesOf(code: number): Uint32Array {
    let h = this.hashesOfClass.get(code);
    if (!h) {
      const names = this.namesOf(Math.floor(code / this.phraseCodes));
      const phrase = code % this.phraseCodes;
      if (phrase) names.push(`${this.prefix}p:${phrase % 2 ? 'B' : 'I'}-${this.types[(phrase - 1) >> 1]}`);
      this.hashesOfClass.set(code, (h = Uint32Array.from(names, (n) => hashString(n))));
    }
    return h;
  }

  /** The feature names of a class of counts (see classOf). */
  private namesOf(code: number): string[] {
    const x = this.prefix;
    if (code === UNSEEN) return [`${x}:none`];
    const often = code % 2;
    code = Math.floor(code / 2);
    const second = code % (this.types.length + 1);
    code = Math.floor(code / (this.types.length + 1));
    const total = code % 3;
    code = Math.floor(code / 3);
    const share = code % 3;
    const top = Math.floor(code / 3) - 1;
    const name = top === 0 ? 'O' : this.types[top - 1];
    const out = [`${x}:${name}:${['some', 'most', 'all'][share]}`, `${x}n:${name}:${[1, 3, 10][total]}`];
    if (second) out.push(`${x}e:${this.types[second - 1]}:${often ? 'hi' : 'lo'}`);
    return out;
  }
}
