// The unit every proposer produces, and the proposer contract. A later trained model joins the
// engine as one more LineProposer.

import type { SuggestionSource } from '../model';
import type { LineContext } from './lineContext';

/** A typed span with its confidence and origin; offsets relative to the line the proposer saw. */
export interface Proposal {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly confidence: number;
  readonly source: SuggestionSource;
}

/** Proposes entities from one line's text alone, so its output can be cached by the line's text. */
export interface LineProposer {
  propose(line: LineContext): Proposal[];
}
