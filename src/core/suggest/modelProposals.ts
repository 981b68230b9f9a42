// The trained tagger's part in the engine: its two passes over a line's sentences, and its spans
// turned into proposals of the schema's types (ANERcorp's LOC refined into GPE, LOC or FAC).

import { schemaTypesOf } from '../learning/nativeTypes';
import type { Schema } from '../schema/types';
import type { DocumentContext, TaggerModel } from '../tagger';
import { splitSentences } from '../text/tokenize';
import type { LineContext } from './lineContext';
import type { Proposal } from './proposal';
import type { EngineResources } from './resources';
import { isDefinite, STARTS, type Word } from './words';

/**
 * Prepositions and adverbs that end no name, as written: the tagger sometimes runs a name on into
 * the word after it (خالد العبدالله أمام منزله، بن سالم فور وصوله). Not the stopword list: matching
 * makes أمام the name إمام, and some stopwords do start names (أم درمان، فان غوخ).
 */
const NEVER_LAST: ReadonlySet<string> = new Set(['أمام', 'فور', 'بعد', 'قبل', 'خلال', 'عند', 'لدى', 'منذ', 'حتى', 'عقب', 'إثر', 'بين', 'نحو', 'ضد', 'حول', 'دون', 'عبر']);

/** Where the engine gets the current model; `generation` changes whenever the model does. */
export interface TaggerSource {
  model(): TaggerModel | undefined;
  readonly generation: number;
}

/** One sentence of a line, as the tagger sees it. */
export interface ModelSentence {
  /** Index of its first word in the line's words. */
  readonly firstWord: number;
  readonly tokens: readonly string[];
  /** First-pass labels. */
  readonly labels: readonly string[];
}

export function firstPasses(line: LineContext, model: TaggerModel): ModelSentence[] {
  const indexOf = new Map(line.words.map((w, i) => [w.start, i]));
  return splitSentences(line.text, [...line.words]).map((s) => {
    const tokens = s.tokens.map((t) => t.text);
    return { firstWord: indexOf.get(s.tokens[0].start)!, tokens, labels: model.firstPass(tokens) };
  });
}

export function contextKeyOf(sentences: readonly ModelSentence[], model: TaggerModel, context: DocumentContext): string {
  return sentences.map((s) => model.contextKey(s.tokens, context)).join('\u0002');
}

/** The tagger's final spans for a line, as proposals of the schema's types. */
export function modelProposals(
  line: LineContext,
  sentences: readonly ModelSentence[],
  model: TaggerModel,
  context: DocumentContext,
  /** Forms the document writes without a proclitic (see Word.letterMayBeName). */
  bareInDocument: ReadonlySet<string>,
  schema: Schema,
  res: EngineResources,
): Proposal[] {
  const out: Proposal[] = [];
  for (const s of sentences) {
    // A word of one or two letters alone in its sentence is a fragment (the بي of a caption or byline), no name.
    if (s.tokens.length === 1 && s.tokens[0].length <= 2) continue;
    for (const span of model.secondPass(s.tokens, context).spans) {
      const last = s.firstWord + span.end - 1;
      const typed = typedSpan(line, s.firstWord + span.start, last, span.type, schema, res);
      if (!typed) continue;
      const { first, type } = typed;
      for (let [from, to] of type === 'PER' ? personRuns(line, first, last) : [[first, last]]) {
        while (to > from && NEVER_LAST.has(line.words[to].text)) to--;
        if (touchesOtherScript(line, from, to)) continue;
        const first = line.words[from];
        const ownLetter = first.letterMayBeName && !bareInDocument.has(first.entityForm);
        const start = ownLetter ? first.afterConjunction : takesNoPreposition(line, from, res) ? first.start : first.entityStart;
        const end = line.words[to].end;
        if (start >= end) continue;
        // A person after a facility head names the facility (ملعب بوريس بايتشادزه، مطار محمد الخامس).
        const facilityHead = type === 'PER' && from > 0 && schema.entities.some((e) => e.name === 'FAC') && isFacilityHead(line.words[from - 1], res);
        if (facilityHead) out.push({ start: line.words[from - 1].entityStart, end, type: 'FAC', confidence: span.confidence, source: 'model' });
        else out.push({ start, end, type, confidence: span.confidence, source: 'model' });
      }
    }
  }
  return out;
}

