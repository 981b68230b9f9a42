// Derives the compact lists under data/ that the suggestion engine ships from the read-only
// material in ../shared/data. Run after `npx tsc -p .` (it uses the compiled text helpers so that
// the lists are stored exactly in the engine's matching form):
//
//   node scripts/build-gazetteers.mjs [path/to/shared/data]
//
// Outputs (commit them together with this script):
//   data/places/places.tsv              GPE/LOC names (Unicode-3.0, MIT, CC BY 4.0 sources)
//   data/persons/person-name-tokens.tsv name tokens with a class and a Wikidata count (CC0, Apache-2.0, MIT, ISC)
//   data/frequency/frequent-words.txt   the most frequent word forms of ordinary text (CC BY-SA 4.0)
// plus a copy of every source's .SOURCE note beside the list that uses it.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data'));
const require = createRequire(import.meta.url);
let text;
try {
  text = require(join(root, 'out', 'src', 'core', 'text', 'index.js'));
} catch {
  console.error('Compile first: npx tsc -p .');
  process.exit(1);
}
const { normalizeForMatching, tokenize } = text;

/** Frequent forms kept for the engine (and used here to drop common words from the place lists). */
const FREQUENT_WORDS = 20000;
/** A one-word place name whose form ranks above this in ordinary text is a common word (كان، أمن، العين). */
const COMMON_PLACE_RANK = 3000;

const gaz = (p) => join(shared, 'gazetteers', p);
const dataDir = (p) => join(root, 'data', p);

