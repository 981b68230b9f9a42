// Event suggestions (triggers and their arguments): load the data folder once, then suggest on
// every edit.

export { createEventSuggester, type EventSuggesterOptions } from './suggester';
export { loadEventResources, type EventResources } from './resources';
export type { CandidateEntity, EventSuggester, EventSuggestion, EventSuggestRequest, SuggestedArgument } from './types';
