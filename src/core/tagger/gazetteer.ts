// What the tagger takes from the suggestion engine's word lists (data/, see data/NOTICE.md): for
// each word, flags (a given or family name, a title, an organization or facility head, a nisba,
// a date word, a stopword, a one-word place or organization), and the multi-word gazetteer names
// with their type. Words are keyed by their stem (see analyzeWord); the model file carries these
// lists, so that the features a model was trained on never change under it.

import { phraseWords, readLines, readRows, splitFirst } from '../suggest/dataFiles';
import { curatedEntities, loadEngineResources } from '../suggest/loadResources';
import { PhraseIndex } from '../suggest/phraseIndex';
import { normalizeForMatching, segmentProclitics } from '../text';
import { KNOWN_WHOLE_WORDS } from '../text/knownWholes';

export const GAZ_FLAGS = [
  'given', 'family', 'nameToken', 'manyPeople', 'title', 'orgHead', 'facilityHead', 'nisba', 'date', 'stopword',
  'GPE', 'LOC', 'ORG', 'FAC', 'NORP', 'PER',
] as const;
export type GazFlag = (typeof GAZ_FLAGS)[number];
const bit = (f: GazFlag) => 1 << GAZ_FLAGS.indexOf(f);

export interface GazetteerData {
  /** Word stem → flags (bit i = GAZ_FLAGS[i]). */
  readonly words: ReadonlyMap<string, number>;
  /** Multi-word names: their stems and type. */
  readonly phrases: readonly { readonly stems: readonly string[]; readonly type: string }[];
  /** Matching forms that start like a proclitic but must stay whole (بغداد, not ب + غداد). */
  readonly wholes: readonly string[];
}

export class Gazetteer {
  private readonly phraseIndex = new PhraseIndex<string>();
  private readonly wholeSet: ReadonlySet<string>;

  constructor(readonly data: GazetteerData) {
    for (const p of data.phrases) this.phraseIndex.add(p.stems, p.type);
    this.wholeSet = new Set(data.wholes);
  }

  flags(stem: string): number {
    return this.data.words.get(stem) ?? 0;
  }

  readonly isKnownWhole = (form: string): boolean => this.wholeSet.has(form);

  /** For each token, the type and position of the longest multi-word name covering it ('' = none). */
  phraseTags(stems: readonly string[]): string[] {
    const tags = stems.map(() => '');
    for (let i = 0; i < stems.length; i++) {
      const m = this.phraseIndex.longest(stems[i], stems, i);
      if (!m) continue;
      for (let k = 0; k < m.length; k++) if (!tags[i + k]) tags[i + k] = (k === 0 ? 'B-' : 'I-') + m.value;
    }
    return tags;
  }
}

/** The stem of a word: matching form after the conjunction, preposition and article. */
export function stemOf(word: string, isKnownWhole: (form: string) => boolean, segmentation = segmentProclitics(word, isKnownWhole)): string {
  return normalizeForMatching(word.slice(segmentation.stemStart));
}

const PROCLITIC_LETTERS = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'س']);

/** The tagger's gazetteer from the engine's data folder. */
export function readGazetteer(dataDir: string): GazetteerData {
  const res = loadEngineResources(dataDir);
  const wholes = new Set<string>();
  const words = new Map<string, number>();
  const singles: [string, number][] = [];
  const phrases: { stems: string[]; type: string }[] = [];
  const entity = (forms: string[], type: string) => {
    if (forms.length === 1) {
      if (PROCLITIC_LETTERS.has(forms[0][0]) && !KNOWN_WHOLE_WORDS.has(forms[0])) wholes.add(forms[0]);
      if (GAZ_FLAGS.includes(type as GazFlag)) singles.push([forms[0], bit(type as GazFlag)]);
    } else phrases.push({ stems: forms, type });
  };
  for (const [name, type] of curatedEntities(dataDir)) entity(phraseWords(name), type);
  for (const line of readLines(dataDir, 'places/places.tsv')) {
    const [name, rest] = splitFirst(line);
    entity(name.split(' '), splitFirst(rest)[0]);
  }
  for (const [token, { cls, count }] of res.names) {
    if (cls !== 'n' && PROCLITIC_LETTERS.has(token[0])) wholes.add(token);
    let flags = bit(cls === 'g' ? 'given' : cls === 'f' ? 'family' : 'nameToken');
    if (count >= 20) flags |= bit('manyPeople');
    singles.push([token, flags]);
  }
  for (const [title] of readRows(dataDir, 'curated/titles.txt')) singles.push([phraseWords(title)[0], bit('title')]);
  for (const [date] of readRows(dataDir, 'curated/dates.tsv')) for (const w of phraseWords(date)) singles.push([w, bit('date')]);
  for (const head of res.orgHeads.keys()) singles.push([head, bit('orgHead')]);
  for (const head of res.facilityHeads) singles.push([head, bit('facilityHead')]);
  for (const form of res.nisbas.keys()) singles.push([form, bit('nisba')]);
  for (const w of [...res.stopwords, ...res.maqsuraStopwords]) singles.push([w, bit('stopword')]);
  const known = (form: string) => KNOWN_WHOLE_WORDS.has(form) || wholes.has(form);
  for (const [form, flags] of singles) {
    const stem = stemOf(form, known);
    words.set(stem, (words.get(stem) ?? 0) | flags);
  }
  for (const p of phrases) p.stems = p.stems.map((w) => stemOf(w, known));
  return { words, phrases, wholes: [...wholes].sort() };
}
