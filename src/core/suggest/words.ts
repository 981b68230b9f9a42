// The words of one line with the forms every proposer matches on: the whole word normalized, and
// the part where an entity may start (after the conjunction and preposition), normalized with the
// article restored when ل swallowed its alef: وبالعراق → العراق, للحشد → الحشد. A word's reading
// depends on its text alone, so it is computed once per distinct token text and cached.

import { type TokenKind, isDroppedInMatching, normalizeForMatching, segmentProclitics, tokenize } from '../text';
import { nameClass, type NameClass } from './nameClass';
import type { EngineResources } from './resources';

export interface Word {
  /** UTF-16 offsets within the line. */
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
  /** The token's text (format controls removed). */
  readonly text: string;
  /** normalizeForMatching(text). */
  readonly form: string;
  /** Where an entity span may start: after the proclitics (equals `start` without them). */
  readonly entityStart: number;
  /** The normalized form from `entityStart`, article restored after ل. */
  readonly entityForm: string;
  /** Starts with the conjunction و or ف. */
  readonly conjunction: boolean;
  /** Where the word continues after its conjunction (`start` without one). */
  readonly afterConjunction: number;
  /** How much the word looks like part of a name by itself (a gazetteer entry over it may still rule it out). */
  readonly nameClass: NameClass;
  /** The phrase lists with an entry that starts with this word (STARTS flags), so that others are not searched. */
  readonly starts: number;
  /**
   * Its preposition ب or ل comes before a word nobody knows (no article, not in the frequency,
   * name or place lists): the letter may be a foreign name's own (بلينكن، لودريان). Whether it is
   * depends on the document: see modelProposals.
   */
  readonly letterMayBeName: boolean;
}

/** Flags of Word.starts: an entry starts with the word's form, or with its entity form. */
export const STARTS = {
  gazetteer: 1,
  gazetteerAfterProclitics: 2,
  titleAfterProclitics: 4,
  date: 8,
  dateAfterProclitics: 16,
} as const;

/** First letters of the proclitics (و ف ب ل ك س): a word starting otherwise has none. */
export const PROCLITIC_LETTERS: ReadonlySet<string> = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'س']);

/** A token text's reading, with offsets relative to the token. */
interface Reading {
  readonly form: string;
  readonly entityOffset: number;
  readonly entityForm: string;
  readonly conjunction: boolean;
  readonly afterConjunctionOffset: number;
  readonly nameClass: NameClass;
  readonly starts: number;
  readonly letterMayBeName: boolean;
}

/** Readings kept before the cache starts over (a few MB; a long document has ~50,000 distinct words). */
const MAX_READINGS = 200000;

const analyzers = new WeakMap<EngineResources, WordAnalyzer>();

/** The analyzer of a set of resources, shared by every engine built on them (its cache with it). */
export function wordAnalyzerFor(res: EngineResources): WordAnalyzer {
  let analyzer = analyzers.get(res);
  if (!analyzer) analyzers.set(res, (analyzer = new WordAnalyzer(res)));
  return analyzer;
}

export class WordAnalyzer {
  private readonly readings = new Map<string, Reading>();

  constructor(private readonly res: EngineResources) {}

  analyze(line: string): Word[] {
    return tokenize(line).map((t) => {
      // The token's text is the raw text unless format controls were taken out of it.
      const raw = t.text.length === t.end - t.start ? t.text : line.slice(t.start, t.end);
      let r = this.readings.get(raw);
      if (!r) {
        if (this.readings.size >= MAX_READINGS) this.readings.clear();
        this.readings.set(raw, (r = this.read(raw, t.text, t.kind)));
      }
      return {
        start: t.start,
        end: t.end,
        kind: t.kind,
        text: t.text,
        form: r.form,
        entityStart: t.start + r.entityOffset,
        entityForm: r.entityForm,
        conjunction: r.conjunction,
        afterConjunction: t.start + r.afterConjunctionOffset,
        nameClass: r.nameClass,
        starts: r.starts,
        letterMayBeName: r.letterMayBeName,
      };
    });
  }

  private read(raw: string, text: string, kind: TokenKind): Reading {
    const form = normalizeForMatching(text);
    let entityOffset = 0;
    let entityForm = form;
    let conjunction = false;
    let afterConjunctionOffset = 0;
    if (kind === 'arabic' && PROCLITIC_LETTERS.has(form[0])) {
      const seg = segmentProclitics(raw, this.res.isKnownWhole);
      if (seg.entityStart > 0) {
        // Every character normalization keeps maps to one character of `form`.
        let kept = 0;
        for (let k = 0; k < seg.entityStart; k++) if (!isDroppedInMatching(raw[k])) kept++;
        entityOffset = seg.entityStart;
        entityForm = form.slice(kept);
        if (seg.particle === 'ل' && seg.article && !entityForm.startsWith('ال')) entityForm = 'ا' + entityForm;
      }
      if (seg.conjunction !== undefined) {
        conjunction = true;
        afterConjunctionOffset = 1;
        while (isDroppedInMatching(raw[afterConjunctionOffset])) afterConjunctionOffset++;
      }
    }
    const starts = kind === 'arabic' ? this.starts(form, entityForm) : 0;
    const letter = entityOffset > afterConjunctionOffset ? form[form.length - entityForm.length - 1] : undefined;
    const { frequency, names, isKnownWhole } = this.res;
    return {
      form,
      entityOffset,
      entityForm,
      conjunction,
      afterConjunctionOffset,
      nameClass: nameClass({ kind, text, form, entityForm }, this.res),
      starts,
      letterMayBeName:
        (letter === 'ب' || letter === 'ل') &&
        entityForm.length + 1 + (conjunction ? 1 : 0) === form.length &&
        !entityForm.startsWith('ال') &&
        !(starts & STARTS.gazetteerAfterProclitics) &&
        frequency.rank(entityForm) === Infinity &&
        !names.has(entityForm) &&
        !isKnownWhole(entityForm),
    };
  }

  private starts(form: string, entityForm: string): number {
    const { gazetteer, titles, dateWords } = this.res;
    return (
      (gazetteer.startsWith(form) ? STARTS.gazetteer : 0) |
      (gazetteer.startsWith(entityForm) ? STARTS.gazetteerAfterProclitics : 0) |
      (titles.startsWith(entityForm) ? STARTS.titleAfterProclitics : 0) |
      (dateWords.startsWith(form) ? STARTS.date : 0) |
      (dateWords.startsWith(entityForm) ? STARTS.dateAfterProclitics : 0)
    );
  }
}

/** True when the word carries a proclitic (its entity part starts after the token start). */
export function hasProclitic(w: Word): boolean {
  return w.entityStart > w.start;
}

/** True for a matching-normalized word that starts with the article ال. */
export function isDefinite(form: string): boolean {
  return form.length > 3 && form.startsWith('ال');
}
