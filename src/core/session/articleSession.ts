// One open article: its text, its annotations kept in step with edits, and the suggestions the
// engine makes for it. Everything the editor, the tree and the LSP adapter show comes from here.

import { type EntityAnnotation, type EventAnnotation, sameSpan, type Span, spanOf, type Suggestion, typedSpanOf, type TypedSpan } from '../model';
import type { Schema } from '../schema/types';
import { SpanSet } from '../spanSet';
import { AnnotationStore } from '../store/annotationStore';
import { applyChange, diffAsChange, type TextChange } from '../store/textChange';
import { DEFAULT_MIN_CONFIDENCE, type SuggestionEngine } from '../suggest/types';
import { FORMAT_CONTROL, isSpace, normalizeForMatching } from '../text/normalize';
import { segmentProclitics } from '../text/clitics';
import { tokenize } from '../text/tokenize';
import type { EventSuggester, EventSuggestion } from '../events/types';
import { acceptsUnseen, type ActionResult, type AnnotationAction } from './actions';
import * as events from './eventEditing';
import { decideWithin, type DecideWithinContext } from './decideWithin';
import { DecisionHistory } from './decisionHistory';
import { sentencesAround } from '../learning/sentenceTokens';

export interface SessionOptions {
  /** Suggestions below this confidence are not shown. */
  minConfidence?: number;
  /** When false, no suggestions are made (the annotator works by hand). */
  suggestionsEnabled?: boolean;
}

/**
 * The engine's time for new lines in the first call after a change. A long text (hundreds of KB)
 * is suggested over several calls whose budgets double, so the first suggestions show quickly and
 * the rest follow (see `suggesting`).
 */
const FIRST_BUDGET_MS = 300;

/** Texts up to this many characters are suggested to the end before a decision on all of a range's suggestions. */
const FINISH_AT_ONCE = 100_000;

export class ArticleSession {
  private current: string;
  private cachedSuggestions: Suggestion[] | undefined;
  /** The suggestions under the minimum confidence, computed with cachedSuggestions. */
  private hidden: Suggestion[] = [];
  /** Lines of the text whose suggestions are final (a long text is suggested over several calls). */
  private progress = { doneLines: 0, totalLines: 0, complete: true };
  /** Time the engine may spend on lines not analysed yet, per call; doubles while a long text is in progress. */
  private budgetMs = FIRST_BUDGET_MS;
  private cachedEventSuggestions: EventSuggestion[] | undefined;
  /** The exceptions of the last entity and event suggesting, if they failed (see suggestionFailure). */
  private entityFailure: Error | undefined;
  /** The trained model's, when the last entity suggestions were the rules' alone. */
  private modelFailure: Error | undefined;
  private eventFailure: Error | undefined;
  private readonly history = new DecisionHistory();
  /** Incremented on every change of the text or the annotations. */
  revision = 0;

  constructor(
    text: string,
    readonly store: AnnotationStore,
    public schema: Schema,
    private readonly engine: SuggestionEngine,
    private options: SessionOptions = {},
    private readonly eventSuggester?: EventSuggester,
  ) {
    this.current = text;
  }

  get text(): string {
    return this.current;
  }

  setOptions(options: SessionOptions): void {
    this.options = options;
    this.invalidate();
  }

  /** Makes the next `suggestions()` ask the engine again (its model changed). */
  refreshSuggestions(): void {
    this.invalidate();
  }

  setSchema(schema: Schema): void {
    this.schema = schema;
    this.invalidate();
  }

  /** Applies changes in order (each in the coordinates of the text the previous one produced). */
  applyChanges(changes: readonly TextChange[]): EntityAnnotation[] {
    const removed: EntityAnnotation[] = [];
    for (const change of changes) {
      removed.push(...this.store.applyChange(this.current, change).removed);
      this.history.track(change);
      this.current = applyChange(this.current, change);
    }
    if (changes.length) this.invalidate();
    return removed;
  }

