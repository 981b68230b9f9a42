// The context rules that need the sentence's entities: a mover after عاد/وصل, troops after
// ينتشر/نشر, a place after جولة, a traveller for زيارة, a victim for تصفية. "An entity that could
// be the agent" means one whose type the event type's Agent role accepts in the schema in force
// (the news schema's, when the schema's event type has no such role).

import { NEWS_EVENT_TYPES } from '../schema/defaultSchema';
import type { EventTypeDef, Schema } from '../schema/types';
import { roleAccepts } from './arguments';
import type { Candidate, TriggerOption } from './context';
import { NOBODY_FACTOR } from './context';
import type { CueSets } from './cues';
import type { SentenceEntity } from './entities';
import { isCue, wordsAfter, type SentenceWord } from './sentence';

/** The option's weakening factor once its pending rules are checked, or undefined when a rule rules it out. */
export function checkPendingRules(
  option: TriggerOption,
  candidate: Candidate,
  eventType: EventTypeDef,
  words: readonly SentenceWord[],
  entities: readonly SentenceEntity[],
  schema: Schema,
  cues: CueSets,
): { factor: number; confirmed: boolean } | undefined {
  let { factor, confirmed } = option;
  const fits = (e: SentenceEntity, roles: readonly string[]) => roles.some((name) => {
    const role = eventType.roles.find((r) => r.name === name) ?? NEWS_EVENT_TYPES.find((t) => t.name === eventType.name)?.roles.find((r) => r.name === name);
    return role !== undefined && roleAccepts(role, e.entity.type, schema);
  });
  const startsWithin = (indices: readonly number[], roles: readonly string[]) => entities.some((e) => indices.includes(e.first) && fits(e, roles));
  for (const rule of option.pending) {
    const next = (n: number) => wordsAfter(words, candidate.word, n);
    switch (rule) {
      case 'mover': {
        const toward = next(4).find((k) => isCue(words[k], cues.get('toward')!));
        const toPlace = toward !== undefined && startsWithin(wordsAfter(words, toward, 1), ['Destination', 'Place']);
        if (!toPlace && !startsWithin(next(4), ['Agent'])) return undefined;
        confirmed = true;
        break;
      }
      case 'troops':
        if (!startsWithin(next(1), ['Agent'])) return undefined;
        confirmed = true;
        break;
      case 'suspect':
        if (!startsWithin(next(4), ['Person'])) return undefined;
        confirmed = true;
        break;
      case 'place':
        if (!startsWithin(next(3), ['Destination', 'Place'])) return undefined;
        confirmed = true;
        break;
      case 'traveller':
        if (!candidate.pronoun && !entities.some((e) => fits(e, ['Agent']))) factor *= NOBODY_FACTOR;
        break;
      case 'person':
        if (!entities.some((e) => fits(e, ['Victim', 'Person']))) factor *= NOBODY_FACTOR;
        break;
    }
  }
  return { factor, confirmed };
}
