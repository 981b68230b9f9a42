// Phrases (sequences of matching-normalized words) looked up at a position of a word sequence,
// keyed by their first word so that a lookup costs one map access plus a few comparisons.

export interface PhraseMatch<T> {
  /** Number of words matched. */
  readonly length: number;
  readonly value: T;
}

interface Entry<T> {
  readonly rest: readonly string[];
  value: T;
}

export class PhraseIndex<T> {
  /** Entries by first word, longest first. */
  private readonly byFirst = new Map<string, Entry<T>[]>();
  /** Entries by their whole phrase (words joined by a space), for merging. */
  private readonly byPhrase = new Map<string, Entry<T>>();

  /** `merge` decides the value when a phrase is added twice (default: the first value stays). */
  constructor(private readonly merge: (existing: T, added: T) => T = (existing) => existing) {}

  add(words: readonly string[], value: T): void {
    if (words.length === 0) return;
    const phrase = words.join(' ');
    const same = this.byPhrase.get(phrase);
    if (same) {
      same.value = this.merge(same.value, value);
      return;
    }
    const entry: Entry<T> = { rest: words.slice(1), value };
    this.byPhrase.set(phrase, entry);
    let entries = this.byFirst.get(words[0]);
    if (!entries) this.byFirst.set(words[0], (entries = []));
    // Keep longest first: insert after the last entry at least as long.
    let at = entries.length;
    while (at > 0 && entries[at - 1].rest.length < entry.rest.length) at--;
    entries.splice(at, 0, entry);
  }

  /** Takes a phrase out (nothing happens if it is not there). */
  delete(words: readonly string[]): void {
    const entry = this.byPhrase.get(words.join(' '));
    if (!entry) return;
    this.byPhrase.delete(words.join(' '));
    const entries = this.byFirst.get(words[0])!;
    entries.splice(entries.indexOf(entry), 1);
    if (entries.length === 0) this.byFirst.delete(words[0]);
  }

  /** The value of a phrase, if it is there. */
  get(words: readonly string[]): T | undefined {
    return this.byPhrase.get(words.join(' '))?.value;
  }

  /** True when some phrase starts with `word`. */
  startsWith(word: string): boolean {
    return this.byFirst.has(word);
  }

  /** The value of the one-word phrase `word`, if any. */
  single(word: string): T | undefined {
    return this.byFirst.get(word)?.find((e) => e.rest.length === 0)?.value;
  }

  /**
   * The longest phrase whose first word is `first` and whose other words are `words[at + 1]`,
   * `words[at + 2]`… (`first` is `words[at]` or another reading of it, such as the word without
   * its proclitics).
   */
  longest(first: string, words: readonly string[], at: number): PhraseMatch<T> | undefined {
    const entries = this.byFirst.get(first);
    if (!entries) return undefined;
    for (const e of entries) {
      let k = 0;
      while (k < e.rest.length && words[at + 1 + k] === e.rest[k]) k++;
      if (k === e.rest.length) return { length: k + 1, value: e.value };
    }
    return undefined;
  }

  get size(): number {
    return this.byPhrase.size;
  }

  /** Every phrase (words joined by a space) with its value, in the order they were first added. */
  entries(): IterableIterator<[string, T]> {
    return (function* (byPhrase) {
      for (const [phrase, e] of byPhrase) yield [phrase, e.value] as [string, T];
    })(this.byPhrase);
  }
}