/**
 * The schema type of a tagger's span of words first..last, and where it starts: a place that starts
 * with a head noun (محافظة مأرب، خليج عدن) is marked as the head list says; a head noun alone (خليج)
 * names no place (undefined); a head kept whole joins the name after it (قطاع غزة).
 */
function typedSpan(line: LineContext, first: number, last: number, native: string, schema: Schema, res: EngineResources): { first: number; type: string } | undefined {
  const type = schemaTypeOf(native, line, first, schema, res);
  if (!type) return undefined;
  const allowed = schemaTypesOf(native, schema);
  const head = placeHeadAt(line, first, res);
  if (head && allowed.includes(head.value.type)) {
    if (head.length > last - first) return undefined;
    return { first: head.value.extent === 'name' ? first + head.length : first, type: head.value.type };
  }
  const before = first > 0 ? placeHeadAt(line, first - 1, res) : undefined;
  if (before?.length === 1 && before.value.extent === 'whole' && allowed.includes(before.value.type)) return { first: first - 1, type: before.value.type };
  return { first, type };
}

/**
 * The people in a person span of the tagger (words first..last): a later word that carries a
 * conjunction or preposition before a listed name starts another person (الكاظمي وترامب، الكاظمي
 * بالصدر). A name does not go on across such a word; foreign names whose first letter looks like a
 * proclitic (لافروف، فيلبان) are read whole and keep their letter. A word that carries a
 * preposition before a listed place ends the person: it is where the person is (عبد الله بالرباط).
 * (The tagger itself ends a person before any word read as و + word: settleNames.)
 */
function personRuns(line: LineContext, first: number, last: number): [number, number][] {
  const runs: [number, number][] = [];
  let from = first;
  for (let i = first + 1; i <= last; i++) {
    const w = line.words[i];
    if (w.entityStart === w.start) continue;
    if (PLACE_TYPES.has(line.entities[i]?.entry.type ?? '')) return [...runs, [from, i - 1]];
    if (line.nameClasses[i] === 'given' || line.nameClasses[i] === 'name') {
      runs.push([from, i - 1]);
      from = i;
    }
  }
  runs.push([from, last]);
  return runs;
}

const PLACE_TYPES: ReadonlySet<string> = new Set(['GPE', 'LOC', 'FAC']);

/** A facility head noun in construct (مطار، ملعب، سجن… without ال). */
function isFacilityHead(w: Word, res: EngineResources): boolean {
  return res.facilityHeads.has(w.entityForm) && !isDefinite(w.entityForm);
}

/**
 * Whether word i can carry no preposition, so that a first letter that looks like one is its own:
 * it follows a head noun in construct (مدينة، إقليم، مطار، شرطة… without ال: مدينة باتومي، إقليم
 * بونتلاند, not ب + اتومي), or a preposition written apart (في باتومي، إلى بروكسل).
 */
function takesNoPreposition(line: LineContext, i: number, res: EngineResources): boolean {
  const w = line.words[i];
  if (i === 0 || w.kind !== 'arabic') return false;
  // Before the article (بالعراق، للحشد) or a listed name the word itself is not (ببغداد), a
  // preposition is one whatever comes before: حتى and a preposition written apart may precede it.
  const carried = w.entityStart > w.afterConjunction;
  if (carried && (w.entityForm.startsWith('ال') || (w.starts & (STARTS.gazetteer | STARTS.gazetteerAfterProclitics)) === STARTS.gazetteerAfterProclitics)) return false;
  const before = line.words[i - 1];
  if (PREPOSITION_WORDS.has(before.text)) return true;
  const head = before.entityForm;
  if (isDefinite(head)) return false;
  return res.facilityHeads.has(head) || res.orgHeads.has(head) || res.placeHeads.longest(head, [head], 0)?.length === 1;
}

