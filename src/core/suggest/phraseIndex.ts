// Phrases (sequences of matching-normalized words) looked up at a position of a word sequence,
// held as a trie of words so that a lookup costs one map access per word matched.

export interface PhraseMatch<T> {
  /** Number of words matched. */
  readonly length: number;
  readonly value: T;
}

/** A trie node: the phrase that ends here (if any) and the nodes one word further. */
interface Node<T> {
  entry?: { value: T };
  next?: Map<string, Node<T>>;
}

export class PhraseIndex<T> {
  /** Phrases as a trie of words: a lookup walks as far as the words match, whatever the number of phrases sharing a first word. */
  private readonly root = new Map<string, Node<T>>();
  /** Entries by their whole phrase (words joined by a space), for merging and in the order added. */
  private readonly byPhrase = new Map<string, { value: T }>();

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
    let level = this.root;
    let node: Node<T> = {};
    words.forEach((word, i) => {
      if (i > 0) level = node.next ??= new Map();
      const found = level.get(word);
      if (found) node = found;
      else level.set(word, (node = {}));
    });
    node.entry = { value };
    this.byPhrase.set(phrase, node.entry);
  }

  /** Takes a phrase out (nothing happens if it is not there). */
  delete(words: readonly string[]): void {
    const phrase = words.join(' ');
    if (!this.byPhrase.delete(phrase)) return;
    const path: [Map<string, Node<T>>, string][] = [];
    let level = this.root;
    for (const word of words) {
      path.push([level, word]);
      level = level.get(word)!.next!;
    }
    delete path[path.length - 1][0].get(words[words.length - 1])!.entry;
    // Prune the nodes that no longer lead to a phrase.
    for (let i = path.length - 1; i >= 0; i--) {
      const [map, word] = path[i];
      const node = map.get(word)!;
      if (node.entry || (node.next && node.next.size > 0)) break;
      map.delete(word);
    }
  }

  /** The value of a phrase, if it is there. */
  get(words: readonly string[]): T | undefined {
    return this.byPhrase.get(words.join(' '))?.value;
  }

  /** True when some phrase starts with `word`. */
  startsWith(word: string): boolean {
    return this.root.has(word);
  }

  /** The value of the one-word phrase `word`, if any. */
  single(word: string): T | undefined {
    return this.root.get(word)?.entry?.value;
  }

  /**
   * The longest phrase whose first word is `first` and whose other words are `words[at + 1]`,
   * `words[at + 2]`… (`first` is `words[at]` or another reading of it, such as the word without
   * its proclitics).
   */
  longest(first: string, words: readonly string[], at: number): PhraseMatch<T> | undefined {
    let node = this.root.get(first);
    let best: PhraseMatch<T> | undefined;
    for (let k = 1; node; k++) {
      if (node.entry) best = { length: k, value: node.entry.value };
      if (at + k >= words.length) break;
      node = node.next?.get(words[at + k]);
    }
    return best;
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
