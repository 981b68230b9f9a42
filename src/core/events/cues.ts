// Cue words (data/curated/event-cues.tsv): named sets of words and phrases that trigger rules and
// argument roles look for around a word.

import { normalizeForMatching } from '../text';

export interface CueSet {
  /** One-word cues, in matching form. */
  readonly words: ReadonlySet<string>;
  /** Cues of several words, in matching form, word by word. */
  readonly phrases: readonly (readonly string[])[];
}

export type CueSets = ReadonlyMap<string, CueSet>;

/** Cue sets the suggester uses; a cue file must define every one of them. */
export const CUE_SET_NAMES = [
  'fire', 'ceasefire', 'release', 'projectile', 'agreement', 'judge', 'bail', 'toward', 'troops',
  'mover', 'suspect', 'court', 'press', 'custody', 'passport', 'negation', 'without', 'sports',
  'place', 'placeHead', 'to', 'from', 'against', 'with', 'about', 'before', 'by',
] as const;
export type CueSetName = (typeof CUE_SET_NAMES)[number];

/** Builds the cue sets from the rows of event-cues.tsv (set name, word or phrase). */
export function buildCueSets(rows: readonly (readonly string[])[]): CueSets {
  const sets = new Map<string, { words: Set<string>; phrases: string[][] }>();
  rows.forEach(([name, phrase], i) => {
    if (!name || !phrase) throw new Error(`event-cues.tsv row ${i + 1}: needs a set name and a word`);
    let set = sets.get(name);
    if (!set) sets.set(name, (set = { words: new Set(), phrases: [] }));
    const words = phrase.split(' ').filter(Boolean).map(normalizeForMatching);
    if (words.length === 1) set.words.add(words[0]);
    else set.phrases.push(words);
  });
  for (const name of CUE_SET_NAMES) if (!sets.has(name)) throw new Error(`event-cues.tsv: no "${name}" cues`);
  return sets;
}
