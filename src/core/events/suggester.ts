// The event suggester: triggers from the lexicon, filtered by their context, then arguments from
// the entities of the same sentence. Everything is computed per sentence, at offsets relative to
// its start: a sentence's words and trigger candidates are cached by its text, its events by its
// text and the entities and decisions inside it, so that an edit recomputes only the sentences it
// touched (the server re-runs the suggester on every edit).

import { overlaps, type Span, type TypedSpan } from '../model';
import type { EventTypeDef, Schema } from '../schema/types';
import { LruCache } from '../suggest/lineCache';
import { splitLines } from '../suggest/requestLines';
import { splitSentences } from '../text';
import { assignArguments } from './arguments';
import { eventConfidence } from './confidence';
import { findCandidates, type Candidate } from './context';
import { placeEntities, type SentenceEntity } from './entities';
import { checkPendingRules } from './entityRules';
import type { EventResources } from './resources';
import { readSentence, wordsBetween, type SentenceWord } from './sentence';
import type { CandidateEntity, EventSuggester, EventSuggestion, EventSuggestRequest } from './types';

export interface EventSuggesterOptions {
  /** Distinct sentences whose analysis (and events) are kept between calls (default 5000). */
  readonly cacheSize?: number;
}

/** A weak trigger (استهدف) gives way to another trigger of its type within this many words. */
const WEAK_REACH = 4;
/** A trigger inside an entity at least this sure (or accepted) is part of a name, not an event. */
const NAME_CONFIDENCE = 0.5;

interface AnalyzedSentence {
  readonly words: readonly SentenceWord[];
  readonly candidates: readonly Candidate[];
}

/** What the events of one sentence depend on besides its text, at offsets relative to it. */
interface SentenceInput {
  readonly text: string;
  readonly entities: readonly CandidateEntity[];
  readonly acceptedTriggers: readonly Span[];
  readonly rejected: readonly TypedSpan[];
}

interface Chosen {
  readonly candidate: Candidate;
  readonly type: EventTypeDef;
  readonly confidence: number;
  readonly source: EventSuggestion['source'];
  readonly weak: boolean;
}

export function createEventSuggester(resources: EventResources, options: EventSuggesterOptions = {}): EventSuggester {
  const size = options.cacheSize ?? 5000;
  const analyses = new LruCache<string, AnalyzedSentence>(size);
  const results = new WeakMap<Schema, LruCache<string, EventSuggestion[]>>();
  /** Sentences never cross a line: each distinct line is split once. */
  const lineSentences = new LruCache<string, readonly Span[]>(size);
  const sentencesOf = (line: string): readonly Span[] => {
    let sentences = lineSentences.get(line);
    if (!sentences) lineSentences.set(line, (sentences = splitSentences(line).map(({ start, end }) => ({ start, end }))));
    return sentences;
  };
  /** The sentences of a document, in order. */
  const documentSentences = function* (text: string): Generator<Span> {
    const lines = [...splitLines(text)];
    lineSentences.reserve(lines.length);
    for (const line of lines) {
      for (const s of sentencesOf(line.text)) yield { start: line.start + s.start, end: line.start + s.end };
    }
  };
  const analyze = (text: string): AnalyzedSentence => {
    let analyzed = analyses.get(text);
    if (!analyzed) {
      const words = readSentence(text, resources.lexicon);
      analyzed = { words, candidates: findCandidates(words, resources.cues) };
      analyses.set(text, analyzed);
    }
    return analyzed;
  };

  return {
    suggest(request: EventSuggestRequest): EventSuggestion[] {
      const types = new Map(request.schema.events.filter((e) => !e.abstract).map((e) => [e.name, e]));
      if (types.size === 0) return [];
      let cache = results.get(request.schema);
      if (!cache) results.set(request.schema, (cache = new LruCache(size)));
      const entities = new SortedSpans(request.entities);
      const acceptedTriggers = new SortedSpans(request.acceptedTriggers);
      const rejected = new SortedSpans(request.rejected);
      const out: EventSuggestion[] = [];
      let sentences = 0;
      for (const sentence of documentSentences(request.text)) {
        sentences++;
        const text = request.text.slice(sentence.start, sentence.end);
        const analyzed = analyze(text);
        if (analyzed.candidates.length === 0) continue;
        const input: SentenceInput = {
          text,
          entities: entities.within(sentence),
          acceptedTriggers: acceptedTriggers.within(sentence),
          rejected: rejected.within(sentence),
        };
        const key = keyOf(input);
        let events = cache.get(key);
        if (!events) cache.set(key, (events = sentenceEvents(analyzed, input, types, request.schema, resources)));
        for (const ev of events) out.push(shifted(ev, sentence.start));
      }
      // Grow to the largest document, so that an edit of it recomputes only what it touched.
      analyses.reserve(sentences);
      cache.reserve(sentences);
      return out;
    },
  };
}

