// The engine's lexical resources, read once from the extension's data folder (see data/NOTICE.md).
// Every key is in matching form (normalizeForMatching), phrases as word sequences.

import type { KnownWholePredicate } from '../text';
import { normalizeForMatching } from '../text';
import { phraseWords, readLines, readRows, splitFirst } from './dataFiles';
import { WordFrequency } from './frequency';
import { PROCLITIC_LETTERS } from './words';
import { COMMON_RANK } from './nameClass';
import { nisbaForms } from './nisbas';
import { PhraseIndex } from './phraseIndex';

export interface GazetteerEntry {
  readonly type: string;
  /** From our hand-written list (data/curated) rather than a generated one. */
  readonly curated: boolean;
  /** Marked in the curated list as also an ordinary word (القاعدة "the base"). */
  readonly ambiguous: boolean;
  /** A country, world region or world city (generated lists), not a small town that may share a common word's spelling. */
  readonly major: boolean;
}

/** g: an Arab given name; f: a family name or nisba; n: another person-name token (Wikidata, Google). */
export type NameTokenClass = 'g' | 'f' | 'n';

export interface NameToken {
  readonly cls: NameTokenClass;
  /** How many Wikidata person labels use the token (0 when unknown). */
  readonly count: number;
}

/** construct: وزارة الخارجية; both: also الجيش العراقي; named: only before a name (حركة حماس). */
export type OrgHeadForms = 'construct' | 'both' | 'named';

export type DateWordKind =
  | 'weekday' | 'weekday?' | 'month' | 'month?' | 'part-of-day' | 'relative' | 'relative-noun'
  | 'relative-modifier' | 'edge' | 'year-word' | 'unit' | 'unit-dual' | 'number-word' | 'day-word';

export interface NisbaForm {
  /** NORP only next to another NORP word (السنة). */
  readonly paired: boolean;
}

export interface EngineResources {
  /** Named entities: places (generated), organizations, facilities, groups, curated spellings. */
  readonly gazetteer: PhraseIndex<GazetteerEntry>;
  readonly names: ReadonlyMap<string, NameToken>;
  readonly frequency: WordFrequency;
  readonly stopwords: ReadonlySet<string>;
  /** Stopwords written with ى (على، إلى): they are stopwords only when the text writes ى too. */
  readonly maqsuraStopwords: ReadonlySet<string>;
  readonly titles: PhraseIndex<true>;
  readonly orgHeads: ReadonlyMap<string, OrgHeadForms>;
  readonly facilityHeads: ReadonlySet<string>;
  readonly facilityModifiers: ReadonlySet<string>;
  /** Every inflected nisba form (with and without ال). */
  readonly nisbas: ReadonlyMap<string, NisbaForm>;
  readonly dateWords: PhraseIndex<ReadonlySet<DateWordKind>>;
  /** Every word of the engine's own vocabularies (titles, heads, dates, nisbas): never a name word. */
  readonly vocabulary: ReadonlySet<string>;
  /** Words that start with a proclitic-like letter but must stay whole (places, names). */
  readonly isKnownWhole: KnownWholePredicate;
}

