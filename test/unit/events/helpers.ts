// Shared set-up for the event suggester tests: the shipped data folder, loaded once, and entities
// placed by their text.

import * as path from 'node:path';
import { NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';
import type { Schema } from '../../../src/core/schema/types';
import { createEventSuggester, loadEventResources, type CandidateEntity, type EventResources, type EventSuggestion } from '../../../src/core/events';
import type { TypedSpan } from '../../../src/core/model';

const DATA_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'data');
let resources: EventResources | undefined;

/** `[text, type]` pairs: the first occurrence of each text, accepted, as an entity. */
export type EntityList = readonly (readonly [string, string])[];

export function entitiesIn(text: string, list: EntityList, accepted = true): CandidateEntity[] {
  return list
    .map(([needle, type]) => {
      const start = text.indexOf(needle);
      if (start < 0) throw new Error(`"${needle}" is not in "${text}"`);
      return { start, end: start + needle.length, type, confidence: 0.9, accepted };
    })
    .sort((a, b) => a.start - b.start);
}

export interface EventRequestOptions {
  readonly entities?: EntityList;
  readonly schema?: Schema;
  readonly acceptedTriggers?: readonly { start: number; end: number }[];
  readonly rejected?: readonly TypedSpan[];
}

export function suggestEvents(text: string, options: EventRequestOptions = {}): EventSuggestion[] {
  const suggester = createEventSuggester((resources ??= loadEventResources(DATA_DIR)));
  return suggester.suggest({
    text,
    schema: options.schema ?? NEWS_SCHEMA,
    entities: entitiesIn(text, options.entities ?? []),
    acceptedTriggers: options.acceptedTriggers ?? [],
    rejected: options.rejected ?? [],
  });
}

/** `Type:trigger` of each suggested event. */
export function triggers(text: string, options: EventRequestOptions = {}): string[] {
  return suggestEvents(text, options).map((e) => `${e.type}:${text.slice(e.trigger.start, e.trigger.end)}`);
}

/** `Role=text` of each argument of the only suggested event. */
export function argumentsOf(text: string, options: EventRequestOptions = {}): string[] {
  const events = suggestEvents(text, options);
  if (events.length !== 1) throw new Error(`one event expected in "${text}", got ${events.length}`);
  return events[0].arguments.map((a) => `${a.role}=${text.slice(a.start, a.end)}`);
}
