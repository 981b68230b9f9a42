// The tagger's native types (ANERcorp: PERS LOC ORG MISC) and the schema's types.

import type { Schema } from '../schema/types';

/** Native type → the news schema's candidates, first one the default. */
const NEWS_OF_NATIVE: Record<string, readonly string[]> = {
  PERS: ['PER'],
  ORG: ['ORG'],
  LOC: ['GPE', 'LOC', 'FAC'],
  MISC: ['MISC'],
};

/**
 * The schema types a native type may become: the news schema's equivalents that the schema has
 * (LOC → GPE, LOC or FAC), else the native name itself when the schema has it (an ANERcorp-style
 * annotation.conf with PERS).
 */
export function schemaTypesOf(native: string, schema: Schema): string[] {
  const names = new Set(schema.entities.filter((e) => !e.abstract).map((e) => e.name));
  const news = (NEWS_OF_NATIVE[native] ?? []).filter((t) => names.has(t));
  return news.length ? news : names.has(native) ? [native] : [];
}

/** The native type a schema type teaches the tagger, or undefined (NORP, DATE… are not its business). */
export function nativeOf(schemaType: string, nativeTypes: readonly string[]): string | undefined {
  if (nativeTypes.includes(schemaType)) return schemaType;
  for (const [native, candidates] of Object.entries(NEWS_OF_NATIVE)) {
    if (candidates.includes(schemaType) && nativeTypes.includes(native)) return native;
  }
  return undefined;
}
