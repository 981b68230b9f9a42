// Reading the engine's resources from the data folder shipped with the extension
// (see data/NOTICE.md). Synchronous, about 300 ms; done once per process.

import * as zlib from 'node:zlib';
import { normalizeForMatching } from '../text';
import { type DataSource, phraseWords, readLines, readRows, recordingReader, splitFirst } from './dataFiles';
import { WordFrequency } from './frequency';
import { COMMON_RANK } from './nameClass';
import { nisbaForms } from './nisbas';
import { PhraseIndex } from './phraseIndex';
import type { DateWordKind, EngineResources, GazetteerEntry, NameToken, NameTokenClass, NisbaForm, OrgHeadForms, PlaceHead } from './resources';
import { PROCLITIC_LETTERS } from './words';

/**
 * Resources built from a data folder, by a digest of the files read (in reading order). A trained
 * model carries the files its rule features read (src/core/tagger/ruleFeatures.ts): when they are
 * the folder's, it shares the engine's resources (and their word readings) instead of a copy.
 */
const built = new Map<number, EngineResources>();
const MAX_BUILT = 4;

/**
 * A digest of data files (relative path → content, in reading order). The contents' UTF-16 code
 * units are copied as they are: a string given to crc32 is encoded in UTF-8 first, three times slower.
 */
function filesDigest(files: ReadonlyMap<string, string>): number {
  let crc = 0;
  for (const [file, content] of files) crc = zlib.crc32(Buffer.from(content, 'utf16le'), zlib.crc32(`\u0000${file}\u0000`, crc));
  return crc;
}

function remember(digest: number, res: EngineResources): void {
  if (built.size >= MAX_BUILT) built.clear();
  built.set(digest, res);
}

/** The resources of a data folder, or of files already read; a folder's are kept for models that carry the same files. */
export function loadEngineResources(dataDir: DataSource): EngineResources {
  return typeof dataDir === 'string' ? loadFolderResources(dataDir).resources : buildResources(dataDir);
}

/** A data folder's resources, kept for models that carry the same files, and the files read. */
export function loadFolderResources(dataDir: string): { readonly resources: EngineResources; readonly files: ReadonlyMap<string, string> } {
  const reader = recordingReader(dataDir);
  const resources = buildResources(reader);
  remember(filesDigest(reader.files), resources);
  return { resources, files: reader.files };
}

/** The resources of these files (read through `source`, which may fill in more), built once per process. */
export function sharedEngineResources(files: ReadonlyMap<string, string>, source: DataSource): EngineResources {
  const digest = filesDigest(files);
  let res = built.get(digest);
  if (!res) remember(digest, (res = buildResources(source)));
  return res;
}

function buildResources(dataDir: DataSource): EngineResources {
  const wholeWords = new Set<string>();
  /** Segmentation only asks about words that start with a proclitic letter. */
  const keepWhole = (word: string) => {
    if (PROCLITIC_LETTERS.has(word[0])) wholeWords.add(word);
  };
  const gazetteer = loadGazetteer(dataDir, keepWhole);
  const names = loadNames(dataDir);
  const frequency = new WordFrequency(readLines(dataDir, 'frequency/frequent-words.txt'));
  // Name tokens stay whole (بولتون is not ب + ولتون) unless the token reads as a proclitic and a
  // common word (بالعراق, a junk entry of the Wikidata list).
  for (const [token, { cls }] of names) {
    if (PROCLITIC_LETTERS.has(token[0]) && (cls !== 'n' || frequency.rank(token) >= COMMON_RANK)) wholeWords.add(token);
  }
  // A word the segmenter would split wrongly: ك "like" rarely stands before a bare name, so a word
  // is not ك + a word nobody knows (كرماشي); a word starting with س that ordinary text uses whole
  // is no future particle + verb (سنويا) — the frequency list keeps such words whole.
  const attestedWhole = (w: string) => {
    if (w[0] === 'س') return frequency.rank(w) < Infinity;
    const rest = w.slice(1);
    return w[0] === 'ك' && frequency.rank(rest) === Infinity && !names.has(rest) && !wholeWords.has(rest);
  };
  const stopwords = new Set<string>();
  const maqsuraStopwords = new Set<string>();
  for (const [word] of readRows(dataDir, 'curated/stopwords.txt')) {
    (word.includes('ى') ? maqsuraStopwords : stopwords).add(normalizeForMatching(word));
  }
  return {
    gazetteer,
    names,
    frequency,
    stopwords,
    maqsuraStopwords,
    ...loadVocabularies(dataDir),
    isKnownWhole: (w) => wholeWords.has(w) || attestedWhole(w),
  };
}

/** The curated entity lists' rows (`name<TAB>type[<TAB>ambiguous]`): entities, then well-known organizations and people. */
export function curatedEntities(dataDir: DataSource): string[][] {
  return ['entities', 'organizations', 'persons'].flatMap((list) => readRows(dataDir, `curated/${list}.tsv`));
}

