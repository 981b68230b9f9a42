// Features that depend on more than a word itself: what a lexicon (the training data's, or the
// document's first-pass output) says about each word and about the multi-word names it is part
// of, as per-token hash lists.

import { hashString } from './hash';
import { argmax, type Lexicon } from './lexicon';

/** Features a lexicon gives each token: `prefix` names the lexicon (training data, document). */
export class LexiconView {
  private readonly cache = new Map<string, Uint32Array>();
  /** Each word's feature names joined, for key(). */
  private readonly keyCache = new Map<string, string>();
  private version = -1;

  constructor(
    readonly lexicon: Lexicon,
    readonly types: readonly string[],
    private readonly prefix: string,
  ) {}

  /** The feature names of a sentence's tokens as one string: equal keys, equal features. */
  key(stems: readonly string[]): string {
    this.refresh();
    const phrases = this.lexicon.phraseMatches(stems);
    let out = '';
    for (let t = 0; t < stems.length; t++) {
      let k = this.keyCache.get(stems[t]);
      if (k === undefined) this.keyCache.set(stems[t], (k = this.wordNames(stems[t]).join(' ')));
      const p = phrases[t];
      out += p ? `${k} ${this.prefix}p:${p.begin ? 'B' : 'I'}-${this.types[p.type]}\t` : `${k}\t`;
    }
    return out;
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
