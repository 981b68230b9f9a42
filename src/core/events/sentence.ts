// The words of one sentence as the event suggester reads them, with offsets relative to the
// sentence's start (so that a sentence's analysis can be cached by its text), and the searches
// over them that context rules and argument cues need.

import { normalizeForMatching, tokenize } from '../text';
import type { CueSet } from './cues';
import type { TriggerLexicon } from './lexicon';
import { readWord, type WordReading } from './words';

export interface SentenceWord extends WordReading {
  /** UTF-16 offsets within the sentence's text. */
  readonly start: number;
  readonly end: number;
  /** Punctuation or a symbol: skipped when counting words. */
  readonly punct: boolean;
}

/** Reads the words of a sentence's text. */
export function readSentence(text: string, lexicon: TriggerLexicon): SentenceWord[] {
  return tokenize(text).map((t) => {
    const punct = t.kind === 'punct' || t.kind === 'symbol';
    const reading: WordReading = t.kind === 'arabic'
      ? readWord(text.slice(t.start, t.end), lexicon)
      : { stems: [normalizeForMatching(t.text)], entityOffset: 0, conjunction: false };
    // Written out rather than spread: this runs for every token of every new sentence.
    const { stems, entityOffset, conjunction, particle, trigger } = reading;
    return { stems, entityOffset, conjunction, particle, trigger, start: t.start, end: t.end, punct };
  });
}

/** Indices of the next `n` words after word `i` (punctuation skipped). */
export function wordsAfter(words: readonly SentenceWord[], i: number, n: number): number[] {
  const out: number[] = [];
  for (let k = i + 1; k < words.length && out.length < n; k++) if (!words[k].punct) out.push(k);
  return out;
}

/** Indices of the `n` words before word `i`, nearest first (punctuation skipped). */
export function wordsBefore(words: readonly SentenceWord[], i: number, n: number): number[] {
  const out: number[] = [];
  for (let k = i - 1; k >= 0 && out.length < n; k--) if (!words[k].punct) out.push(k);
  return out;
}

/** The word is a one-word cue of the set, with or without its proclitics and article. */
export function isCue(word: SentenceWord, cues: CueSet): boolean {
  return word.stems.some((s) => cues.words.has(s));
}

/** Some word among `indices` is a cue of the set. */
export function anyCue(words: readonly SentenceWord[], indices: readonly number[], cues: CueSet): boolean {
  return indices.some((k) => isCue(words[k], cues));
}

/** Words in the longest cue of the set (a phrase, else one word) that ends just before word `i`; 0 for none. */
export function cueLengthBefore(words: readonly SentenceWord[], i: number, cues: CueSet): number {
  const before = wordsBefore(words, i, 3);
  let longest = 0;
  for (const phrase of cues.phrases) {
    const fits = phrase.length <= before.length && phrase.every((w, k) => words[before[phrase.length - 1 - k]].stems.includes(w));
    if (fits && phrase.length > longest) longest = phrase.length;
  }
  return longest || (before.length && isCue(words[before[0]], cues) ? 1 : 0);
}

/** Number of words strictly between words `a` and `b` (punctuation skipped). */
export function wordsBetween(words: readonly SentenceWord[], a: number, b: number): number {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  let n = 0;
  for (let k = lo + 1; k < hi; k++) if (!words[k].punct) n++;
  return n;
}