  /** Replaces the whole text, tracking annotations through the smallest single change. */
  replaceText(text: string): EntityAnnotation[] {
    const change = diffAsChange(this.current, text);
    return change ? this.applyChanges([change]) : [];
  }

  /** Replaces every annotation (for example after reading the files again). */
  replaceAnnotations(annotations: readonly EntityAnnotation[], reservedIds: readonly (string | undefined)[] = [], events: readonly EventAnnotation[] = []): void {
    this.store.replaceAll(annotations, reservedIds, events);
    this.history.clear();
    this.invalidate();
  }

  /** Accepted text-bound annotations: entities and event triggers. */
  accepted(): EntityAnnotation[] {
    return this.store.withStatus('accepted');
  }

  /** Accepted entities (not event triggers). */
  entities(): EntityAnnotation[] {
    return this.accepted().filter((a) => !this.isTrigger(a));
  }

  /** The accepted entity (not a trigger) of exactly this one span, if any. */
  private entityAt(span: Span): EntityAnnotation | undefined {
    return this.store.withExtent(span, 'accepted').find((a) => a.spans.length === 1 && !this.isTrigger(a));
  }

  /** An annotation is an event trigger when its type is an event type or an event points at it as its trigger. */
  isTrigger(a: EntityAnnotation): boolean {
    return events.eventType(this.schema, a.type) !== undefined || this.store.isTrigger(a.id);
  }

  rejected(): EntityAnnotation[] {
    return this.store.withStatus('rejected');
  }

  /** Current suggestions: sorted, none overlapping an accepted annotation or matching a rejection. */
  suggestions(): Suggestion[] {
    if (this.cachedSuggestions) return this.cachedSuggestions;
    if (this.options.suggestionsEnabled === false) {
      this.hidden = [];
      return (this.cachedSuggestions = []);
    }
    const accepted = this.accepted();
    const request = {
      text: this.current,
      schema: this.schema,
      accepted: accepted.map(typedSpanOf),
      rejected: this.rejected().map(typedSpanOf),
      document: this,
    };
    let result;
    try {
      result = this.engine.suggestWithin(request, this.budgetMs);
      this.entityFailure = undefined;
    } catch (e) {
      this.entityFailure = e as Error;
      result = { suggestions: [], doneLines: 0, totalLines: 0, complete: true };
    }
    this.modelFailure = result.modelFailure;
    const { suggestions: all, doneLines, totalLines, complete } = result;
    this.progress = { doneLines, totalLines, complete };
    this.budgetMs = complete ? FIRST_BUDGET_MS : this.budgetMs * 2;
    const min = this.options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
    const known = new Set(this.annotatableTypes());
    const taken = new SpanSet(accepted.flatMap((a) => a.spans));
    const open = all.filter((s) => known.has(s.type) && !taken.overlapsAny(s));
    this.cachedSuggestions = open.filter((s) => s.confidence >= min);
    this.hidden = open.filter((s) => s.confidence < min);
    return this.cachedSuggestions;
  }

  /** The suggestions hidden under the minimum confidence (an annotation made by hand over one bears its kind out). */
  hiddenSuggestions(): Suggestion[] {
    this.suggestions();
    return this.hidden;
  }

  /**
   * While some lines still wait for their suggestions, or for their final ones: the lines that have
   * suggestions, of all (call suggestions() again after refreshSuggestions()).
   */
  get suggesting(): { readonly doneLines: number; readonly totalLines: number } | undefined {
    this.suggestions();
    const { doneLines, totalLines, complete } = this.progress;
    return complete ? undefined : { doneLines, totalLines };
  }

