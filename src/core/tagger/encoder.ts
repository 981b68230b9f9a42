// Features that depend on more than a word itself: what a lexicon (the training data's, or the
// document's first-pass output) says about each word and about the multi-word names it is part
// of, as per-token hash lists.

import { hashString, mixHash } from './hash';

/** The seed of key()'s second hash chain (any odd constant other than FNV's). */
const KEY_SEED = 0x9747b28c;
import { argmax, type Lexicon } from './lexicon';

/** Features a lexicon gives each token: `prefix` names the lexicon (training data, document). */
export class LexiconView {
  private readonly cache = new Map<string, Uint32Array>();
  /** Two hashes of each word's feature names, for key(). */
  private readonly keyCache = new Map<string, readonly [number, number]>();
  private version = -1;

  constructor(
    readonly lexicon: Lexicon,
    readonly types: readonly string[],
    private readonly prefix: string,
  ) {}

  /**
   * What this lexicon says about a sentence's tokens, as a short key: two independent 32-bit hash
   * chains over each token's feature names (equal features, equal keys; different features give
   * the same key with a chance of 2^-64).
   */
  key(stems: readonly string[]): string {
    this.refresh();
    const phrases = this.lexicon.phraseMatches(stems);
    let a = stems.length;
    let b = ~stems.length >>> 0;
    for (let t = 0; t < stems.length; t++) {
      let k = this.keyCache.get(stems[t]);
      if (k === undefined) {
        const names = this.wordNames(stems[t]).join(' ');
        this.keyCache.set(stems[t], (k = [hashString(names), hashString(names, KEY_SEED)]));
      }
      const p = phrases[t];
      const phrase = p ? 2 * p.type + (p.begin ? 2 : 1) : 0;
      a = mixHash(a, k[0] ^ phrase);
      b = mixHash(b, k[1] ^ phrase);
    }
    return `${a.toString(36)}.${b.toString(36)}`;
  }

  hashes(stems: readonly string[]): Uint32Array[] {
    this.refresh();
    const phrases = this.lexicon.phraseMatches(stems);
    return stems.map((s, t) => {
      let h = this.cache.get(s);
      if (!h) this.cache.set(s, (h = Uint32Array.from(this.wordNames(s), (n) => hashString(n))));
      const p = phrases[t];
      if (!p) return h;
      const withPhrase = new Uint32Array(h.length + 1);
      withPhrase.set(h);
      withPhrase[h.length] = hashString(`${this.prefix}p:${p.begin ? 'B' : 'I'}-${this.types[p.type]}`);
      return withPhrase;
    });
  }

  /** Forget what was cached when the lexicon changed. */
  private refresh(): void {
    if (this.version !== this.lexicon.version) {
      this.cache.clear();
      this.keyCache.clear();
      this.version = this.lexicon.version;
    }
  }

  private wordNames(stem: string): string[] {
    const e = this.lexicon.words.get(stem);
    const x = this.prefix;
    if (!e) return [`${x}:none`];
    const c = e.counts;
    let total = 0;
    for (let i = 0; i < c.length; i++) total += c[i];
    const top = argmax(c);
    const name = top === 0 ? 'O' : this.types[top - 1];
    const share = c[top] / total;
    const out = [`${x}:${name}:${share >= 0.95 ? 'all' : share >= 0.6 ? 'most' : 'some'}`, `${x}n:${name}:${total >= 10 ? 10 : total >= 3 ? 3 : 1}`];
    const entity = 1 - c[0] / total;
    if (top === 0 && entity > 0) out.push(`${x}e:${this.types[argmax(c, 1) - 1]}:${entity >= 0.3 ? 'hi' : 'lo'}`);
    return out;
  }
}
