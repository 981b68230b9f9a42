// The annotations of one document (accepted ones and remembered rejections), kept in step with
// edits of its text. Annotations whose text is deleted are kept aside so that undo brings them back.

import { type AnnotationStatus, type EntityAnnotation, type EventAnnotation, type EventArgument, sameSpans, type Span, spanOf } from '../model';
import { moveSpans, type TextChange } from './textChange';

/** What one change did to one annotation, kept so that the change's undo can put it back. */
interface Tombstone {
  /** The annotation before the change. */
  readonly before: EntityAnnotation;
  /** Its spans right after the change, or undefined if the change deleted it. */
  readonly after?: readonly Span[];
  /** Where the change started, tracked through later changes. */
  at: number;
  /** `at` when the change happened: `before` and `after` are relative to that text. */
  readonly changedAt: number;
  /** The text the change removed, and the length of what it put instead. */
  readonly removedText: string;
  readonly insertedLength: number;
}

const MAX_TOMBSTONES = 200;

/** One annotation or event as a decision left it: its value before and after (undefined: absent). */
export interface Changed<T> {
  readonly id: string;
  readonly before: T | undefined;
  readonly after: T | undefined;
}

/** What a decision changed in the store. */
export interface StoreChanges {
  readonly entities: readonly Changed<EntityAnnotation>[];
  readonly events: readonly Changed<EventAnnotation>[];
}

/** The values of the ids a decision touches, as they were before it touched them. */
interface Journal {
  readonly entities: Map<string, EntityAnnotation | undefined>;
  readonly events: Map<string, EventAnnotation | undefined>;
}

/**
 * The annotations by id, indexed by extent (first start to last end), with their order by position
 * kept until one of them changes: accepting every suggestion of a long article looks up and adds
 * thousands of annotations.
 */
class Items extends Map<string, EntityAnnotation> {
  private ordered: readonly EntityAnnotation[] | undefined;
  private readonly byExtent = new Map<string, Set<string>>();

  override set(id: string, a: EntityAnnotation): this {
    this.unindex(id);
    const key = extentKey(spanOf(a));
    let ids = this.byExtent.get(key);
    if (!ids) this.byExtent.set(key, (ids = new Set()));
    ids.add(id);
    this.ordered = undefined;
    return super.set(id, a);
  }

  override delete(id: string): boolean {
    this.unindex(id);
    this.ordered = undefined;
    return super.delete(id);
  }

  override clear(): void {
    this.byExtent.clear();
    this.ordered = undefined;
    super.clear();
  }

  inOrder(): readonly EntityAnnotation[] {
    return (this.ordered ??= [...this.values()].sort(byPosition));
  }

  /** The annotations whose extent is exactly `span`. */
  withExtent(span: Span): EntityAnnotation[] {
    return [...(this.byExtent.get(extentKey(span)) ?? [])].map((id) => this.get(id)!);
  }

  private unindex(id: string): void {
    const old = this.get(id);
    if (!old) return;
    const key = extentKey(spanOf(old));
    const ids = this.byExtent.get(key)!;
    ids.delete(id);
    if (ids.size === 0) this.byExtent.delete(key);
  }
}

const extentKey = (s: Span): string => `${s.start}:${s.end}`;

/** The events by id, with the ids of their triggers kept until one of them changes. */
class Events extends Map<string, EventAnnotation> {
  private triggerIds: Set<string> | undefined;

  override set(id: string, e: EventAnnotation): this {
    this.triggerIds = undefined;
    return super.set(id, e);
  }

  override delete(id: string): boolean {
    this.triggerIds = undefined;
    return super.delete(id);
  }

  override clear(): void {
    this.triggerIds = undefined;
    super.clear();
  }

  triggers(): ReadonlySet<string> {
    return (this.triggerIds ??= new Set([...this.values()].map((e) => e.trigger)));
  }
}

export class AnnotationStore {
  private readonly items = new Items();
  /** Events point at annotations by id; while an edit has removed one they point at, they wait for its undo. */
  private readonly eventItems = new Events();
  private nextEvent = 1;
  private tombstones: Tombstone[] = [];
  private nextAccepted = 1;
  private nextRejected = 1;
  private journal: Journal | undefined;

  /** `reservedIds`: ids used elsewhere in the .ann (kept lines) that new annotations must not take. */
  constructor(initial: readonly EntityAnnotation[] = [], reservedIds: readonly (string | undefined)[] = [], events: readonly EventAnnotation[] = []) {
    this.replaceAll(initial, reservedIds, events);
  }

  replaceAll(annotations: readonly EntityAnnotation[], reservedIds: readonly (string | undefined)[] = [], events: readonly EventAnnotation[] = []): void {
    this.items.clear();
    this.eventItems.clear();
    this.tombstones = [];
    this.nextAccepted = 1;
    this.nextRejected = 1;
    this.nextEvent = 1;
    for (const id of reservedIds) if (id) this.reserve(id);
    for (const a of annotations) this.put(a);
    for (const e of events) this.putEvent(e);
  }