/** Spans sorted by start, read sentence by sentence in text order (one pass over the document). */
class SortedSpans<T extends Span> {
  private readonly spans: T[];
  private next = 0;

  constructor(spans: readonly T[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** The spans inside `sentence`, made relative to its start; sentences must come in text order. */
  within(sentence: Span): T[] {
    while (this.next < this.spans.length && this.spans[this.next].start < sentence.start) this.next++;
    const out: T[] = [];
    for (let k = this.next; k < this.spans.length && this.spans[k].start < sentence.end; k++) {
      const s = this.spans[k];
      if (s.end <= sentence.end) out.push({ ...s, start: s.start - sentence.start, end: s.end - sentence.start });
    }
    return out;
  }
}

function keyOf(input: SentenceInput): string {
  const entities = input.entities.map((n) => `${n.start},${n.end},${n.type},${n.accepted ? 'a' : n.confidence}`).join(';');
  const accepted = input.acceptedTriggers.map((t) => `${t.start},${t.end}`).join(';');
  const rejected = input.rejected.map((r) => `${r.start},${r.end},${r.type}`).join(';');
  return `${input.text}\u0000${entities}\u0000${accepted}\u0000${rejected}`;
}

function shifted(ev: EventSuggestion, by: number): EventSuggestion {
  return {
    ...ev,
    trigger: { start: ev.trigger.start + by, end: ev.trigger.end + by },
    arguments: ev.arguments.map((a) => ({ ...a, start: a.start + by, end: a.end + by })),
  };
}

/** The events of one sentence, at offsets relative to it. */
function sentenceEvents(
  { words, candidates }: AnalyzedSentence,
  input: SentenceInput,
  types: ReadonlyMap<string, EventTypeDef>,
  schema: Schema,
  resources: EventResources,
): EventSuggestion[] {
  const placed = placeEntities(input.text, words, input.entities, resources.cues);
  const chosen = chooseTriggers(candidates, words, placed, types, input, schema, resources);
  const triggerWords = chosen.map((c) => c.candidate.word);
  return chosen.map((c) => {
    const reading = c.candidate.options.find((o) => o.reading.type === c.type.name)!.reading;
    const args = assignArguments(
      c.type,
      { word: c.candidate.word, pos: reading.pos, passive: c.candidate.passive, lemma: reading.lemma },
      placed,
      words,
      triggerWords.filter((w) => w !== c.candidate.word),
      schema,
    );
    return {
      type: c.type.name,
      trigger: { start: c.candidate.start, end: c.candidate.end },
      confidence: c.confidence,
      source: c.source,
      arguments: args.map((a) => ({ role: a.role, start: a.entity.entity.start, end: a.entity.entity.end, type: a.entity.entity.type, confidence: a.confidence })),
    };
  });
}

/** One event type per candidate (the likeliest allowed one), weak triggers dropped near strong ones. */
function chooseTriggers(
  candidates: readonly Candidate[],
  words: readonly SentenceWord[],
  entities: readonly SentenceEntity[],
  types: ReadonlyMap<string, EventTypeDef>,
  input: SentenceInput,
  schema: Schema,
  resources: EventResources,
): Chosen[] {
  const rejected = new Set(input.rejected.map((r) => `${r.type}:${r.start}:${r.end}`));
  const chosen: Chosen[] = [];
  for (const candidate of candidates) {
    const span: Span = { start: candidate.start, end: candidate.end };
    if (input.acceptedTriggers.some((t) => overlaps(t, span))) continue;
    if (entities.some(({ entity: n }) => (n.accepted || n.confidence >= NAME_CONFIDENCE) && overlaps(n, span))) continue;
    let best: Chosen | undefined;
    for (const option of candidate.options) {
      const type = types.get(option.reading.type);
      if (!type || rejected.has(`${type.name}:${span.start}:${span.end}`)) continue;
      const checked = checkPendingRules(option, candidate, type, words, entities, schema, resources.cues);
      if (!checked) continue;
      const source = checked.confirmed ? 'lexicon+context' : 'lexicon';
      const confidence = eventConfidence(source, checked.factor);
      if (!best || confidence > best.confidence) best = { candidate, type, confidence, source, weak: option.reading.rules.includes('weak') };
    }
    if (best) chosen.push(best);
  }
  return chosen.filter((c) => !c.weak || !chosen.some((o) => o !== c && !o.weak && o.type === c.type
    && wordsBetween(words, o.candidate.word, c.candidate.word) < WEAK_REACH));
}
