// The words of one line with the forms every proposer matches on: the whole word normalized, and
// the part where an entity may start (after the conjunction and preposition), normalized with the
// article restored when ل swallowed its alef: وبالعراق → العراق, للحشد → الحشد.

import {
  type KnownWholePredicate,
  type TokenKind,
  isDroppedInMatching,
  normalizeForMatching,
  segmentProclitics,
  tokenize,
} from '../text';

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
}

/** First letters of the proclitics (و ف ب ل ك س): a word starting otherwise has none. */
export const PROCLITIC_LETTERS: ReadonlySet<string> = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'س']);

export function analyzeWords(line: string, isKnownWhole: KnownWholePredicate): Word[] {
  return tokenize(line).map((t) => {
    const form = normalizeForMatching(t.text);
    if (t.kind !== 'arabic' || !PROCLITIC_LETTERS.has(form[0])) {
      return { start: t.start, end: t.end, kind: t.kind, text: t.text, form, entityStart: t.start, entityForm: form, conjunction: false, afterConjunction: t.start };
    }
    const raw = line.slice(t.start, t.end);
    const seg = segmentProclitics(raw, isKnownWhole);
    let entityForm = form;
    if (seg.entityStart > 0) {
      // Every character normalization keeps maps to one character of `form`.
      let kept = 0;
      for (let k = 0; k < seg.entityStart; k++) if (!isDroppedInMatching(raw[k])) kept++;
      entityForm = form.slice(kept);
      if (seg.particle === 'ل' && seg.article && !entityForm.startsWith('ال')) entityForm = 'ا' + entityForm;
    }
    let afterConjunction = 0;
    if (seg.conjunction !== undefined) {
      afterConjunction = 1;
      while (isDroppedInMatching(raw[afterConjunction])) afterConjunction++;
    }
    return {
      start: t.start,
      end: t.end,
      kind: t.kind,
      text: t.text,
      form,
      entityStart: t.start + seg.entityStart,
      entityForm,
      conjunction: seg.conjunction !== undefined,
      afterConjunction: t.start + afterConjunction,
    };
  });
}

/** True when the word carries a proclitic (its entity part starts after the token start). */
export function hasProclitic(w: Word): boolean {
  return w.entityStart > w.start;
}

/** True for a matching-normalized word that starts with the article ال. */
export function isDefinite(form: string): boolean {
  return form.length > 3 && form.startsWith('ال');
}