/** Curated entities, then the generated place list (a curated entry wins for the same phrase). */
function loadGazetteer(dataDir: DataSource, keepWhole: (word: string) => void): PhraseIndex<GazetteerEntry> {
  const gazetteer = new PhraseIndex<GazetteerEntry>();
  for (const [name, type, note] of curatedEntities(dataDir)) {
    const words = phraseWords(name);
    gazetteer.add(words, { type, curated: true, ambiguous: note === 'ambiguous', major: true });
    if (words.length === 1) keepWhole(words[0]);
  }
  // `name<TAB>type[<TAB>major]` in matching form, words separated by one space.
  const entries = new Map<string, GazetteerEntry>(); // one entry object per type and flag
  for (const line of readLines(dataDir, 'places/places.tsv')) {
    const [name, rest] = splitFirst(line);
    let entry = entries.get(rest);
    if (!entry) {
      const [type, major] = splitFirst(rest);
      entries.set(rest, (entry = { type, curated: false, ambiguous: false, major: major === 'major' }));
    }
    const words = name.split(' ');
    gazetteer.add(words, entry);
    if (words.length === 1) keepWhole(name);
  }
  return gazetteer;
}

/** `token<TAB>class[<TAB>count]` in matching form. */
function loadNames(dataDir: DataSource): Map<string, NameToken> {
  const names = new Map<string, NameToken>();
  const shared = new Map<string, NameToken>(); // one object per distinct class and count
  for (const line of readLines(dataDir, 'persons/person-name-tokens.tsv')) {
    const [token, rest] = splitFirst(line);
    let info = shared.get(rest);
    if (!info) shared.set(rest, (info = { cls: rest[0] as NameTokenClass, count: rest.length > 2 ? Number(rest.slice(2)) : 0 }));
    names.set(token, info);
  }
  return names;
}

/** The hand-written rule vocabularies, and the set of all their words. */
function loadVocabularies(dataDir: DataSource) {
  const vocabulary = new Set<string>();
  const remember = (words: string[]) => {
    for (const w of words) vocabulary.add(w);
    return words;
  };
  const titles = new PhraseIndex<true>();
  for (const [title] of readRows(dataDir, 'curated/titles.txt')) titles.add(remember(phraseWords(title)), true);

  const orgHeads = new Map<string, OrgHeadForms>();
  for (const [head, forms] of readRows(dataDir, 'curated/org-heads.tsv')) orgHeads.set(remember(phraseWords(head))[0], forms as OrgHeadForms);

  const facilityHeads = new Set<string>();
  const facilityModifiers = new Set<string>();
  for (const [word, role] of readRows(dataDir, 'curated/facility-heads.tsv')) {
    (role === 'head' ? facilityHeads : facilityModifiers).add(remember(phraseWords(word))[0]);
  }

  const institutionHeads = new Set<string>();
  const institutionAdjectives = new Set<string>();
  for (const [word, role] of readRows(dataDir, 'curated/institution-words.tsv')) {
    if (role !== 'head' && role !== 'adjective') throw new Error(`curated/institution-words.tsv: "${word}" needs the role head or adjective, not "${role}"`);
    (role === 'head' ? institutionHeads : institutionAdjectives).add(remember(phraseWords(word))[0]);
  }

  const placeHeads = new PhraseIndex<PlaceHead>();
  for (const [head, type, extent, names] of readRows(dataDir, 'curated/place-heads.tsv')) {
    if (extent !== 'name' && extent !== 'whole') throw new Error(`curated/place-heads.tsv: "${head}" needs the extent name or whole, not "${extent}"`);
    if (names !== undefined && names !== 'names') throw new Error(`curated/place-heads.tsv: "${head}" has "${names}" where only "names" may stand`);
    placeHeads.add(remember(phraseWords(head)), { type, extent, namesOnly: names === 'names' });
  }

  const nisbas = new Map<string, NisbaForm>();
  for (const [word, kind] of readRows(dataDir, 'curated/nisbas.tsv')) {
    const form = normalizeForMatching(word);
    const forms = kind === 'paired' ? [form] : nisbaForms(form, kind === 'people');
    for (const f of remember(forms)) nisbas.set(f, { paired: kind === 'paired' });
  }

  const dateWords = new PhraseIndex<ReadonlySet<DateWordKind>>((a, b) => new Set([...a, ...b]));
  for (const [word, kind] of readRows(dataDir, 'curated/dates.tsv')) dateWords.add(remember(phraseWords(word)), new Set([kind as DateWordKind]));

  return { titles, orgHeads, facilityHeads, facilityModifiers, institutionHeads, institutionAdjectives, placeHeads, nisbas, dateWords, vocabulary };
}
