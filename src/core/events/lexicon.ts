// The trigger lexicon: every surface form of every trigger lemma (data/curated/event-triggers.tsv),
// indexed by its matching form, with what it can trigger.

import { normalizeForMatching } from '../text';
import { nounForms, verbForms, type Tense } from './forms';

/** Context rules a trigger may carry (see event-triggers.tsv and context.ts). */
export const RULES = [
  'fire', 'release', 'projectile', 'agreement', 'adjacent', 'judge', 'bail', 'toward', 'troops',
  'mover', 'place', 'traveller', 'person', 'suspect', 'court', 'casualty', 'press', 'custody', 'passport', 'weak',
] as const;
export type Rule = (typeof RULES)[number];

export interface TriggerReading {
  /** Event type name (Attack, Meet…). */
  readonly type: string;
  readonly pos: 'verb' | 'noun';
  /** Verbs: the tense of the form. */
  readonly tense?: Tense;
  /** The form is a passive verb by its spelling (اغتيل). */
  readonly passive: boolean;
  readonly rules: readonly Rule[];
  /** The row's first stem, normalized (for sources and tests). */
  readonly lemma: string;
}

export type TriggerLexicon = ReadonlyMap<string, readonly TriggerReading[]>;

/** Builds the lexicon from the rows of event-triggers.tsv (type, kind, stems, rules). */
export function buildLexicon(rows: readonly (readonly string[])[]): TriggerLexicon {
  const lexicon = new Map<string, TriggerReading[]>();
  rows.forEach((row, i) => {
    const [type, kind, stemField, ruleField = ''] = row;
    const where = `event-triggers.tsv row ${i + 1}`;
    if (!type || !kind || !stemField) throw new Error(`${where}: needs a type, a kind and stems`);
    const words = stemField.split(' ').filter(Boolean);
    const excluded = new Set(words.filter((w) => w.startsWith('-')).map((w) => normalizeForMatching(w.slice(1))));
    const stems = words.filter((w) => !w.startsWith('-')).map(normalizeForMatching);
    const rules = ruleField.split(',').map((r) => r.trim()).filter(Boolean);
    for (const r of rules) if (!(RULES as readonly string[]).includes(r)) throw new Error(`${where}: unknown rule "${r}"`);
    const base = { type, rules: rules as Rule[], lemma: stems[0] };
    const add = (form: string, reading: TriggerReading) => {
      if (excluded.has(form)) return;
      let readings = lexicon.get(form);
      if (!readings) lexicon.set(form, (readings = []));
      if (!readings.some((r) => sameReading(r, reading))) readings.push(reading);
    };
    if (kind === 'verb' || kind === 'passive') {
      if (kind === 'verb' ? stems.length !== 2 : stems.length > 2) throw new Error(`${where}: a verb needs its past and present`);
      for (const f of verbForms(stems[0], stems[1])) add(f.form, { ...base, pos: 'verb', tense: f.tense, passive: kind === 'passive' });
    } else if (kind === 'noun') {
      for (const form of nounForms(stems[0], stems.slice(1))) add(form, { ...base, pos: 'noun', passive: false });
    } else {
      throw new Error(`${where}: unknown kind "${kind}" (verb, passive or noun)`);
    }
  });
  return lexicon;
}

function sameReading(a: TriggerReading, b: TriggerReading): boolean {
  return a.type === b.type && a.pos === b.pos && a.tense === b.tense && a.passive === b.passive && a.rules.join() === b.rules.join();
}
