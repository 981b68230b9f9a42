// How much a single word looks like part of a person's name. The name-token lists (Wikidata,
// Google transliterations) contain many ordinary words, so a listed token counts as a name only
// when it is not a common word of ordinary text, or when many Wikidata people carry it.

import type { LineContext } from './lineContext';
import type { EngineResources } from './resources';
import { isDefinite, type Word } from './words';

/**
 * given: an Arab given name (مصطفى، هشام); name: another listed name token that is not a common
 * word (ترامب، الكاظمي); uncommon: an unlisted word too rare to be in the frequency list (قاآني);
 * none.
 */
export type NameClass = 'given' | 'name' | 'uncommon' | 'none';

/** Words ranked above this in ordinary text are common words (rank 0 is the most frequent). */
export const COMMON_RANK = 5000;
/** A listed token that this many Wikidata people carry is a name even if it is a common word. */
export const MANY_PEOPLE = 20;
/** أبو، أم and their case forms: they start a kunya (see nameRuns) and are no name word themselves. */
export const KUNYA: ReadonlySet<string> = new Set(['ابو', 'ابي', 'ابا', 'ام']);
const INFLECTED_ENDING = /(?:هما|ها|هم|هن|كم|ون|ين|ات|ا|ه)$/;

/** The parts of a word its name class depends on. */
type WordForms = Pick<Word, 'kind' | 'text' | 'form' | 'entityForm'>;

/**
 * The class of a word by itself. In a line, a word that is a curated entity or starts a longer
 * gazetteer entry keeps only the class `given` (see lineContext).
 */
export function nameClass(w: WordForms, res: EngineResources): NameClass {
  if (w.kind !== 'arabic') return 'none';
  const f = w.entityForm;
  const token = res.names.get(f);
  if (!token && !mayBeName(f)) return 'none';
  if (f.length < 2 || isStopword(w, res) || res.vocabulary.has(f) || KUNYA.has(f)) return 'none';
  if (token?.cls === 'g') return 'given';
  if (token) return token.count >= MANY_PEOPLE || isRare(w, res) ? 'name' : 'none';
  return res.frequency.rank(w.form) === Infinity ? 'uncommon' : 'none';
}

/** Not a common word of ordinary text. */
export function isRare(w: Pick<Word, 'form'>, res: EngineResources): boolean {
  return res.frequency.rank(w.form) >= COMMON_RANK;
}

/**
 * The shape of an unlisted name: at least three letters, without the article unless it ends like
 * a family nisba (الكاظمي); not shaped like an ordinary inflected word: an imperfect verb (يصمم),
 * an accusative or feminine ending (داخليا، هجومية), a sound plural (يستنجدون، المسلحين), a pronoun
 * suffix (عملياتها، قادتهم).
 */
function mayBeName(f: string): boolean {
  if (f.length < 3 || (isDefinite(f) && !f.endsWith('ي')) || f.startsWith('ي')) return false;
  const ending = INFLECTED_ENDING.exec(f);
  return !ending || f.length < ending[0].length + 3;
}

export function isStopword(w: Pick<Word, 'text' | 'entityForm'>, res: EngineResources): boolean {
  return res.stopwords.has(w.entityForm) || (res.maqsuraStopwords.has(w.entityForm) && w.text.includes('ى'));
}


/**
 * A word that can stand alone as a proper name after a head noun (قاعدة فكتوريا، شركة أرامكو): a
 * listed name or an unlisted rare word, without the article and not shaped like a nisba adjective
 * (مستشفى ميداني، اتحاد طوعي).
 */
export function isProperWord(line: LineContext, j: number): boolean {
  const c = line.nameClasses[j];
  const f = line.words[j].form;
  return (c === 'given' || ((c === 'name' || c === 'uncommon') && !f.endsWith('ي'))) && !isDefinite(f);
}
