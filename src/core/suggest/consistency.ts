// Document consistency: a string accepted as a type, or confidently suggested as one, is suggested
// as that type at its other mentions — compared word by word in matching form, the first word
// after its proclitics (الحشد الشعبي → والحشد الشعبي، للحشد الشعبي). A person's full name also
// lends its last word to the person's later short mentions (مصطفى الكاظمي → الكاظمي، للكاظمي).

import { firstEndingAfter, type TypedSpan } from '../model';
import { CONFIDENCE } from './confidence';
import type { LineContext } from './lineContext';
import { COMMON_RANK } from './nameClass';
import { PhraseIndex } from './phraseIndex';
import type { Proposal } from './proposal';
import type { EngineResources } from './resources';
import type { Word } from './words';

/** Suggestions below this confidence do not propagate (a name word and a rare word, 0.5, do not). */
const SEED_MIN_CONFIDENCE = 0.6;

export interface Seed {
  /** Matching forms of the words; the first one after its proclitics. */
  readonly words: readonly string[];
  readonly type: string;
  readonly confidence: number;
  /** Accepted by the annotator (beats a suggested seed of the same string). */
  readonly accepted: boolean;
}

/** The seeds a line's own suggestions (line-relative, non-overlapping) plant. */
export function seedsOfSuggestions(line: LineContext, suggestions: readonly Proposal[], res: EngineResources): Seed[] {
  const seeds: Seed[] = [];
  for (const s of suggestions) {
    if (s.confidence < SEED_MIN_CONFIDENCE) continue;
    const found = seedsOfSpan(line, s, Math.min(s.confidence, CONFIDENCE.consistencySuggested), false, res);
    if (!found) continue;
    // A suggestion propagates only if it has a rare word: محمد or عبد الله after a title is no
    // reason to suggest every محمد, nor اليوم (today) every اليوم (the day), and the gazetteer finds
    // every common place name anyway. A one-word person is often a first name (السير أليكس): only
    // full names and surnames propagate.
    const { seed, surname } = found;
    if (seed.words.some((w) => res.frequency.rank(w) >= COMMON_RANK) && !(seed.type === 'PER' && seed.words.length === 1)) seeds.push(seed);
    if (surname) seeds.push(surname);
  }
  return seeds;
}

/**
 * The seed of one span (line-relative) and, for a person's full name, of its surname; undefined
 * unless the span covers whole words (or a first word after its proclitics).
 */
export function seedsOfSpan(
  line: LineContext,
  span: TypedSpan,
  confidence: number,
  accepted: boolean,
  res: EngineResources,
): { seed: Seed; surname?: Seed } | undefined {
  const { words } = line;
  const first = firstEndingAfter(words, span.start);
  if (first === words.length) return undefined;
  const w = words[first];
  const key = span.start === w.start ? w.form : span.start === w.entityStart ? w.entityForm : undefined;
  let last = first;
  while (last < words.length && words[last].end < span.end) last++;
  if (key === undefined || last === words.length || words[last].end !== span.end) return undefined;
  const seed: Seed = { words: [key, ...words.slice(first + 1, last + 1).map((x) => x.form)], type: span.type, confidence, accepted };
  if (span.type !== 'PER' || last === first || !isSurname(line, last, res)) return { seed };
  return { seed, surname: { words: [words[last].form], type: 'PER', confidence: CONFIDENCE.consistencySurname, accepted: false } };
}

/** The last word of a full name is a surname worth propagating: a rare name word. */
function isSurname(line: LineContext, i: number, res: EngineResources): boolean {
  return line.nameClasses[i] !== 'none' && res.frequency.rank(line.words[i].form) >= COMMON_RANK;
}

export class SeedIndex {
  private readonly index = new PhraseIndex<Seed>((a, b) => (better(b, a) ? b : a));

  add(seed: Seed): void {
    this.index.add(seed.words, seed);
  }

  get size(): number {
    return this.index.size;
  }

  /** Equal for two indexes with the same seeds, whatever the order they came in: mentions() answers alike. */
  signature(): string {
    const parts: string[] = [];
    for (const [phrase, s] of this.index.entries()) parts.push(`${phrase}\u0001${s.type}\u0001${s.confidence}\u0001${s.accepted ? 1 : 0}`);
    return parts.sort().join('\u0002');
  }

  /** Where a person seed starts in word k after its conjunction or preposition (not at its first letter), if one does. */
  personAfterProclitics(line: LineContext, k: number): number | undefined {
    for (const [form, start] of readingsAfterProclitics(line.words[k])) {
      if (this.index.longest(form, line.forms, k)?.value.type === 'PER') return start;
    }
    return undefined;
  }

  /**
   * Proposals at the mentions of the seeds in one line (line-relative). A mention's first word is
   * read whole, after its conjunction, or after all its proclitics (the segmenter may take a
   * name's first letter for one: وكرمانشاهي → و + ك + رمانشاهي); the longest match wins.
   */
  mentions(line: LineContext): Proposal[] {
    const out: Proposal[] = [];
    const { words } = line;
    for (let k = 0; k < words.length; k++) {
      const w = words[k];
      if (w.kind !== 'arabic') continue;
      let best: { start: number; length: number; seed: Seed } | undefined;
      const tryForm = (form: string, start: number) => {
        const m = this.index.longest(form, line.forms, k);
        if (m && (!best || m.length > best.length)) best = { start, length: m.length, seed: m.value };
      };
      tryForm(w.form, w.start);
      for (const [form, start] of readingsAfterProclitics(w)) tryForm(form, start);
      if (!best) continue;
      const { seed, length } = best;
      out.push({ start: best.start, end: words[k + length - 1].end, type: seed.type, confidence: seed.confidence, source: 'consistency' });
      k += length - 1;
    }
    return out;
  }
}

/** A word's matching forms after its conjunction and after all its proclitics, with where each starts. */
function readingsAfterProclitics(w: Word): [string, number][] {
  const readings: [string, number][] = [];
  if (w.conjunction) readings.push([w.form.slice(1), w.afterConjunction]);
  if (w.entityStart > w.afterConjunction) readings.push([w.entityForm, w.entityStart]);
  return readings;
}

function better(a: Seed, b: Seed): boolean {
  return a.accepted !== b.accepted ? a.accepted : a.confidence > b.confidence;
}

/**
 * A person suggestion that runs on across a word whose proclitic stands before a person seed
 * (الكاظمي لقاآني, with اسماعيل قاآني elsewhere in the document) holds two people: it is cut before
 * that word, and the second starts after the proclitic. A name whose own first letter looks like a
 * proclitic (لوكاشنكو) plants its seed with that letter, so it is never cut so.
 */
export function splitAtPersonSeeds(line: LineContext, suggestions: readonly Proposal[], seeds: SeedIndex): readonly Proposal[] {
  const { words } = line;
  const out: Proposal[] = [];
  for (const s of suggestions) {
    let start = s.start;
    if (s.type === 'PER') {
      // k: each word after the suggestion’s first (found by bisection: a long line holds many persons).
      for (let k = Math.max(1, firstEndingAfter(words, start) + 1); k < words.length && words[k].start < s.end; k++) {
        if (words[k - 1].end <= start) continue;
        const cut = seeds.personAfterProclitics(line, k);
        if (cut === undefined) continue;
        out.push({ ...s, start, end: words[k - 1].end });
        start = cut;
      }
    }
    out.push(start === s.start ? s : { ...s, start });
  }
  return out;
}
