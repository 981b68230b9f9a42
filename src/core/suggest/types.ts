// The contract between the suggestion engine and its callers (language server, CLI, benchmarks).

import type { Suggestion, TypedSpan } from '../model';
import type { Schema } from '../schema/types';

export interface SuggestRequest {
  /** The whole document text. */
  readonly text: string;
  readonly schema: Schema;
  /** Accepted annotations: seeds for document consistency; suggestions overlapping them are dropped. */
  readonly accepted: readonly TypedSpan[];
  /** Rejected suggestions (span + type): never suggested again, never propagated. */
  readonly rejected: readonly TypedSpan[];
}

export interface SuggestionEngine {
  /** Suggestions sorted by start offset, none overlapping another or an accepted span. */
  suggest(request: SuggestRequest): Suggestion[];
}

/** Suggestions below this confidence are hidden unless the user asks for them. */
export const DEFAULT_MIN_CONFIDENCE = 0.3;