/** The rows of a TSV list (`#` lines are headers). */
function readRows(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

/** Matching form of a phrase: its tokens' normalized texts joined by one space; '' if not all Arabic. */
function matchingForm(phrase) {
  const tokens = tokenize(phrase);
  if (tokens.length === 0 || tokens.some((t) => t.kind !== 'arabic' && t.text !== '-')) return '';
  return tokens.map((t) => normalizeForMatching(t.text)).join(' ');
}

function readLines(path) {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
}

// ---- word frequency (clusters.tsv is in frequency order; forms carry the clusters' clitic stripping)
const clusterForms = readFileSync(join(shared, 'clusters', 'clusters.tsv'), 'utf8')
  .split('\n')
  .slice(0, FREQUENT_WORDS)
  .map((l) => normalizeForMatching(l.split('\t')[0])); // the clusters keep Arabic-Indic digits
const rank = new Map(clusterForms.map((f, i) => [f, i]));
const CLUSTER_PROCLITICS = ['وبال', 'وال', 'بال', 'كال', 'فال', 'ولل', 'لل', 'ال', 'و', 'ب', 'ل', 'ف', 'ك'];
const clusterForm = (w) => {
  for (const p of CLUSTER_PROCLITICS) if (w.startsWith(p) && w.length - p.length >= 2) return w.slice(p.length);
  return w;
};

// ---- places
const curatedNames = new Set(
  readLines(dataDir('curated/entities.tsv')).map((l) => matchingForm(l.split('\t')[0])),
);
const placeSources = [
  // [file, column, type(row) or undefined to skip the row, major: countries, regions and world cities]
  ['places/cldr_territories.tsv', 0, (r) => (/^\d{3}$/.test(r[1]) ? (r[1] === '001' ? undefined : 'LOC') : /^[A-Z]{2}$/.test(r[1]) && !/^(EU|EZ|UN|QO|XA|XB)$/.test(r[1]) ? 'GPE' : undefined), true],
  ['places/countries_merged_cldr_i18n.tsv', 0, () => 'GPE', true],
  ['places/geonames_countries_ar.tsv', 0, () => 'GPE', true],
  ['places/cldr_timezone_cities.tsv', 0, () => 'GPE', true],
  ['places/geonames_cities_ar.tsv', 0, () => 'GPE', false],
  ['places/geonames_admin_ar.tsv', 0, () => 'GPE', false],
  ['places/cldr_subdivisions.tsv', 0, () => 'GPE', false],
  ['places/cldr_subdivisions.tsv', 2, () => 'GPE', false],
];
/** Words of generic region names (الشمال الشرقي، منطقة الجنوب): an entry made only of them is dropped. */
const GENERIC = new Set(
  ['شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'الشمال', 'الجنوب', 'الشرق', 'الغرب', 'الوسط', 'الشمالي', 'الجنوبي', 'الشرقي',
   'الغربي', 'الأوسط', 'الشمالية', 'الجنوبية', 'الشرقية', 'الغربية', 'الوسطى', 'منطقة', 'المنطقة', 'محافظة', 'ولاية',
   'إقليم', 'مقاطعة', 'جزر', 'جزيرة', 'مدينة', 'العاصمة', 'اليورو', 'الكبرى', 'الصغرى', 'الداخلية', 'الساحلية'].map(normalizeForMatching),
);
const places = new Map();
let droppedCommon = 0;
const major = new Set();
for (const [file, col, typeOf, isMajor] of placeSources) {
  for (const row of readRows(gaz(file))) {
    const type = typeOf(row);
    const form = type && row[col] ? matchingForm(row[col]) : '';
    if (!form || form.replace(/ /g, '').length < 3 || form.split(' ').every((w) => GENERIC.has(w))) continue;
    if (!form.includes(' ') && (rank.get(clusterForm(form)) ?? Infinity) < COMMON_PLACE_RANK && !curatedNames.has(form)) {
      droppedCommon++;
      continue;
    }
    if (!places.has(form) || type === 'GPE') places.set(form, type);
    if (isMajor) major.add(form);
  }
}
for (const form of curatedNames) places.delete(form); // the curated list decides these
writeList(
  'places/places.tsv',
  '# name\ttype\t`major` for countries, world regions and the cities of time zones (matching form; built by scripts/build-gazetteers.mjs)',
  [...places].map(([f, t]) => (major.has(f) ? `${f}\t${t}\tmajor` : `${f}\t${t}`)),
);
for (const [file] of placeSources) copySource(file, 'places');

// ---- person name tokens: g = Arab given name, f = family name or nisba, n = other name token
const stop = new Set(readLines(dataDir('curated/stopwords.txt')).map((l) => normalizeForMatching(l.trim())));
const persons = new Map(); // form → { cls, count }
const CLASS_ORDER = { g: 0, f: 1, n: 2 };
function addName(raw, cls, count = 0) {
  const form = matchingForm(raw);
  if (!form || form.includes(' ') || form.length < 2 || stop.has(form)) return;
  const prev = persons.get(form);
  if (!prev) persons.set(form, { cls, count });
  else {
    if (CLASS_ORDER[cls] < CLASS_ORDER[prev.cls]) prev.cls = cls;
    prev.count += count;
  }
}
// Tokens that at least five Wikidata people carry: names for sure.
const WELL_ATTESTED = 5;
const wikidataCount = new Map();
for (const r of readRows(gaz('persons/wikidata_person_name_tokens.tsv'))) {
  const form = matchingForm(r[0]);
  wikidataCount.set(form, (wikidataCount.get(form) ?? 0) + (Number(r[2]) || 0));
}
const attested = (raw) => (wikidataCount.get(matchingForm(raw)) ?? 0) >= WELL_ATTESTED;
const personSources = [
  ['persons/akhateeb_given_male.txt', (r) => addName(r[0], 'g')],
  ['persons/akhateeb_given_female.txt', (r) => addName(r[0], 'g')],
  ['persons/faker_given_male.txt', (r) => addName(r[0], 'g')],
  ['persons/faker_given_female.txt', (r) => addName(r[0], 'g')],
  ['persons/akhateeb_family.txt', (r) => addName(r[0], 'f')],
  ['persons/faker_family.txt', (r) => addName(r[0], 'f')],
  // Given names, family names and ordinary words (قائد، فريق): a given name only if many people carry it.
  ['persons/arabic_name_to_en_names.tsv', (r) => addName(r[0], normalizeForMatching(r[0]).startsWith('ال') ? 'f' : attested(r[0]) ? 'g' : 'n')],
  ['persons/wikidata_person_name_tokens.tsv', (r) => addName(r[0], 'n', Number(r[2]) || 0)],
  ['persons/google_ar2en_name_tokens.tsv', (r) => addName(r[0], 'n')],
];
for (const [file, add] of personSources) {
  for (const row of readRows(gaz(file))) add(row);
  copySource(file, 'persons');
}
writeList(
  'persons/person-name-tokens.tsv',
  '# token\tclass (g given, f family, n other)\twikidata count (omitted when 0 or 1)',
  [...persons].map(([f, { cls, count }]) => (count > 1 ? `${f}\t${cls}\t${count}` : `${f}\t${cls}`)),
);

// ---- frequency
writeList('frequency/frequent-words.txt', `# the ${FREQUENT_WORDS} most frequent word forms, most frequent first (clusters.tsv order and form)`, clusterForms);

console.log(`places ${places.size} (dropped ${droppedCommon} common words), name tokens ${persons.size}, frequent words ${clusterForms.length}`);

function writeList(rel, header, lines) {
  const path = dataDir(rel);
  mkdirSync(dirname(path), { recursive: true });
  const body = rel.endsWith('frequent-words.txt') ? lines : [...new Set(lines)].sort();
  writeFileSync(path, `${header}\n${body.join('\n')}\n`);
}

function copySource(file, folder) {
  const from = gaz(`${file}.SOURCE`);
  mkdirSync(dataDir(folder), { recursive: true });
  writeFileSync(dataDir(`${folder}/${basename(from)}`), readFileSync(from));
}