  /**
   * Current event suggestions: their arguments come from accepted entities and entity suggestions;
   * none over an accepted event's trigger or matching a rejected one.
   */
  eventSuggestions(): EventSuggestion[] {
    if (this.cachedEventSuggestions) return this.cachedEventSuggestions;
    if (!this.eventSuggester || this.options.suggestionsEnabled === false || this.schema.events.length === 0) return (this.cachedEventSuggestions = []);
    // Events read the entity suggestions of their sentence: they wait until all are there.
    if (this.suggesting) return (this.cachedEventSuggestions = []);
    const entities = [
      ...this.entities().map((a) => ({ ...typedSpanOf(a), confidence: 1, accepted: true })),
      ...this.suggestions().map((s) => ({ start: s.start, end: s.end, type: s.type, confidence: s.confidence, accepted: false })),
    ];
    const min = this.options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
    let suggested: EventSuggestion[];
    try {
      suggested = this.eventSuggester.suggest({
        text: this.current,
        schema: this.schema,
        entities,
        acceptedTriggers: this.store.events().map((e) => spanOf(this.store.get(e.trigger)!)),
        rejected: this.rejected().filter((r) => events.eventType(this.schema, r.type)).map(typedSpanOf),
      });
      this.eventFailure = undefined;
    } catch (e) {
      this.eventFailure = e as Error;
      suggested = [];
    }
    this.cachedEventSuggestions = suggested.filter((e) => e.confidence >= min);
    return this.cachedEventSuggestions;
  }

  /**
   * Why the last suggestions could not be made (an engine bug): the article then shows none (the
   * rules' alone when only the trained model failed), and everything else (annotating by hand,
   * saving) goes on. Gone once suggesting works again.
   */
  get suggestionFailure(): { readonly message: string; readonly error: Error } | undefined {
    const afterwards = 'Annotating by hand and saving work as usual, and nothing is lost.';
    const [kind, error] = this.entityFailure ? ['entity', this.entityFailure] : this.eventFailure ? ['event', this.eventFailure] : [];
    if (error) return { message: `Tawsim could not make ${kind} suggestions for this article (${error.message}); none are shown. ${afterwards}`, error };
    if (this.modelFailure) {
      return { message: `Tawsim's trained model could not suggest for this article (${this.modelFailure.message}); only the rules' entity suggestions are shown. ${afterwards}`, error: this.modelFailure };
    }
    return undefined;
  }

  textOf(spans: readonly Span[]): string {
    return spans.map((s) => this.current.slice(s.start, s.end)).join(' ');
  }

  perform(action: AnnotationAction): ActionResult {
    let result: ActionResult;
    if (action.kind === 'undo') result = this.history.undo(this.store);
    else if (action.kind === 'redo') result = this.history.redo(this.store);
    else {
      const { result: decided, changes } = this.store.recording(() => {
        const r = this.dispatch(action);
        if (r.changed) this.noteReview(acceptsUnseen(action));
        return r;
      });
      if (decided.changed) this.history.record(decided.message, changes);
      result = decided;
    }
    if (result.changed) this.invalidate();
    return result;
  }

  /**
   * Within a decision being recorded: the annotations a confident accept (`unseen`) took are marked
   * unseen; any other decision marks the sentences it touched as reviewed (undo takes either back).
   */
  private noteReview(unseen: boolean): void {
    const changed = this.store.recordedEntities();
    if (unseen) {
      for (const { before, after } of changed) if (!before && after?.status === 'accepted') this.store.setUnseen(after.id, true);
      return;
    }
    if (!this.accepted().some((a) => a.unseen)) return;
    const touched = changed.flatMap((c) => [...(c.before?.spans ?? []), ...(c.after?.spans ?? [])]);
    const inTouched = new SpanSet(touched);
    const sentences = new SpanSet(sentencesAround(this.current, touched).filter((s) => inTouched.overlapsAny(s)));
    this.markReviewed((a) => sentences.overlapsAny(a));
  }

  /** Marks the annotations taken unseen whose extent `where` takes as reviewed; returns how many. */
  private markReviewed(where: (extent: Span) => boolean): number {
    const unseen = this.accepted().filter((a) => a.unseen && where(spanOf(a)));
    for (const a of unseen) this.store.setUnseen(a.id, false);
    return unseen.length;
  }

