// What the proposers read about one line: its words, the gazetteer entry starting at each word and
// each word's person-name class. Built once per distinct line text and cached by the engine.

import type { NameClass } from './nameClass';
import type { EngineResources, GazetteerEntry } from './resources';
import { STARTS, type Word, type WordAnalyzer } from './words';

export interface EntityMatch {
  /** Number of words. */
  readonly length: number;
  readonly entry: GazetteerEntry;
  /** The span starts at the first word's `entityStart` (after its proclitics), not at its `start`. */
  readonly afterProclitics: boolean;
}

export interface LineContext {
  readonly text: string;
  readonly words: readonly Word[];
  /** The words' forms (`words[i].form`), for phrase look-ups. */
  readonly forms: readonly string[];
  /** The longest gazetteer entry starting at each word, if any. */
  readonly entities: readonly (EntityMatch | undefined)[];
  readonly nameClasses: readonly NameClass[];
}

export function analyzeLine(text: string, analyzer: WordAnalyzer, res: EngineResources): LineContext {
  const words = analyzer.analyze(text);
  const forms = words.map((w) => w.form);
  const entities = words.map((w, i) => entityAt(w, forms, i, res));
  // A one-word generated place may also be a surname (شيراك): only curated and longer entries
  // rule a word out of names, and not a given name.
  const nameClasses = words.map((w, i): NameClass => {
    const e = entities[i];
    return e && (e.entry.curated || e.length > 1) && w.nameClass !== 'given' ? 'none' : w.nameClass;
  });
  return { text, words, forms, entities, nameClasses };
}

function entityAt(w: Word, forms: readonly string[], i: number, res: EngineResources): EntityMatch | undefined {
  const stripped = w.entityForm !== w.form && w.starts & STARTS.gazetteerAfterProclitics ? res.gazetteer.longest(w.entityForm, forms, i) : undefined;
  const whole = w.starts & STARTS.gazetteer ? res.gazetteer.longest(w.form, forms, i) : undefined;
  if (stripped && (!whole || stripped.length >= whole.length)) {
    return { length: stripped.length, entry: stripped.value, afterProclitics: true };
  }
  return whole && { length: whole.length, entry: whole.value, afterProclitics: false };
}

/** Line offset where the entity starting at word `i` begins. */
export function entityStartOf(line: LineContext, i: number): number {
  const m = line.entities[i];
  return m && !m.afterProclitics ? line.words[i].start : line.words[i].entityStart;
}