/** Prepositions written as words, as written (matching would make على the name علي). */
const PREPOSITION_WORDS: ReadonlySet<string> = new Set(['في', 'من', 'إلى', 'الى', 'على', 'عن', 'مع', 'منذ', 'نحو', 'عبر', 'لدى', 'عند', 'قرب', 'حتى', 'داخل', 'خارج', 'تجاه', 'ضد', 'حول', 'قبالة']);

/**
 * Whether words from..to are glued, with no space, to letters of another script (ويrول, a typo
 * that tokenizes as وي r ول): a name is never written so, and such a span is noise.
 */
function touchesOtherScript(line: LineContext, from: number, to: number): boolean {
  const { words } = line;
  for (let i = Math.max(from - 1, 0); i <= to && i + 1 < words.length; i++) {
    const a = words[i];
    const b = words[i + 1];
    if (a.end === b.start && a.kind !== b.kind && LETTERS.has(a.kind) && LETTERS.has(b.kind)) return true;
  }
  return false;
}

const LETTERS: ReadonlySet<string> = new Set(['arabic', 'latin']);

/** The place head (حي، محافظة، خليج…) that word i starts, if any. */
function placeHeadAt(line: LineContext, i: number, res: EngineResources) {
  return res.placeHeads.longest(line.words[i].entityForm, line.forms, i);
}

/** LOC becomes FAC after a facility head (مطار، قاعدة…), else what the gazetteer says, else GPE. */
function schemaTypeOf(native: string, line: LineContext, firstWord: number, schema: Schema, res: EngineResources): string | undefined {
  const candidates = schemaTypesOf(native, schema);
  if (candidates.length <= 1) return candidates[0];
  if (candidates.includes('FAC') && res.facilityHeads.has(line.words[firstWord].entityForm)) return 'FAC';
  const known = line.entities[firstWord]?.entry.type;
  return known && candidates.includes(known) ? known : candidates[0];
}

/** Types on which the tagger and the rules follow the same conventions (persons and places). */
const SHARED_TYPES = new Set(['PER', 'GPE', 'LOC']);

/**
 * How much a rule's person or place counts when the tagger does not propose the same span and
 * type. Chosen on ANERcorp's dev split (scripts/eval-engine.mjs, PERS/LOC/ORG F1): 1 → 73.5,
 * 0.7 → 73.9, 0.5 → 75.3, 0.3 → 74.4 (the rules' persons then fall under the default threshold).
 * Organizations keep their rules: the news schema counts ministries and armies, ANERcorp does not.
 */
const RULE_WITHOUT_MODEL = 0.5;

/** Rules' persons and places that the tagger does not also find count for less. */
export function weighAgainstModel(rules: readonly Proposal[], fromModel: readonly Proposal[]): Proposal[] {
  const agreed = new Set(fromModel.map((m) => `${m.start}:${m.end}:${m.type}`));
  return rules.map((r) =>
    SHARED_TYPES.has(r.type) && !agreed.has(`${r.start}:${r.end}:${r.type}`) ? { ...r, confidence: r.confidence * RULE_WITHOUT_MODEL } : r,
  );
}

/**
 * The tagger's spans that the rules name a listed group of people (NORP from the gazetteer, or a
 * paired word: السنة والشيعة، الأكراد) are left to the rules: ANERcorp has no such type, so the
 * tagger calls them ORG as its annotators sometimes did, while the news schema makes them NORP.
 * Nationality adjectives stay contested: many are also place names (السعودية، سورية).
 */
export function leaveGroupsToRules(fromModel: readonly Proposal[], rules: readonly Proposal[], line: LineContext, res: EngineResources): Proposal[] {
  const listed = (r: Proposal) => r.source === 'gazetteer' || (r.source === 'rule:nisba' && res.nisbas.get(wordAt(line, r.start)?.entityForm ?? '')?.paired);
  const groups = new Set(rules.filter((r) => r.type === 'NORP' && listed(r)).map((r) => `${r.start}:${r.end}`));
  return groups.size ? fromModel.filter((m) => !groups.has(`${m.start}:${m.end}`)) : [...fromModel];
}

const wordAt = (line: LineContext, entityStart: number) => line.words.find((w) => w.entityStart === entityStart);
