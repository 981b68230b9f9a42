// A person's name as a run of consecutive name words: given names, listed name tokens, rare words,
// joined by بن/آل, with compounds (عبد الله، صلاح الدين) and kunyas (أبو مهدي المهندس).

import type { LineContext } from './lineContext';
import type { NameClass } from './nameClass';
import { isRare, isStopword, KUNYA } from './nameClass';
import type { EngineResources } from './resources';
import { hasProclitic, isDefinite, type Word } from './words';

/** بن، ابن، بنت، آل: join two parts of one name. */
const CONNECTORS = new Set(['بن', 'ابن', 'بنت', 'ال']);
/** Second halves of compound given names after a given name: صلاح الدين، عبد الله. */
export const COMPOUND_SECOND: ReadonlySet<string> = new Set(['الله', 'الدين', 'الرحمن']);
const ABD = 'عبد';
/** Regnal numbers after a name (matching form). */
const ORDINALS = new Set(['الاول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر', 'الحادي']);
const MAX_WORDS = 6;

export interface NameRun {
  /** Word index after the run. */
  readonly end: number;
  readonly givenNames: number;
  /** Listed name tokens that are not common words. */
  readonly listedNames: number;
  /** Unlisted rare words. */
  readonly uncommon: number;
  /** Given names and listed names that are not common words either (الكاظمي، ترامب, not بدور). */
  readonly rareNames: number;
  /** The run starts with a kunya (أبو X). */
  readonly kunya: boolean;
}

const isNameWord = (c: NameClass) => c !== 'none';

/** The name run starting at word `i`, or undefined when word `i` cannot start a name. */
export function nameRunAt(line: LineContext, i: number, res: EngineResources): NameRun | undefined {
  const { words, nameClasses } = line;
  // Only a kunya, عبد, a given or a listed name starts a name (tested first: most words start none).
  const w = words[i];
  if (!KUNYA.has(w.entityForm) && w.entityForm !== ABD && nameClasses[i] !== 'given' && nameClasses[i] !== 'name') return undefined;
  // A word inside the name: no proclitic, and not the start of a longer gazetteer name (كوت ديفوار).
  const clean = (j: number) =>
    j < words.length && words[j].kind === 'arabic' && !hasProclitic(words[j]) && (line.entities[j]?.length ?? 1) === 1;
  /** عبد + a definite word: عبد الله، عبد المهدي. */
  const startsCompound = (k: number) => words[k]?.entityForm === ABD && clean(k + 1) && isDefinite(words[k + 1].form);
  const counts = { givenNames: 0, listedNames: 0, uncommon: 0, rareNames: 0 };
  const count = (j: number) => {
    const c = nameClasses[j];
    if (c === 'given') counts.givenNames++;
    else if (c === 'name') counts.listedNames++;
    else if (c === 'uncommon') counts.uncommon++;
    if ((c === 'given' || c === 'name') && isRare(words[j], res)) counts.rareNames++;
  };
  // Three letters left after a proclitic are often a misread word (ورود "arrival" is no و + رود).
  if (hasProclitic(w) && w.entityForm.length <= 3 && nameClasses[i] !== 'given') return undefined;
  let j: number;
  let kunya = false;
  if (KUNYA.has(w.entityForm) && clean(i + 1) && isNameWord(nameClasses[i + 1]) && !isDefinite(words[i + 1].form)) {
    kunya = true;
    count(i + 1);
    j = i + 2;
    // A laqab may follow the kunya: أبو مهدي المهندس.
    if (clean(j) && isFamilyWord(line, j, res)) j++;
  } else if (startsCompound(i)) {
    counts.givenNames++;
    j = i + 2;
  } else if (nameClasses[i] === 'given' || nameClasses[i] === 'name') {
    count(i);
    j = i + 1;
  } else {
    return undefined;
  }

  while (j < words.length && j - i < MAX_WORDS && clean(j)) {
    const prev = words[j - 1];
    const cur = words[j];
    if (CONNECTORS.has(cur.form)) {
      // بن، آل: only between two parts of the name.
      if (!clean(j + 1) || !(isNameWord(nameClasses[j + 1]) || startsCompound(j + 1))) break;
      j++;
      continue;
    }
    // A definite word (the family name) ends the name unless another definite part follows.
    if (isDefinite(prev.form) && !isDefinite(cur.form) && !CONNECTORS.has(prev.form)) break;
    if (startsCompound(j)) {
      counts.givenNames++;
      j += 2;
    } else if (COMPOUND_SECOND.has(cur.form) && nameClasses[j - 1] !== 'none') {
      j++;
    } else if (isNameWord(nameClasses[j])) {
      count(j);
      j++;
    } else if (ORDINALS.has(cur.form) && counts.givenNames + counts.listedNames > 0) {
      // A regnal number: عبدالله الثاني، الفونسو الثالث عشر.
      j += words[j + 1]?.form === 'عشر' ? 2 : 1;
      break;
    } else {
      break;
    }
  }
  return { end: j, ...counts, kunya };
}

/**
 * A definite word that may close a name as its laqab or family name even though it is an ordinary
 * word (أبو مهدي المهندس، بشار الأسد): not a stopword, entity, title, date or nisba.
 */
export function isFamilyWord(line: LineContext, j: number, res: EngineResources): boolean {
  const w: Word | undefined = line.words[j];
  return (
    w !== undefined &&
    w.kind === 'arabic' &&
    !hasProclitic(w) &&
    isDefinite(w.form) &&
    !isStopword(w, res) &&
    line.entities[j] === undefined &&
    !res.vocabulary.has(w.form)
  );
}
