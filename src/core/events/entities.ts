// The entities of one sentence placed on its words, each with the cue that introduces it: a
// preposition before it (في، إلى، من، ضد، مع، عن، أمام، من قبل…), or the proclitic on its own word
// (ببغداد: ب = في; لواشنطن: ل). An entity joined to the one before it by و (بين الكاظمي وترامب،
// في بغداد والبصرة) shares that entity's cue.

import { normalizeForMatching } from '../text';
import type { CandidateEntity } from './types';
import type { CueSetName, CueSets } from './cues';
import { cueLengthBefore, isCue, wordsBefore, type SentenceWord } from './sentence';

/** What introduces an entity; `of` is the proclitic ل (للكاظمي، لواشنطن). */
export type RoleCue = 'place' | 'to' | 'from' | 'against' | 'with' | 'about' | 'before' | 'by' | 'of';

const CUE_SETS: readonly (RoleCue & CueSetName)[] = ['by', 'place', 'to', 'from', 'against', 'with', 'about', 'before'];

export interface SentenceEntity {
  readonly entity: CandidateEntity;
  /** First and last word of the sentence the entity overlaps. */
  readonly first: number;
  readonly last: number;
  readonly cue?: RoleCue;
  /** Joined by و to the entity just before it (في بغداد والبصرة). */
  readonly coordinated: boolean;
  /** A dateline (بغداد - …): where the report was filed, not part of what happened. */
  readonly dateline: boolean;
}

/** Places entities (offsets relative to the sentence, sorted by start) on the sentence's words. */
export function placeEntities(
  sentenceText: string,
  words: readonly SentenceWord[],
  entities: readonly CandidateEntity[],
  cues: CueSets,
): SentenceEntity[] {
  const placed: SentenceEntity[] = [];
  let w = 0;
  for (const entity of entities) {
    const { start, end } = entity;
    while (w < words.length && words[w].end <= start) w++;
    if (w >= words.length) break;
    let last = w;
    while (last + 1 < words.length && words[last + 1].start < end) last++;
    if (words[w].start >= end) continue;
    const prefix = start > words[w].start ? normalizeForMatching(sentenceText.slice(words[w].start, start)) : '';
    let cue = prefixCue(prefix) ?? (prefix.replace(/^[وف]/, '') === '' ? cueThroughHead(sentenceText, words, w, cues) : undefined);
    const previous = placed[placed.length - 1];
    const coordinated = prefix.startsWith('و') && previous !== undefined && wordsBefore(words, w, 1)[0] === previous.last;
    if (cue === undefined && coordinated) cue = previous.cue;
    placed.push({ entity, first: w, last, cue, coordinated, dateline: isDateline(words, w, last) });
  }
  return placed;
}

const DASHES = new Set(['-', '–', '—']);

function isDateline(words: readonly SentenceWord[], first: number, last: number): boolean {
  const next = words[last + 1];
  return first === 0 && next !== undefined && next.punct && DASHES.has(next.stems[0]);
}

function prefixCue(prefix: string): RoleCue | undefined {
  if (prefix.includes('ب')) return 'place';
  if (prefix.includes('ل')) return 'of';
  return undefined;
}

/**
 * The cue before word `i`, looking past a place-name head noun and a nisba adjective after it
 * (في محافظة مأرب، إلى العاصمة العراقية بغداد). With a head but no cue before it, a place.
 */
function cueThroughHead(sentenceText: string, words: readonly SentenceWord[], i: number, cues: CueSets): RoleCue | undefined {
  const heads = cues.get('placeHead')!;
  const [previous, beforeThat] = wordsBefore(words, i, 2);
  let head: number | undefined;
  if (previous !== undefined && isCue(words[previous], heads)) head = previous;
  else if (beforeThat !== undefined && isNisba(words[previous]) && isCue(words[beforeThat], heads)) head = beforeThat;
  if (head === undefined) return cueBefore(words, i, cues);
  const word = words[head];
  const prefix = normalizeForMatching(sentenceText.slice(word.start, word.start + word.entityOffset));
  return prefixCue(prefix) ?? cueBefore(words, head, cues) ?? 'place';
}

/** An adjective of relation (العراقية، الإيراني), in matching form. */
function isNisba(word: SentenceWord): boolean {
  return !word.punct && /..(يه|ي)$/.test(word.stems[0]);
}

/** The cue that ends just before word `i`: the longest phrase of any set, then a single word (the first set wins a tie). */
function cueBefore(words: readonly SentenceWord[], i: number, cues: CueSets): RoleCue | undefined {
  let best: { cue: RoleCue; length: number } | undefined;
  for (const name of CUE_SETS) {
    const length = cueLengthBefore(words, i, cues.get(name)!);
    if (length > (best?.length ?? 0)) best = { cue: name, length };
  }
  return best?.cue;
}
