// One word as the event suggester reads it: the matching forms it can be looked up by (whole, and
// after its proclitics and article), its proclitics, and the trigger readings it has in the lexicon
// with where the trigger starts. A word's reading depends on its text alone and is cached.

import { normalizeForMatching, segmentProclitics } from '../text';
import type { TriggerLexicon, TriggerReading } from './lexicon';

export interface WordTrigger {
  /** Offset of the trigger within the word: after the proclitics (و ف, ب ل ك or س), keeping ال. */
  readonly offset: number;
  readonly readings: readonly TriggerReading[];
  /** A verb vocalized as a passive (قُتل، أُفرج، اعتُقل، يُقتل). */
  readonly vocalizedPassive: boolean;
  /** The form carries a pronoun suffix (زيارته، مثولهم). */
  readonly pronoun: boolean;
}

export interface WordReading {
  /** Distinct matching forms: the whole word, after the conjunction, after the particle, after the article. */
  readonly stems: readonly string[];
  /** Offset within the word where an entity would start (after و ف ب ل ك). */
  readonly entityOffset: number;
  readonly conjunction: boolean;
  /** ب ل ك or س. */
  readonly particle?: string;
  readonly trigger?: WordTrigger;
}

const DAMMA = '\u064F';
const KASRA = '\u0650';
const PRONOUNS = ['هما', 'هم', 'ها', 'ه'];
const MAX_CACHED = 50000;

const caches = new WeakMap<TriggerLexicon, Map<string, WordReading>>();

/** The reading of one Arabic word (a token's text as it is in the document). */
export function readWord(raw: string, lexicon: TriggerLexicon): WordReading {
  let cache = caches.get(lexicon);
  if (!cache) caches.set(lexicon, (cache = new Map()));
  let reading = cache.get(raw);
  if (!reading) {
    if (cache.size >= MAX_CACHED) cache.clear();
    reading = analyze(raw, lexicon);
    cache.set(raw, reading);
  }
  return reading;
}

interface Lookup {
  readonly from: number;
  /** Where the trigger span starts when the form is found at `from`. */
  readonly spanFrom: number;
  readonly accepts: (r: TriggerReading) => boolean;
}

const any = () => true;
const nouns = (r: TriggerReading) => r.pos === 'noun';
const presentVerbs = (r: TriggerReading) => r.pos === 'verb' && r.tense === 'present';

function analyze(raw: string, lexicon: TriggerLexicon): WordReading {
  const seg = segmentProclitics(raw);
  const afterConjunction = seg.conjunction ? nextLetter(raw, 0) : 0;
  const lookups: Lookup[] = [{ from: 0, spanFrom: 0, accepts: any }];
  if (seg.conjunction) lookups.push({ from: afterConjunction, spanFrom: afterConjunction, accepts: any });
  if (seg.particle === 'س') lookups.push({ from: seg.verbStart, spanFrom: seg.verbStart, accepts: presentVerbs });
  else if (seg.particle === 'ل') lookups.push({ from: seg.entityStart, spanFrom: seg.entityStart, accepts: (r) => nouns(r) || presentVerbs(r) });
  else if (seg.particle) lookups.push({ from: seg.entityStart, spanFrom: seg.entityStart, accepts: nouns });
  if (seg.article) lookups.push({ from: seg.stemStart, spanFrom: seg.entityStart, accepts: nouns });

  const stems: string[] = [];
  let trigger: WordTrigger | undefined;
  for (const { from, spanFrom, accepts } of lookups) {
    const form = normalizeForMatching(raw.slice(from));
    if (!stems.includes(form)) stems.push(form);
    if (trigger) continue;
    const readings = (lexicon.get(form) ?? []).filter(accepts);
    if (readings.length) trigger = { offset: spanFrom, readings, vocalizedPassive: isVocalizedPassive(raw.slice(from), readings), pronoun: hasPronoun(form, readings, lexicon) };
  }
  // Segmentation leaves the conjunction on short words (ولم، فلا); cues read them without it.
  if (!seg.conjunction && stems[0].length > 2 && (stems[0][0] === 'و' || stems[0][0] === 'ف')) stems.push(stems[0].slice(1));
  return { stems, entityOffset: seg.entityStart, conjunction: seg.conjunction !== undefined, particle: seg.particle, trigger };
}

/** Offset of the letter after the first one (diacritics of the first letter skipped). */
function nextLetter(raw: string, from: number): number {
  let i = from + 1;
  while (i < raw.length && normalizeForMatching(raw[i]) === '') i++;
  return i;
}

/**
 * A verb written with a damma on one of its first three letters is a passive: قُتل، أُفرج، اعتُقل; a
 * present with a damma and no kasra (يُقتل, not the active يُطلِق).
 */
function isVocalizedPassive(word: string, readings: readonly TriggerReading[]): boolean {
  const verb = readings.find((r) => r.pos === 'verb');
  if (!verb || !word.includes(DAMMA)) return false;
  let letters = 0;
  for (const ch of word) {
    if (ch === DAMMA) return verb.tense === 'past' || !word.includes(KASRA);
    if (normalizeForMatching(ch) !== '' && ++letters > 3) return false;
  }
  return false;
}

/** The form is another form of the same lemma plus a pronoun (زيارته = زيارة + ه). */
function hasPronoun(form: string, readings: readonly TriggerReading[], lexicon: TriggerLexicon): boolean {
  for (const p of PRONOUNS) {
    if (!form.endsWith(p) || form.length <= p.length + 1) continue;
    let base = form.slice(0, -p.length);
    if (base.endsWith('ت') && !lexicon.has(base)) base = base.slice(0, -1) + 'ه';
    const lemmas = lexicon.get(base);
    if (lemmas?.some((l) => readings.some((r) => r.lemma === l.lemma))) return true;
  }
  return false;
}
