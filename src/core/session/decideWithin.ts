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
  /** Lines still waiting for their suggestions, if any. */
  readonly suggesting: { readonly doneLines: number; readonly totalLines: number } | undefined;
  suggestions(): readonly Suggestion[];
  eventSuggestions(): readonly EventSuggestion[];
  accept(target: TypedSpan): ActionResult;
  reject(target: TypedSpan): ActionResult;
  acceptEvent(target: EventTarget): ActionResult;
  /** Rejects the event of this type on this trigger span. */
  rejectEvent(target: TypedSpan): ActionResult;
}

/** The sentence holding `offset` (or the last one before it on its line). */
function sentenceAt(text: string, offset: number): Span | undefined {
  const sentences = sentencesAround(text, [{ start: offset, end: offset }]);
  return sentences.find((s) => s.start <= offset && offset <= s.end) ?? sentences.filter((s) => s.start <= offset).pop() ?? sentences[0];
}

/** The stretch a range stands for: itself when it holds text, else the sentence around it; and its name for messages. */
export function stretchOf(text: string, range: Span): { readonly span: Span; readonly place: string } | undefined {
  if (range.start < range.end) return { span: range, place: 'the selection' };
  const sentence = sentenceAt(text, range.start);
  return sentence && { span: { start: sentence.start, end: sentence.end }, place: 'this sentence' };
}

export const isWithin = (outer: Span, s: Span): boolean => outer.start <= s.start && s.end <= outer.end;

/** Accepts (or rejects) the suggestions inside `range`; an empty range stands for the sentence around it. */
export function decideWithin(ctx: DecideWithinContext, range: Span, decision: 'accept' | 'reject'): ActionResult {
  const stretch = stretchOf(ctx.text, range);
  if (!stretch) return { changed: false, message: 'There is no sentence at the cursor.' };
  const { span: where, place } = stretch;
  const progress = ctx.suggesting;
  if (progress) {
    return { changed: false, message: `Suggestions are still coming (${progress.doneLines} of ${progress.totalLines} lines); nothing was ${decision}ed. Try again in a moment.` };
  }
  const inside = (s: Span) => isWithin(where, s);
  const events = ctx.eventSuggestions().filter((e) => inside(e.trigger) && e.arguments.every(inside));
  // Surest first, so that of two overlapping suggestions the surer one is accepted.
  const entities = ctx.suggestions().filter(inside).sort((a, b) => b.confidence - a.confidence);
  const taken: Span[] = [];
  for (const s of entities) {
    const target = { start: s.start, end: s.end, type: s.type };
    if (decision === 'reject') {
      if (ctx.reject(target).changed) taken.push(s);
    } else if (!taken.some((t) => overlaps(t, s)) && ctx.accept(target).changed) taken.push(s);
  }
  let eventCount = 0;
  for (const e of events) {
    const done =
      decision === 'accept'
        ? ctx.acceptEvent({ type: e.type, trigger: e.trigger, arguments: e.arguments.map(({ role, start, end, type }) => ({ role, start, end, type })) })
        : ctx.rejectEvent({ ...e.trigger, type: e.type });
    if (done.changed) eventCount++;
  }
  if (taken.length === 0 && eventCount === 0) return { changed: false, message: `No suggestions in ${place}.` };
  const parts = [plural(taken.length, 'entity', 'entities'), eventCount ? plural(eventCount, 'event', 'events') : ''].filter(Boolean);
  return { changed: true, message: `${decision === 'accept' ? 'Accepted' : 'Rejected'} ${parts.join(' and ')} in ${place}.` };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
