// Regularities of names that the CRF's labels break now and then, settled on the best path after
// decoding. Each holds in ANERcorp's training data almost without exception (figures below), and
// each reads the words as the rules do (their word analyzer, the engine's lists).

import { chunksOf } from './chunks';
import type { WordInfo } from './features';
import { GAZ_FLAGS, type Gazetteer } from './gazetteer';
import type { LabelSet } from './labels';
import type { RuleFeatures } from './ruleFeatures';
import { COMPOUND_SECOND } from '../suggest/nameRuns';
import { isDefinite } from '../suggest/words';
import { normalizeForMatching } from '../text';

/** The person type's names in the tag sets the tagger knows (ANERcorp's PERS, the news schema's PER). */
const PERSON_TYPES: ReadonlySet<string> = new Set(['PERS', 'PER']);
/** Words a name goes on after (matching forms of بن، ابن، بنت، عبد، أبو، أبي، أبا، آل). */
const NAME_CONNECTORS: ReadonlySet<string> = new Set(['بن', 'ابن', 'بنت', 'عبد', 'ابو', 'ابي', 'ابا', 'ال']);
const ARABIC_LETTER = /[\u0621-\u064a]/;
/** Gazetteer flags of a one-word place or organization. */
const NAMED_PLACE_OR_ORG = (1 << GAZ_FLAGS.indexOf('GPE')) | (1 << GAZ_FLAGS.indexOf('LOC')) | (1 << GAZ_FLAGS.indexOf('ORG'));

export interface NameKnowledge {
  readonly labels: LabelSet;
  readonly rules: RuleFeatures | undefined;
  readonly gazetteer: Gazetteer | undefined;
  /** The gazetteer's phrase tags of a sentence's words (FeatureExtractor.phraseTags). */
  phraseTags(words: readonly WordInfo[]): readonly string[];
}

/** Settles the names of a best path (label indices, changed in place) over a sentence's `words`. */
export function settleNames(path: Int32Array, words: readonly WordInfo[], k: NameKnowledge): void {
  const person = k.labels.types.findIndex((t) => PERSON_TYPES.has(t));
  if (person >= 0) {
    endPersonsAfterConnectors(path, words, k.labels, person);
    if (k.rules) {
      joinAdjacentPersons(path, words, k.labels, person, k.rules);
      splitPersonsAtConjunction(path, words, k.labels, person, k.rules);
    }
  }
  if (k.rules && k.gazetteer) splitCoordinatedNames(path, words, k.labels, person, k.rules, k.gazetteer);
  if (person >= 0 && k.gazetteer) markListedPersons(path, k.phraseTags(words), k.labels, person);
}

/**
 * A person never ends at a connector: 1 of the 2,437 persons of the training data does. Such a
 * person runs on into the person right after it, or takes the next word if it is an Arabic one
 * (راشد بن + محمد…، حجاج عبد → حجاج عبد العظيم).
 */
function endPersonsAfterConnectors(path: Int32Array, words: readonly WordInfo[], labels: LabelSet, person: number): void {
  const begin = labels.begin(person);
  const inside = labels.inside(person);
  for (let t = 0; t + 1 < path.length; t++) {
    if ((path[t] !== begin && path[t] !== inside) || path[t + 1] === inside) continue;
    if (NAME_CONNECTORS.has(normalizeForMatching(words[t].token)) && ARABIC_LETTER.test(words[t + 1].token)) path[t + 1] = inside;
  }
}

/**
 * Two persons do not stand side by side unless the second starts with و + word (training data:
 * 21 times, against 2,437 persons): side by side, they are one person (محمود صبري | ابو تريكة).
 * Except where a name ends at a family name with the article and a given name follows: that is
 * another person (التقى الكاظمي | اسماعيل قاآني), as a name goes on after its family name only
 * in compounds (عبد الله، زين الدين) and after a connector (آل ثاني).
 */
function joinAdjacentPersons(path: Int32Array, words: readonly WordInfo[], labels: LabelSet, person: number, rules: RuleFeatures): void {
  const begin = labels.begin(person);
  const inside = labels.inside(person);
  for (let t = 1; t < path.length; t++) {
    if (path[t] !== begin || (path[t - 1] !== begin && path[t - 1] !== inside)) continue;
    const next = rules.readWord(words[t].token);
    if (words[t].token.startsWith('و') && next?.conjunction) continue;
    if (next?.nameClass === 'given' && endsWithFamilyName(path, words, t - 1, inside)) continue;
    path[t] = inside;
  }
}

/** The person's word at t is a family name with the article (الكاظمي), not the end of a compound or a connector's name. */
function endsWithFamilyName(path: Int32Array, words: readonly WordInfo[], t: number, inside: number): boolean {
  const form = normalizeForMatching(words[t].token);
  if (!isDefinite(form) || COMPOUND_SECOND.has(form)) return false;
  return path[t] !== inside || !NAME_CONNECTORS.has(normalizeForMatching(words[t - 1].token));
}

/**
 * A person does not go on across a word the rules read as و + word (training data: 6 times,
 * against 133 persons starting at one): a name after و starts another person (the token keeps its
 * و, as ANERcorp writes it), an ordinary word is no person.
 */
function splitPersonsAtConjunction(path: Int32Array, words: readonly WordInfo[], labels: LabelSet, person: number, rules: RuleFeatures): void {
  const begin = labels.begin(person);
  const inside = labels.inside(person);
  for (let t = 1; t < path.length; t++) {
    if (path[t] !== inside || !words[t].token.startsWith('و')) continue;
    const w = rules.readWord(words[t].token);
    if (!w?.conjunction) continue;
    if (w.nameClass !== 'none') path[t] = begin;
    else {
      path[t] = 0;
      if (t + 1 < path.length && path[t + 1] === inside) path[t + 1] = begin;
    }
  }
}

/**
 * Any other entity does not go on across و + a listed place or organization: it starts another
 * one of the same type (أرسنال | وموناكو). Training data: 182 entities start at such a word,
 * 8 go on across one (فلسطين ولبنان as one place).
 */
function splitCoordinatedNames(path: Int32Array, words: readonly WordInfo[], labels: LabelSet, person: number, rules: RuleFeatures, gazetteer: Gazetteer): void {
  for (let t = 1; t < path.length; t++) {
    const type = labels.typeOf[path[t]];
    if (!labels.isInside[path[t]] || type === person || !words[t].token.startsWith('و')) continue;
    if (!(gazetteer.flags(words[t].stem) & NAMED_PLACE_OR_ORG) || !rules.readWord(words[t].token)?.conjunction) continue;
    path[t] = labels.begin(type);
  }
}

/**
 * A listed multi-word person name (the gazetteer's: well-known people) is one person when no
 * entity of the path crosses its ends: بان كي مون, not بان + كي مون. Training data: 390 of the 419
 * listed names that occur are persons exactly so.
 */
function markListedPersons(path: Int32Array, phraseTags: readonly string[], labels: LabelSet, person: number): void {
  const names = chunksOf(phraseTags.map((tag) => tag || 'O')).filter((c) => PERSON_TYPES.has(c.type));
  if (names.length === 0) return;
  const entities = chunksOf(Array.from(path, (y) => labels.labels[y]));
  for (const name of names) {
    if (entities.some((e) => e.start < name.end && name.start < e.end && (e.start < name.start || e.end > name.end))) continue;
    for (let t = name.start; t < name.end; t++) path[t] = t === name.start ? labels.begin(person) : labels.inside(person);
    if (name.end < path.length && path[name.end] === labels.inside(person)) path[name.end] = labels.begin(person);
  }
}
