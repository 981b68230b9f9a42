// Event confidence: the precision measured on the development set (test/fixtures/events, with the
// gold entities; `npm run bench:events` prints it per source) of each kind of trigger, times the
// weakening factors of its context (sport, negation, no traveller…).

export type EventSource = 'lexicon' | 'lexicon+context';

/** Measured precision per source. */
const PRECISION: Record<EventSource, number> = {
  lexicon: 0.7,
  'lexicon+context': 0.8,
};

export function eventConfidence(source: EventSource, factor: number): number {
  return Math.round(PRECISION[source] * factor * 100) / 100;
}
