// Trigger candidates of a sentence and the context rules that confirm, weaken or rule them out.
// The rules that read only words are applied here, once per sentence text; those that need the
// sentence's entities (mover, troops, place, traveller, person) are left pending for `checkEntities`.

import type { CueSets, CueSetName, CueSet } from './cues';
import type { Rule, TriggerReading } from './lexicon';
import { anyCue, isCue, wordsAfter, wordsBefore, type SentenceWord } from './sentence';

export interface TriggerOption {
  readonly reading: TriggerReading;
  /** A rule confirmed the trigger by its context (source `lexicon+context`). */
  readonly confirmed: boolean;
  /** Product of the weakening factors applied so far. */
  readonly factor: number;
  /** Rules that need the sentence's entities. */
  readonly pending: readonly Rule[];
}

export interface Candidate {
  /** Index of the word in the sentence. */
  readonly word: number;
  /** Offsets within the sentence. */
  readonly start: number;
  readonly end: number;
  readonly passive: boolean;
  readonly pronoun: boolean;
  readonly options: readonly TriggerOption[];
}

/** In a sentence about sport, attacks, strikes, meetings and returns are those of a match. */
export const SPORTS_FACTOR = 0.2;
/** Right after a negation (لم يقتل، دون سقوط): the event did not happen. */
export const NEGATION_FACTOR = 0.3;
/** A result noun (قتلى) is a weaker sign of a killing than a verb or a verbal noun. */
export const CASUALTY_FACTOR = 0.7;
/** traveller, person: nobody in the sentence who could be the traveller or the victim. */
export const NOBODY_FACTOR = 0.5;

const ENTITY_RULES: ReadonlySet<Rule> = new Set(['mover', 'troops', 'place', 'traveller', 'person']);

/** Trigger candidates of a sentence with the word-only rules applied. */
export function findCandidates(words: readonly SentenceWord[], cues: CueSets): Candidate[] {
  const cue = (name: CueSetName): CueSet => cues.get(name)!;
  const sports = words.some((w) => isCue(w, cue('sports')));
  const candidates: Candidate[] = [];
  words.forEach((word, i) => {
    const t = word.trigger;
    if (!t) return;
    const after = (n: number) => wordsAfter(words, i, n);
    const before = (n: number) => wordsBefore(words, i, n);
    const options: TriggerOption[] = [];
    for (const reading of t.readings) {
      let confirmed = false;
      let factor = sports ? SPORTS_FACTOR : 1;
      if (anyCue(words, before(1), cue(reading.pos === 'verb' ? 'negation' : 'without'))) factor *= NEGATION_FACTOR;
      const pending: Rule[] = [];
      let ok = true;
      for (const rule of reading.rules) {
        const held = wordRule(rule, words, after, before, cue);
        if (held === 'pending') pending.push(rule);
        else if (held === 'confirmed') confirmed = true;
        else if (held === 'weaker') factor *= CASUALTY_FACTOR;
        else if (held === 'no') ok = false;
      }
      if (ok) options.push({ reading, confirmed, factor, pending });
    }
    if (options.length) {
      candidates.push({ word: i, start: word.start + t.offset, end: word.end, passive: t.vocalizedPassive || t.readings.some((r) => r.passive), pronoun: t.pronoun, options });
    }
  });
  return candidates;
}

type RuleOutcome = 'confirmed' | 'no' | 'pending' | 'weaker' | 'neutral';

function wordRule(
  rule: Rule,
  words: readonly SentenceWord[],
  after: (n: number) => number[],
  before: (n: number) => number[],
  cue: (name: CueSetName) => CueSet,
): RuleOutcome {
  const has = (indices: number[], name: CueSetName) => anyCue(words, indices, cue(name));
  const around = (n: number) => [...before(n), ...after(n)];
  const confirmedIf = (held: boolean): RuleOutcome => (held ? 'confirmed' : 'no');
  switch (rule) {
    case 'fire': return confirmedIf(has(after(3), 'fire') && !has(before(2), 'ceasefire'));
    case 'release': return confirmedIf(has(after(2), 'release'));
    case 'projectile': return confirmedIf(has(around(3), 'projectile'));
    case 'agreement': return confirmedIf(has(around(4), 'agreement'));
    case 'adjacent': return confirmedIf(has(around(2), 'agreement'));
    case 'judge': return confirmedIf(has(after(5), 'judge'));
    case 'court': return confirmedIf(has(around(3), 'court'));
    case 'bail': return confirmedIf(has(after(1), 'bail'));
    case 'toward': return confirmedIf(has(after(3), 'toward'));
    case 'press': return has(after(1), 'press') ? 'no' : 'neutral';
    case 'custody': return has(before(1), 'custody') ? 'no' : 'neutral';
    case 'passport': return has(before(1), 'passport') ? 'no' : 'neutral';
    case 'casualty': return has(before(6), 'negation') || has(before(6), 'without') ? 'no' : 'weaker';
    case 'troops': return has(around(4), 'troops') ? 'confirmed' : 'pending';
    case 'suspect': return has(after(4), 'suspect') ? 'confirmed' : 'pending';
    case 'mover': return has(after(4), 'mover') ? 'confirmed' : 'pending';
    case 'weak': return 'neutral';
    default: return ENTITY_RULES.has(rule) ? 'pending' : 'neutral';
  }
}