/** Reads the data folder shipped with the extension (synchronous, about 100 ms). */
export function loadEngineResources(dataDir: string): EngineResources {
  const gazetteer = new PhraseIndex<GazetteerEntry>();
  const wholeWords = new Set<string>();
  // Curated entries first: they win over a generated entry for the same phrase.
  for (const [name, type, note] of readRows(dataDir, 'curated/entities.tsv')) {
    const words = phraseWords(name);
    gazetteer.add(words, { type, curated: true, ambiguous: note === 'ambiguous', major: true });
    if (words.length === 1 && PROCLITIC_LETTERS.has(words[0][0])) wholeWords.add(words[0]);
  }
  // Generated list, stored in matching form: `name<TAB>type[<TAB>major]`, words separated by one space.
  const listed = new Map<string, GazetteerEntry>();
  for (const line of readLines(dataDir, 'places/places.tsv')) {
    const [name, rest] = splitFirst(line);
    let entry = listed.get(rest);
    if (!entry) {
      const [type, major] = splitFirst(rest);
      listed.set(rest, (entry = { type, curated: false, ambiguous: false, major: major === 'major' }));
    }
    const words = name.split(' ');
    gazetteer.add(words, entry);
    if (words.length === 1 && PROCLITIC_LETTERS.has(name[0])) wholeWords.add(name);
  }

  // `token<TAB>class[<TAB>count]`, in matching form.
  const names = new Map<string, NameToken>();
  const shared = new Map<string, NameToken>(); // one object per distinct class and count
  for (const line of readLines(dataDir, 'persons/person-name-tokens.tsv')) {
    const [token, rest] = splitFirst(line);
    let info = shared.get(rest);
    if (!info) shared.set(rest, (info = { cls: rest[0] as NameTokenClass, count: rest.length > 2 ? Number(rest.slice(2)) : 0 }));
    names.set(token, info);
  }

  const frequency = new WordFrequency(readLines(dataDir, 'frequency/frequent-words.txt'));
  // Name tokens stay whole (بولتون is not ب + ولتون) unless the token reads as proclitics + a common
  // word (بالعراق, a junk entry of the Wikidata list).
  for (const [token, { cls }] of names) {
    if (PROCLITIC_LETTERS.has(token[0]) && (cls !== 'n' || frequency.rank(token) >= COMMON_RANK)) wholeWords.add(token);
  }

  const stopwords = new Set<string>();
  const maqsuraStopwords = new Set<string>();
  for (const [word] of readRows(dataDir, 'curated/stopwords.txt')) {
    (word.includes('ى') ? maqsuraStopwords : stopwords).add(normalizeForMatching(word));
  }

  const titles = new PhraseIndex<true>();
  const vocabulary = new Set<string>();
  const addVocabulary = (words: string[]) => {
    for (const w of words) vocabulary.add(w);
    return words;
  };
  for (const [title] of readRows(dataDir, 'curated/titles.txt')) titles.add(addVocabulary(phraseWords(title)), true);

  const orgHeads = new Map<string, OrgHeadForms>();
  for (const [head, forms] of readRows(dataDir, 'curated/org-heads.tsv')) {
    orgHeads.set(addVocabulary([normalizeForMatching(head)])[0], forms as OrgHeadForms);
  }

  const facilityHeads = new Set<string>();
  const facilityModifiers = new Set<string>();
  for (const [word, role] of readRows(dataDir, 'curated/facility-heads.tsv')) {
    (role === 'head' ? facilityHeads : facilityModifiers).add(addVocabulary([normalizeForMatching(word)])[0]);
  }

  // Words the segmenter would split wrongly: ك "like" rarely stands before a bare name, so a word
  // is not ك + a word nobody knows (كرماشي); a word starting with س that ordinary text uses whole
  // is no future particle + verb (سنويا). (The frequency list keeps such words whole.)
  const isAttestedWhole = (w: string) => {
    if (w[0] === 'س') return frequency.rank(w) < Infinity;
    const rest = w.slice(1);
    return w[0] === 'ك' && frequency.rank(rest) === Infinity && !names.has(rest) && !wholeWords.has(rest);
  };

  const nisbas = new Map<string, NisbaForm>();
  for (const [word, kind] of readRows(dataDir, 'curated/nisbas.tsv')) {
    const form = normalizeForMatching(word);
    const forms = kind === 'paired' ? [form] : nisbaForms(form, kind === 'people');
    for (const f of addVocabulary(forms)) nisbas.set(f, { paired: kind === 'paired' });
  }

  const dateWords = new PhraseIndex<ReadonlySet<DateWordKind>>((a, b) => new Set([...a, ...b]));
  for (const [word, kind] of readRows(dataDir, 'curated/dates.tsv')) {
    dateWords.add(addVocabulary(phraseWords(word)), new Set([kind as DateWordKind]));
  }

  return {
    gazetteer,
    names,
    frequency,
    stopwords,
    maqsuraStopwords,
    titles,
    orgHeads,
    facilityHeads,
    facilityModifiers,
    nisbas,
    dateWords,
    vocabulary,
    isKnownWhole: (w) => wholeWords.has(w) || isAttestedWhole(w),
  };
}