  /** Runs a decision and returns, with its result, what it changed (ids it changed and changed back are left out). */
  recording<T>(decide: () => T): { result: T; changes: StoreChanges } {
    const journal: Journal = { entities: new Map(), events: new Map() };
    this.journal = journal;
    let result: T;
    try {
      result = decide();
    } finally {
      this.journal = undefined;
    }
    const entities = [...journal.entities].map(([id, before]) => ({ id, before, after: this.items.get(id) })).filter((c) => c.before !== c.after);
    const events = [...journal.events].map(([id, before]) => ({ id, before, after: this.eventItems.get(id) })).filter((c) => c.before !== c.after);
    return { result, changes: { entities, events } };
  }

  /** Puts back the values a decision's changes had on one side of it (undo: `before`; redo: `after`). */
  restore(changes: StoreChanges, side: 'before' | 'after'): void {
    for (const c of changes.entities) {
      const value = c[side];
      if (value) this.put(value);
      else this.items.delete(c.id);
    }
    for (const c of changes.events) {
      const value = c[side];
      if (value) this.putEvent(value);
      else this.eventItems.delete(c.id);
    }
  }

  private noteEntity(id: string): void {
    if (this.journal && !this.journal.entities.has(id)) this.journal.entities.set(id, this.items.get(id));
  }

  private noteEvent(id: string): void {
    if (this.journal && !this.journal.events.has(id)) this.journal.events.set(id, this.eventItems.get(id));
  }

  /** Events whose trigger is in the store, with only the arguments that are (or are usable events). */
  events(): EventAnnotation[] {
    // An event is an argument only while its trigger is in the text (a deleted trigger takes it out of the file).
    const live = (id: string) => this.items.has(id) || this.items.has(this.eventItems.get(id)?.trigger ?? '');
    return [...this.eventItems.values()]
      .filter((e) => this.items.has(e.trigger))
      .map((e) => (e.args.every((a) => live(a.target)) ? e : { ...e, args: e.args.filter((a) => live(a.target)) }))
      .sort((x, y) => byPosition(this.items.get(x.trigger)!, this.items.get(y.trigger)!));
  }

  /** Whether an event has this annotation as its trigger. */
  isTrigger(id: string): boolean {
    return this.eventItems.triggers().has(id);
  }

  getEvent(id: string): EventAnnotation | undefined {
    return this.eventItems.get(id);
  }

  addEvent(type: string, trigger: string, args: readonly EventArgument[]): EventAnnotation {
    const event: EventAnnotation = { id: `E${this.nextEvent}`, type, trigger, args: [...args] };
    this.putEvent(event);
    return event;
  }

  updateEvent(id: string, change: { type?: string; args?: readonly EventArgument[] }): EventAnnotation {
    const old = this.eventItems.get(id);
    if (!old) throw new Error(`No event ${id}`);
    const updated: EventAnnotation = { ...old, type: change.type ?? old.type, args: change.args ? [...change.args] : old.args };
    this.noteEvent(id);
    this.eventItems.set(id, updated);
    return updated;
  }

  removeEvent(id: string): EventAnnotation | undefined {
    const old = this.eventItems.get(id);
    this.noteEvent(id);
    this.eventItems.delete(id);
    return old;
  }

  private putEvent(e: EventAnnotation): void {
    this.noteEvent(e.id);
    this.eventItems.set(e.id, e);
    const n = Number(e.id.slice(1));
    if (Number.isInteger(n)) this.nextEvent = Math.max(this.nextEvent, n + 1);
  }

  all(): EntityAnnotation[] {
    return [...this.items.inOrder()];
  }

  withStatus(status: AnnotationStatus): EntityAnnotation[] {
    return this.all().filter((a) => a.status === status);
  }

  /** The annotations of a status whose extent (first start to last end) is exactly `span`. */
  withExtent(span: Span, status: AnnotationStatus): EntityAnnotation[] {
    return this.items.withExtent(span).filter((a) => a.status === status);
  }

  get(id: string): EntityAnnotation | undefined {
    return this.items.get(id);
  }

  /** Adds a new annotation with a fresh id: `T<n>` (brat) when accepted, `X<n>` for a rejection. */
  add(type: string, spans: readonly Span[], status: AnnotationStatus): EntityAnnotation {
    const id = status === 'accepted' ? `T${this.nextAccepted}` : `X${this.nextRejected}`;
    const annotation: EntityAnnotation = { id, type, spans: normalizeSpans(spans), status };
    this.put(annotation);
    return annotation;
  }

  /** Replaces fields of an annotation; a changed span clears a recorded problem. */
  update(id: string, change: { type?: string; spans?: readonly Span[] }): EntityAnnotation {
    const old = this.items.get(id);
    if (!old) throw new Error(`No annotation ${id}`);
    const updated: EntityAnnotation = change.spans
      ? { id, type: change.type ?? old.type, spans: normalizeSpans(change.spans), status: old.status }
      : { ...old, type: change.type ?? old.type };
    this.noteEntity(id);
    this.items.set(id, updated);
    return updated;
  }

