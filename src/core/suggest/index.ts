// The suggestion engine (rules, and the trained tagger when given): load the data folder once, then
// suggest on every edit.

export { createSuggestionEngine, defaultProposers, type EngineOptions } from './engine';
export { loadEngineResources } from './loadResources';
export type { EngineResources } from './resources';
export type { LineProposer, Proposal } from './proposal';
export type { LineContext } from './lineContext';
export type { SuggestionEngine, SuggestRequest } from './types';
export type { TaggerSource } from './modelProposals';
