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
  /**
   * Which document this is (any object that lives as long as it, e.g. its session): the engine
   * then updates that document's context from its last call instead of rebuilding it.
   */
  readonly document?: object;
}

export interface SuggestionEngine {
  /** Suggestions sorted by start offset, none overlapping another or an accepted span. */
  suggest(request: SuggestRequest): Suggestion[];
  /**
   * The same, but lines not analysed yet are analysed only for about `budgetMs`: a long document
   * is suggested over several calls, each going on where the last stopped (what is done is
   * cached). Lines left over have no suggestions yet, or those of their previous document context.
   */
  suggestWithin(request: SuggestRequest, budgetMs: number): SuggestProgress;
}

export interface SuggestProgress {
  readonly suggestions: Suggestion[];
  /** Lines that have suggestions (final, or from an earlier document context), of all the lines. */
  readonly doneLines: number;
  readonly totalLines: number;
  /** Every line's suggestions are final: nothing left for a later call. */
  readonly complete: boolean;
  /** The trained model's exception, when it failed: the suggestions are then the rules' alone. */
  readonly modelFailure?: Error;
}

/** Suggestions below this confidence are hidden unless the user asks for them. */
export const DEFAULT_MIN_CONFIDENCE = 0.3;
/**
 * Accept Confident Entity Suggestions takes the suggestions at least this confident: calibrated, so
 * about 97 in 100 of them are right (on ANERcorp dev, 97 to 99 in 100).
 */
export const DEFAULT_ACCEPT_CONFIDENT_ABOVE = 0.97;
