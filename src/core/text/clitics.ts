// Proclitic segmentation of one Arabic word: conjunction (و ف), then a preposition (ب ل ك) or the
// future particle (س), then the article (ال, whose alef is dropped after ل: لل).
// Entity spans start after the conjunction and preposition and keep the article:
// بالقاهرة → القاهرة, للحشد → لحشد, وواشنطن → واشنطن.

import { KNOWN_WHOLE_WORDS } from './knownWholes';
import { isDroppedUnit, normalizeForMatching } from './normalize';

export interface CliticSegmentation {
  /** و or ف, if present. */
  readonly conjunction?: string;
  /** ب ل ك (prepositions) or س (future), if present. */
  readonly particle?: string;
  /** The word carries the article ال (spelled out, or elided after ل). */
  readonly article: boolean;
  /**
   * UTF-16 offset within the word where an entity span starts: after the conjunction and a
   * preposition. The future particle س only comes before verbs, so it never moves this.
   */
  readonly entityStart: number;
  /** UTF-16 offset where a verb starts: after the conjunction and the future particle (سيزور → يزور). */
  readonly verbStart: number;
  /** UTF-16 offset within the word where the stem starts (after the article too). */
  readonly stemStart: number;
}

export type KnownWholePredicate = (normalizedWord: string) => boolean;

const CONJUNCTIONS = new Set(['و', 'ف']);
const PREPOSITIONS = new Set(['ب', 'ل', 'ك']);
const IMPERFECT_PREFIX = new Set(['ي', 'ت', 'ن', 'ا']);
/** A bare stem left after stripping must have at least this many letters. */
const MIN_BARE_STEM = 3;
/** After an article, at least this many letters. */
const MIN_STEM_AFTER_ARTICLE = 2;

const NONE: CliticSegmentation = { article: false, entityStart: 0, verbStart: 0, stemStart: 0 };

/**
 * Segments the proclitics of `word` (one token's text). `isKnownWhole` adds words that must not be
 * split (for example gazetteer names) to the built-in list.
 */
export function segmentProclitics(word: string, isKnownWhole?: KnownWholePredicate): CliticSegmentation {
  // The normalized letters (normalization maps each unit it keeps to one letter) with their UTF-16
  // offsets; diacritics, tatweel and controls do not count as letters.
  const letters = normalizeForMatching(word);
  const offsets: number[] = [];
  for (let i = 0; i < word.length; i++) if (!isDroppedUnit(word.charCodeAt(i))) offsets.push(i);
  offsets.push(word.length);
  const known = (from: number) => {
    const rest = from === 0 ? letters : letters.slice(from);
    return KNOWN_WHOLE_WORDS.has(rest) || (isKnownWhole?.(rest) ?? false);
  };
  const remaining = (from: number) => letters.length - from;
  const startsWithArticle = (from: number) =>
    letters[from] === 'ا' && letters[from + 1] === 'ل' && remaining(from + 2) >= MIN_STEM_AFTER_ARTICLE;

  if (letters.length === 0 || known(0)) return NONE;

  let pos = 0;
  let conjunction: string | undefined;
  let particle: string | undefined;
  // A conjunction needs something plausible after it: an article, a particle + stem, or a bare stem.
  if (CONJUNCTIONS.has(letters[0]) && remaining(1) >= MIN_BARE_STEM) {
    conjunction = letters[0];
    pos = 1;
  }
  if (!known(pos)) {
    const p = letters[pos];
    if (PREPOSITIONS.has(p)) {
      const elidedArticle = p === 'ل' && letters[pos + 1] === 'ل' && remaining(pos + 2) >= MIN_STEM_AFTER_ARTICLE;
      if (elidedArticle || startsWithArticle(pos + 1) || remaining(pos + 1) >= MIN_BARE_STEM) {
        particle = p;
        pos += 1;
      }
    } else if (p === 'س' && IMPERFECT_PREFIX.has(letters[pos + 1]) && remaining(pos + 2) >= MIN_BARE_STEM) {
      // The imperfect prefix (ي ت ن ا) belongs to the verb, whose stem must still be long enough:
      // سيزور → س + يزور, but سيرة stays whole.
      particle = p;
      pos += 1;
    }
  }
  const afterParticle = offsets[pos];
  const entityStart = particle === 'س' ? offsets[conjunction ? 1 : 0] : afterParticle;
  let article = false;
  let stemPos = pos;
  if (particle === 'ل' && letters[pos] === 'ل' && remaining(pos + 1) >= MIN_STEM_AFTER_ARTICLE) {
    article = true; // لل: the article's alef is not written
    stemPos = pos + 1;
  } else if (startsWithArticle(pos)) {
    article = true;
    stemPos = pos + 2;
  }
  return { conjunction, particle, article, entityStart, verbStart: particle === 'س' ? afterParticle : entityStart, stemStart: offsets[stemPos] };
}
