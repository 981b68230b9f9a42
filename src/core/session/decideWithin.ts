// Deciding every suggestion in a stretch of text at once: the annotator checks a sentence (or
// selects a paragraph), fixes what is wrong, and accepts the rest in one step, as Prodigy's and
// Label Studio's "accept" take a whole example; or, where most suggestions are wrong, accepts the
// right ones and rejects the rest. Entities first, then the events whose trigger and arguments all
// lie inside (accepted events take the entities just accepted as their arguments).

import { overlaps, type Span, type Suggestion, type TypedSpan } from '../model';
import type { EventSuggestion } from '../events/types';
import { sentencesAround } from '../learning/sentenceTokens';
import type { ActionResult, EventTarget } from './actions';

export interface DecideWithinContext {
  readonly text: string;
  /**
   * Makes the suggestions final if the text is short enough to do it at once (after the model
   * learnt, they are recomputed in rounds); else the lines still waiting, if any.
   */
  finishSuggesting(): { readonly doneLines: number; readonly totalLines: number } | undefined;
  suggestions(): readonly Suggestion[];
  eventSuggestions(): readonly EventSuggestion[];
  accept(target: TypedSpan): ActionResult;
  reject(target: TypedSpan): ActionResult;
  acceptEvent(target: EventTarget): ActionResult;
  /** Rejects the event of this type on this trigger span. */
  rejectEvent(target: TypedSpan): ActionResult;
  /** Marks the annotations inside `span` that were taken unseen as reviewed; returns how many. */
  markReviewed(span: Span): number;
}

/** The sentence holding `offset` (or the last one before it on its line). */
function sentenceAt(text: string, offset: number): Span | undefined {
  const sentences = sentencesAround(text, [{ start: offset, end: offset }]);
  return sentences.find((s) => s.start <= offset && offset <= s.end) ?? sentences.filter((s) => s.start <= offset).pop() ?? sentences[0];
}

/** The stretch a range stands for: itself when it holds text, else the sentence around it; and its name for messages. */
function stretchOf(text: string, range: Span): { readonly span: Span; readonly place: string } | undefined {
  if (range.start <= 0 && range.end >= text.length) return { span: range, place: 'the article' };
  if (range.start < range.end) return { span: range, place: 'the selection' };
  const sentence = sentenceAt(text, range.start);
  return sentence && { span: { start: sentence.start, end: sentence.end }, place: 'this sentence' };
}

const isWithin = (outer: Span, s: Span): boolean => outer.start <= s.start && s.end <= outer.end;

/** What suggestionsWithin reads. */
export type WithinSource = Pick<DecideWithinContext, 'text' | 'suggestions' | 'eventSuggestions'>;

/** The stretch a range stands for (see stretchOf), its name, and what deciding it takes. */
export interface Within {
  readonly span: Span;
  readonly place: string;
  /** The entity suggestions inside it (of the type asked for). */
  readonly entities: readonly Suggestion[];
  /** The event suggestions whose trigger and arguments all lie inside it. */
  readonly events: readonly EventSuggestion[];
}

/** With `minConfidence`: only the entity suggestions at least that confident, and no events (accepting one accepts its arguments, however sure they are). */
export function suggestionsWithin(source: WithinSource, range: Span, only?: string, minConfidence?: number): Within | undefined {
  const stretch = stretchOf(source.text, range);
  if (!stretch) return undefined;
  const ofType = (s: { readonly type: string }) => only === undefined || s.type === only;
  const inside = (s: Span) => isWithin(stretch.span, s);
  const sure = (s: Suggestion) => minConfidence === undefined || s.confidence >= minConfidence;
  return {
    ...stretch,
    entities: source.suggestions().filter((s) => ofType(s) && inside(s) && sure(s)),
    events: minConfidence === undefined ? source.eventSuggestions().filter((e) => ofType(e) && inside(e.trigger) && e.arguments.every(inside)) : [],
  };
}

/** How many suggestions accepting (of overlapping entities, the surest) or rejecting `within` decides. */
export function decidedCount(within: Within, decision: 'accept' | 'reject'): number {
  return (decision === 'accept' ? withoutOverlaps(within.entities) : within.entities).length + within.events.length;
}

/**
 * Accepts (or rejects) the suggestions inside `range`; an empty range stands for the sentence around
 * it. `only`: just the suggestions of this entity or event type. `minConfidence` (accepting): just
 * the entity suggestions at least that confident.
 */
export function decideWithin(ctx: DecideWithinContext, range: Span, decision: 'accept' | 'reject', only?: string, minConfidence?: number): ActionResult {
  const progress = ctx.finishSuggesting();
  if (progress) {
    return { changed: false, message: `Suggestions are still coming (${progress.doneLines} of ${progress.totalLines} lines); nothing was ${decision}ed. Try again in a moment.` };
  }
  const within = suggestionsWithin(ctx, range, only, minConfidence);
  if (!within) return { changed: false, message: 'There is no sentence at the cursor.' };
  const { place, entities: inRange, events } = within;
  const sure = minConfidence === undefined ? '' : ` of confidence ${Math.round(minConfidence * 100)}% or more`;
  let entityCount = 0;
  for (const { start, end, type } of decision === 'accept' ? withoutOverlaps(inRange) : inRange) {
    const target = { start, end, type };
    if ((decision === 'accept' ? ctx.accept(target) : ctx.reject(target)).changed) entityCount++;
  }
  let eventCount = 0;
  for (const e of events) {
    const done =
      decision === 'accept'
        ? ctx.acceptEvent({ type: e.type, trigger: e.trigger, arguments: e.arguments.map(({ role, start, end, type }) => ({ role, start, end, type })) })
        : ctx.rejectEvent({ ...e.trigger, type: e.type });
    if (done.changed) eventCount++;
  }
  const kind = only === undefined ? '' : `${only} `;
  // Accepting a stretch also confirms what Accept Confident Entity Suggestions took there unseen.
  const reviewed = decision === 'accept' && minConfidence === undefined && only === undefined ? ctx.markReviewed(within.span) : 0;
  const reviewedCount = `${plural(reviewed, 'annotation', 'annotations')} taken unseen`;
  if (entityCount === 0 && eventCount === 0) {
    return reviewed ? { changed: true, message: `Reviewed ${reviewedCount} in ${place}.` } : { changed: false, message: `No ${kind}suggestions${sure} in ${place}.` };
  }
  const parts = [
    entityCount || !eventCount ? plural(entityCount, `${kind}entity`, `${kind}entities`) : '',
    eventCount ? plural(eventCount, `${kind}event`, `${kind}events`) : '',
  ].filter(Boolean);
  return { changed: true, message: `${decision === 'accept' ? 'Accepted' : 'Rejected'} ${parts.join(' and ')}${sure} in ${place}${reviewed ? `; reviewed ${reviewedCount}` : ''}.` };
}

/** Of overlapping suggestions, the surest (suggestions come sorted by position, so a kept one overlapping the next is the last kept). */
function withoutOverlaps<T extends Span & { readonly confidence: number }>(sorted: readonly T[]): T[] {
  const kept: T[] = [];
  for (const s of sorted) {
    const last = kept[kept.length - 1];
    if (!last || !overlaps(last, s)) kept.push(s);
    else if (s.confidence > last.confidence) kept[kept.length - 1] = s;
  }
  return kept;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