  /** The number of the last decision made (or redone) and not undone: what undo would take back. */
  get lastDecision(): number | undefined {
    return this.history.lastId;
  }

  /** What undo and redo would do now, as the annotator was told when it was done. */
  get undoable(): { readonly undo?: string; readonly redo?: string } {
    return { undo: this.history.nextUndo, redo: this.history.nextRedo };
  }

  private dispatch(action: Exclude<AnnotationAction, { kind: 'undo' | 'redo' }>): ActionResult {
    switch (action.kind) {
      case 'accept':
        return this.accept(action.target);
      case 'annotate':
        return this.annotate(action.target);
      case 'acceptAllSame':
        return this.forAllSame(action.target, (s) => this.accept(s), 'Accepted');
      case 'acceptWithin':
        return decideWithin(this.bulkContext(), action.range, 'accept', action.type, action.minConfidence);
      case 'rejectWithin':
        return decideWithin(this.bulkContext(), action.range, 'reject', action.type);
      case 'reject':
        return this.reject(action.target);
      case 'rejectAllSame':
        return this.forAllSame(action.target, (s) => this.reject(s), 'Rejected');
      case 'changeType':
        return this.changeType(action.id, action.type);
      case 'delete':
        return this.delete(action.id);
      case 'resize':
        return this.resize(action.id, action.edge, action.delta);
      case 'toggleProclitic':
        return this.toggleProclitic(action.id);
      case 'acceptEvent':
        return events.acceptEvent(this.eventContext(), action.event);
      case 'rejectEvent':
        return events.rejectEvent(this.eventContext(), action.target);
      case 'createEvent': {
        const trimmed = trimSpan(this.current, action.target);
        if (!trimmed) return { changed: false, message: 'The selection holds no text to make a trigger of.' };
        return events.createEvent(this.eventContext(), { ...trimmed, type: action.target.type });
      }
      case 'changeEventType':
        return events.changeEventType(this.eventContext(), action.id, action.type);
      case 'addArgument':
        return events.addArgument(this.eventContext(), action.id, action.role, action.target);
      case 'removeArgument':
        return events.removeArgument(this.eventContext(), action.id, action.role, action.target);
      case 'deleteEvent':
        return events.deleteEvent(this.eventContext(), action.id);
    }
  }

  private accept(target: TypedSpan): ActionResult {
    const check = this.checkTarget(target);
    if (check) return check;
    const existing = this.entityAt(target);
    if (existing) {
      if (existing.type === target.type) return { changed: false, message: `Already accepted as ${target.type}.` };
      this.store.update(existing.id, { type: target.type });
    } else {
      this.store.add(target.type, [target], 'accepted');
    }
    this.forgetRejections(target);
    return { changed: true, message: `Accepted «${this.textOf([target])}» as ${target.type}.` };
  }

  private annotate(target: TypedSpan): ActionResult {
    const trimmed = trimSpan(this.current, target);
    if (!trimmed) return { changed: false, message: 'The selection holds no text to annotate.' };
    return this.accept({ ...trimmed, type: target.type });
  }

  /** Rejects a suggestion; rejecting an accepted annotation (one accepted unseen, say) deletes it too, so that it is not suggested again. */
  private reject(target: TypedSpan): ActionResult {
    const check = this.checkTarget(target);
    if (check) return check;
    const accepted = this.store.withExtent(target, 'accepted').find((a) => a.type === target.type && !this.isTrigger(a));
    const notes = accepted ? events.detachFromEvents(this.store, accepted.id, (e) => `${e.type} ${e.id}`) : [];
    if (accepted) this.store.remove(accepted.id);
    const already = this.store.withExtent(target, 'rejected').some((a) => a.type === target.type);
    if (!already) this.store.add(target.type, [target], 'rejected');
    const was = accepted ? ` (it was accepted${notes.length ? `; ${notes.join('; ')}` : ''})` : '';
    return { changed: !already || !!accepted, message: `Rejected «${this.textOf([target])}» as ${target.type}${was}.` };
  }

