// Shared set-up for the suggestion engine tests: the shipped data folder, loaded once.

import * as path from 'node:path';
import type { Suggestion, TypedSpan } from '../../../src/core/model';
import { NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';
import type { Schema } from '../../../src/core/schema/types';
import { createSuggestionEngine, loadEngineResources, type EngineResources } from '../../../src/core/suggest';

/** The repository root (tests run from out/test/unit/suggest). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const DATA_DIR = path.join(REPO_ROOT, 'data');

let resources: EngineResources | undefined;

export function engineResources(): EngineResources {
  return (resources ??= loadEngineResources(DATA_DIR));
}

export interface SuggestOptions {
  readonly schema?: Schema;
  readonly accepted?: readonly TypedSpan[];
  readonly rejected?: readonly TypedSpan[];
}

/** Suggestions of a fresh engine for `text`. */
export function suggest(text: string, options: SuggestOptions = {}): Suggestion[] {
  return createSuggestionEngine(engineResources()).suggest({
    text,
    schema: options.schema ?? NEWS_SCHEMA,
    accepted: options.accepted ?? [],
    rejected: options.rejected ?? [],
  });
}

/** `type:text` of every suggestion, in order. */
export function labelled(text: string, suggestions: readonly Suggestion[]): string[] {
  return suggestions.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
}

/** The span of the `occurrence`-th (0-based) occurrence of `needle` in `text`. */
export function spanOf(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return { start: at, end: at + needle.length };
}

/** `text` with the first occurrence of `from` replaced by `to` (an edit). */
export function replaced(text: string, from: string, to: string): string {
  const { start, end } = spanOf(text, from);
  return text.slice(0, start) + to + text.slice(end);
}