  /** Marks an accepted annotation as taken unseen (see EntityAnnotation.unseen), or as reviewed. */
  setUnseen(id: string, unseen: boolean): void {
    const old = this.items.get(id);
    if (!old || old.status !== 'accepted' || (old.unseen === true) === unseen) return;
    const { unseen: _was, ...rest } = old;
    this.noteEntity(id);
    this.items.set(id, unseen ? { ...rest, unseen: true } : rest);
  }

  /** While a decision is being recorded: the entities it changed so far, before it and now. */
  recordedEntities(): { readonly before: EntityAnnotation | undefined; readonly after: EntityAnnotation | undefined }[] {
    return this.journal ? [...this.journal.entities].map(([id, before]) => ({ before, after: this.items.get(id) })) : [];
  }

  remove(id: string): EntityAnnotation | undefined {
    const old = this.items.get(id);
    this.noteEntity(id);
    this.items.delete(id);
    return old;
  }

  /**
   * Moves every annotation through one change of the text (`oldText` is the text before it).
   * Returns the annotations that the change deleted and those it brought back (an undo).
   */
  applyChange(oldText: string, change: TextChange): { removed: EntityAnnotation[]; restored: EntityAnnotation[] } {
    const restored = this.restoreUndone(change);
    const removed: EntityAnnotation[] = [];
    const altered: Tombstone[] = [];
    const delta = change.text.length - (change.end - change.start);
    const record = (before: EntityAnnotation, after?: Span[]): Tombstone => ({
      before, after, at: change.start, changedAt: change.start,
      removedText: oldText.slice(change.start, change.end), insertedLength: change.text.length,
    });
    for (const a of [...this.items.values()]) {
      if (restored.some((r) => r.id === a.id)) continue;
      const spans = moveSpans(a.spans, change);
      if (spans.length === 0) {
        this.items.delete(a.id);
        removed.push(a);
        altered.push(record(a));
        continue;
      }
      const unchanged = spans.length === a.spans.length && spans.every((s, i) => s === a.spans[i]);
      if (unchanged) continue;
      this.items.set(a.id, { ...a, spans });
      const shifted = spans.length === a.spans.length &&
        spans.every((s, i) => s.start === a.spans[i].start + delta && s.end === a.spans[i].end + delta);
      if (!shifted) altered.push(record(a, spans));
    }
    this.trackTombstones(change);
    this.tombstones.push(...altered);
    if (this.tombstones.length > MAX_TOMBSTONES) this.tombstones.splice(0, this.tombstones.length - MAX_TOMBSTONES);
    return { removed, restored };
  }

  /** A change that puts back exactly the text an earlier change removed undoes what that change did. */
  private restoreUndone(change: TextChange): EntityAnnotation[] {
    const revived: EntityAnnotation[] = [];
    const keep: Tombstone[] = [];
    for (const t of this.tombstones) {
      const undoes = change.start === t.at && change.end - change.start === t.insertedLength && change.text === t.removedText;
      if (!undoes) {
        keep.push(t);
        continue;
      }
      const shift = t.at - t.changedAt;
      const current = this.items.get(t.before.id);
      const stillAsLeft = t.after
        ? current !== undefined && sameSpans(current.spans, t.after, shift)
        : current === undefined;
      if (!stillAsLeft) continue;
      const spans = t.before.spans.map((s) => ({ start: s.start + shift, end: s.end + shift }));
      const annotation = { ...(current ?? t.before), spans };
      this.items.set(annotation.id, annotation);
      revived.push(annotation);
    }
    this.tombstones = keep;
    return revived;
  }

  /** Tombstones follow later changes like a point; a change that overlaps their region drops them. */
  private trackTombstones(change: TextChange): void {
    const delta = change.text.length - (change.end - change.start);
    this.tombstones = this.tombstones.filter((t) => {
      if (change.end <= t.at) {
        t.at += delta;
        return true;
      }
      return change.start >= t.at + t.insertedLength;
    });
  }

  private put(a: EntityAnnotation): void {
    this.noteEntity(a.id);
    this.items.set(a.id, a);
    this.reserve(a.id);
  }

  private reserve(id: string): void {
    const n = Number(id.slice(1));
    if (!Number.isInteger(n)) return;
    if (id.startsWith('T')) this.nextAccepted = Math.max(this.nextAccepted, n + 1);
    if (id.startsWith('X')) this.nextRejected = Math.max(this.nextRejected, n + 1);
    if (id.startsWith('E')) this.nextEvent = Math.max(this.nextEvent, n + 1);
  }
}

function normalizeSpans(spans: readonly Span[]): Span[] {
  return [...spans].sort((x, y) => x.start - y.start).map((s) => ({ start: s.start, end: s.end }));
}

function byPosition(x: EntityAnnotation, y: EntityAnnotation): number {
  return x.spans[0].start - y.spans[0].start || x.spans[0].end - y.spans[0].end || x.id.localeCompare(y.id);
}