  private forAllSame(target: TypedSpan, act: (s: TypedSpan) => ActionResult, verb: string): ActionResult {
    const key = this.mentionKey(target);
    const same = this.suggestions().filter((s) => s.type === target.type && this.mentionKey(s) === key);
    if (!same.some((s) => sameSpan(s, target))) same.push({ ...target, confidence: 1, source: 'consistency' });
    let count = 0;
    for (const s of same) if (act({ start: s.start, end: s.end, type: s.type }).changed) count++;
    return { changed: count > 0, message: `${verb} ${count} mention${count === 1 ? '' : 's'} of «${this.textOf([target])}» as ${target.type}.` };
  }

  private changeType(id: string, type: string): ActionResult {
    const a = this.store.get(id);
    if (!a || a.status !== 'accepted') return { changed: false, message: `No accepted annotation ${id}.` };
    if (!this.annotatableTypes().includes(type)) return { changed: false, message: `The schema has no entity type ${type}.` };
    if (a.type === type) return { changed: false, message: `Already ${type}.` };
    this.store.update(id, { type });
    return { changed: true, message: `«${this.textOf(a.spans)}» is now ${type}.` };
  }

  private delete(id: string): ActionResult {
    const notes = events.detachFromEvents(this.store, id, (e) => `${e.type} ${e.id}`);
    const a = this.store.remove(id);
    if (!a) return { changed: false, message: `No annotation ${id}.` };
    if (a.status === 'rejected') return { changed: true, message: `«${this.textOf(a.spans)}» may be suggested as ${a.type} again.` };
    return { changed: true, message: `Deleted «${this.textOf(a.spans)}» (${a.type})${notes.length ? `; ${notes.join('; ')}` : ''}.` };
  }

  private bulkContext(): DecideWithinContext {
    return {
      text: this.current,
      finishSuggesting: () => {
        // Each round doubles the engine's time budget; a bound keeps an engine that never finishes from hanging.
        for (let round = 0; round < 10 && this.current.length <= FINISH_AT_ONCE && this.suggesting; round++) this.refreshSuggestions();
        return this.suggesting;
      },
      suggestions: () => this.suggestions(),
      eventSuggestions: () => this.eventSuggestions(),
      accept: (target) => this.accept(target),
      reject: (target) => this.reject(target),
      acceptEvent: (target) => events.acceptEvent(this.eventContext(), target),
      rejectEvent: (target) => events.rejectEvent(this.eventContext(), target),
      markReviewed: (span) => this.markReviewed((a) => span.start <= a.start && a.end <= span.end),
    };
  }

  private eventContext(): events.EventEditingContext {
    return {
      store: this.store,
      schema: this.schema,
      textOf: (spans) => this.textOf(spans),
      acceptEntity: (target) => {
        const existing = this.entityAt(target);
        if (existing) return existing.id;
        const result = this.accept(target);
        if (!result.changed) return result;
        return this.entityAt(target)!.id;
      },
      checkSpan: (span) => (span.start >= 0 && span.end <= this.current.length && span.start < span.end ? undefined : { changed: false, message: 'That span is no longer in the text.' }),
    };
  }

  private resize(id: string, edge: 'start' | 'end', delta: number): ActionResult {
    const a = this.store.get(id);
    if (!a || a.status !== 'accepted') return { changed: false, message: `No accepted annotation ${id}.` };
    const spans = a.spans.map((s) => ({ ...s }));
    const i = edge === 'start' ? 0 : spans.length - 1;
    const s = spans[i];
    if (edge === 'start') s.start = stepOffset(this.current, s.start, -delta);
    else s.end = stepOffset(this.current, s.end, delta);
    if (s.start >= s.end || s.start < 0 || s.end > this.current.length) return { changed: false, message: 'The span cannot shrink to nothing or grow past the text.' };
    this.store.update(id, { spans });
    return { changed: true, message: `«${this.textOf(spans)}» (${a.type}).` };
  }

