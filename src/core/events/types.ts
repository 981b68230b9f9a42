// The contract between the event suggester and its callers (article session, CLI, evaluation).
// Offsets are UTF-16 code units into the document text, end exclusive.

import type { Span, TypedSpan } from '../model';
import type { Schema } from '../schema/types';

export interface SuggestedArgument {
  readonly role: string;
  /** The argument entity's span and entity type. */
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly confidence: number;
}

export interface EventSuggestion {
  /** Event type of the schema (Attack, Meet…). */
  readonly type: string;
  /** The trigger word, proclitics left out (وسقط → سقط, بإطلاق → إطلاق, سيزور → يزور). */
  readonly trigger: Span;
  /** In [0, 1]: the probability that the trigger and type are right. */
  readonly confidence: number;
  /** What produced it: `lexicon`, `lexicon+context`… */
  readonly source: string;
  /** At most one per role unless the role allows more (schema cardinality). */
  readonly arguments: readonly SuggestedArgument[];
}

/** An entity the suggester may take as an argument. */
export interface CandidateEntity extends TypedSpan {
  readonly confidence: number;
  /** Accepted by the annotator (else a suggestion). */
  readonly accepted: boolean;
}

export interface EventSuggestRequest {
  readonly text: string;
  readonly schema: Schema;
  /** Accepted entities and current entity suggestions. */
  readonly entities: readonly CandidateEntity[];
  /** Triggers of events already accepted: nothing is suggested over them. */
  readonly acceptedTriggers: readonly Span[];
  /** Rejected events, by trigger span and event type: never suggested again. */
  readonly rejected: readonly TypedSpan[];
}

export interface EventSuggester {
  /** Event suggestions sorted by trigger start; triggers never overlap each other. */
  suggest(request: EventSuggestRequest): EventSuggestion[];
}
