// The engine's lexical resources (loaded by loadResources.ts from the data folder).
// Every key is in matching form (normalizeForMatching), phrases as word sequences.

import type { KnownWholePredicate } from '../text';
import type { WordFrequency } from './frequency';
import type { PhraseIndex } from './phraseIndex';

export interface GazetteerEntry {
  readonly type: string;
  /** From our hand-written list (data/curated) rather than a generated one. */
  readonly curated: boolean;
  /** Marked in the curated list as also an ordinary word (القاعدة "the base"). */
  readonly ambiguous: boolean;
  /** A country, world region or world city (generated lists), not a small town that may share a common word's spelling. */
  readonly major: boolean;
}

/** g: an Arab given name; f: a family name or nisba; n: another person-name token (Wikidata, Google). */
export type NameTokenClass = 'g' | 'f' | 'n';

export interface NameToken {
  readonly cls: NameTokenClass;
  /** How many Wikidata person labels use the token (0 when unknown). */
  readonly count: number;
}

/** construct: وزارة الخارجية; both: also الجيش العراقي; named: only before a name (حركة حماس). */
export type OrgHeadForms = 'construct' | 'both' | 'named';

export type DateWordKind =
  | 'weekday' | 'weekday?' | 'month' | 'month?' | 'part-of-day' | 'relative' | 'relative-noun'
  | 'relative-modifier' | 'edge' | 'year-word' | 'unit' | 'unit-dual' | 'number-word' | 'day-word';

export interface PlaceHead {
  /** Entity type of the place (LOC, GPE). */
  readonly type: string;
  /** `name`: the span is the name after the head (حي الدورة → الدورة); `whole`: head and name (شارع السعدون). */
  readonly extent: 'name' | 'whole';
  /** Only a listed place or a person's name may follow (قطاع غزة, not قطاع النفط "the oil sector"). */
  readonly namesOnly: boolean;
}

export interface NisbaForm {
  /** NORP only next to another NORP word (السنة). */
  readonly paired: boolean;
}

export interface EngineResources {
  /** Named entities: places (generated), organizations, facilities, groups, curated spellings. */
  readonly gazetteer: PhraseIndex<GazetteerEntry>;
  readonly names: ReadonlyMap<string, NameToken>;
  readonly frequency: WordFrequency;
  readonly stopwords: ReadonlySet<string>;
  /** Stopwords written with ى (على، إلى): they are stopwords only when the text writes ى too. */
  readonly maqsuraStopwords: ReadonlySet<string>;
  readonly titles: PhraseIndex<true>;
  readonly orgHeads: ReadonlyMap<string, OrgHeadForms>;
  readonly facilityHeads: ReadonlySet<string>;
  readonly facilityModifiers: ReadonlySet<string>;
  /** Institution names (الوكالة الدولية للطاقة الذرية): their head nouns (without ال) and the adjectives besides nisbas (with ال). */
  readonly institutionHeads: ReadonlySet<string>;
  readonly institutionAdjectives: ReadonlySet<string>;
  /** Heads of place names (حي، مخيم، شارع…): the type they give and whether the span keeps the head. */
  readonly placeHeads: PhraseIndex<PlaceHead>;
  /** Every inflected nisba form (with and without ال). */
  readonly nisbas: ReadonlyMap<string, NisbaForm>;
  readonly dateWords: PhraseIndex<ReadonlySet<DateWordKind>>;
  /** Every word of the engine's own vocabularies (titles, heads, dates, nisbas): never a name word. */
  readonly vocabulary: ReadonlySet<string>;
  /** Words that start with a proclitic-like letter but must stay whole (places, names). */
  readonly isKnownWhole: KnownWholePredicate;
}