  /**
   * How toggling the proclitics of an accepted annotation would move its start: include them when
   * the span starts after them, exclude them when it starts on them. Undefined when the first word
   * has none.
   */
  procliticToggle(id: string): { start: number; clitic: string; include: boolean } | undefined {
    const a = this.store.get(id);
    if (!a) return undefined;
    const first = a.spans[0];
    const token = wordAt(this.current, first.start);
    if (!token) return undefined;
    // The word as written: its offsets count the bidi marks and joiners that token.text leaves out.
    const cliticEnd = token.start + segmentProclitics(this.current.slice(token.start, token.end)).entityStart;
    if (first.start === token.start && cliticEnd > token.start && cliticEnd < first.end) {
      return { start: cliticEnd, clitic: this.current.slice(token.start, cliticEnd), include: false };
    }
    if (first.start > token.start) return { start: token.start, clitic: this.current.slice(token.start, first.start), include: true };
    return undefined;
  }

  private toggleProclitic(id: string): ActionResult {
    const a = this.store.get(id);
    if (!a || a.status !== 'accepted') return { changed: false, message: `No accepted annotation ${id}.` };
    const toggle = this.procliticToggle(id);
    if (!toggle) return { changed: false, message: 'The first word has no proclitic.' };
    const spans = [{ start: toggle.start, end: a.spans[0].end }, ...a.spans.slice(1)];
    this.store.update(id, { spans });
    return { changed: true, message: `«${this.textOf(spans)}» (${a.type}).` };
  }

  private checkTarget(target: TypedSpan): ActionResult | undefined {
    if (!(target.start >= 0 && target.end <= this.current.length && target.start < target.end)) {
      return { changed: false, message: 'That span is no longer in the text.' };
    }
    if (!this.annotatableTypes().includes(target.type)) {
      return { changed: false, message: `The schema has no entity type ${target.type}.` };
    }
    return undefined;
  }

  /** Entity types an annotation may have (brat's abstract `!Type`s only group others). */
  private annotatableTypes(): string[] {
    return this.schema.entities.filter((e) => !e.abstract).map((e) => e.name);
  }

  private forgetRejections(target: TypedSpan): void {
    for (const r of this.store.withExtent(target, 'rejected')) this.store.remove(r.id);
  }

  /** Mentions are "the same" when their normalized texts agree. */
  private mentionKey(span: Span): string {
    return normalizeForMatching(this.current.slice(span.start, span.end));
  }

  private invalidate(): void {
    this.cachedSuggestions = undefined;
    this.cachedEventSuggestions = undefined;
    this.revision++;
  }
}

/** Leaves out whitespace and format controls at both ends of a span. */
function trimSpan(text: string, span: Span): Span | undefined {
  let { start, end } = span;
  const blank = (ch: string) => isSpace(ch) || FORMAT_CONTROL.test(ch);
  while (start < end && blank(text[start])) start++;
  while (end > start && blank(text[end - 1])) end--;
  return start < end ? { start, end } : undefined;
}

/** The token that contains `offset` (tokenizing only the neighbourhood). */
function wordAt(text: string, offset: number) {
  const from = Math.max(0, offset - 64);
  const to = Math.min(text.length, offset + 64);
  const t = tokenize(text.slice(from, to)).find((k) => k.start + from <= offset && offset < k.end + from);
  return t && { ...t, start: t.start + from, end: t.end + from };
}

/** Moves an offset by `delta` characters, stepping over whole surrogate pairs. */
function stepOffset(text: string, offset: number, delta: number): number {
  let o = offset;
  for (let i = 0; i < Math.abs(delta); i++) {
    o += Math.sign(delta);
    const c = text.charCodeAt(o);
    if (c >= 0xdc00 && c <= 0xdfff && o > 0 && o < text.length) o += Math.sign(delta);
  }
  return o;
}
