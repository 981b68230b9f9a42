// The annotator's decisions on one article, for undo and redo. Each keeps what it changed in the
// store (every annotation and event it touched, before and after), and those annotations follow
// later edits of the text, so a decision can still be undone after the text around it changed:
// the edits are logged, and a decision is moved through them when it is undone or redone (moving
// every decision at every keystroke would cost as much as moving the store's own annotations).
// A decision is undone only while what it left is still there, so undo never overwrites later work.

import { type EntityAnnotation, type EventAnnotation, sameSpans } from '../model';
import type { AnnotationStore, Changed, StoreChanges } from '../store/annotationStore';
import { moveSpans, type TextChange } from '../store/textChange';
import type { ActionResult } from './actions';

/** Decisions kept for undo. */
const MAX_DECISIONS = 200;
/** Edits logged before every decision is brought up to date and the log starts over. */
const MAX_LOGGED_EDITS = 1000;

/** Decision numbers, unique in the process (what the tagger learnt is tied to them across articles). */
let lastDecisionId = 0;

interface Decision extends StoreChanges {
  readonly id: number;
  /** What the decision did, as the annotator was told. */
  readonly message: string;
  /** Its annotations, moved through later edits of the text. */
  readonly entities: { readonly id: string; before: EntityAnnotation | undefined; after: EntityAnnotation | undefined }[];
  /** An edit of the text deleted an annotation the decision changed. */
  textDeleted: boolean;
  /** The edits of the log its annotations have been moved through. */
  movedThrough: number;
}

export class DecisionHistory {
  private done: Decision[] = [];
  private undone: Decision[] = [];
  /** Edits of the text since the log last started over. */
  private edits: TextChange[] = [];

  /** Remembers a decision that changed the store; a new decision drops what was undone. */
  record(message: string, changes: StoreChanges): void {
    if (changes.entities.length === 0 && changes.events.length === 0) return;
    const entities = changes.entities.map((c) => ({ ...c }));
    this.done.push({ id: ++lastDecisionId, message, entities, events: changes.events, textDeleted: false, movedThrough: this.edits.length });
    if (this.done.length > MAX_DECISIONS) this.done.shift();
    this.undone = [];
  }

  /** The number of the decision undo would take back. */
  get lastId(): number | undefined {
    return this.done.at(-1)?.id;
  }

  /** What undo would take back, if anything. */
  get nextUndo(): string | undefined {
    return this.done.at(-1)?.message;
  }

  /** What redo would do again, if anything. */
  get nextRedo(): string | undefined {
    return this.undone.at(-1)?.message;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.edits = [];
  }

  /** Logs an edit of the text, through which the decisions' annotations move as the store moves its own. */
  track(change: TextChange): void {
    this.edits.push(change);
    if (this.edits.length < MAX_LOGGED_EDITS) return;
    for (const d of [...this.done, ...this.undone]) {
      this.moveThroughEdits(d);
      d.movedThrough = 0;
    }
    this.edits = [];
  }

  /** Moves a decision's annotations through the edits logged since it was last moved. */
  private moveThroughEdits(d: Decision): void {
    for (; d.movedThrough < this.edits.length; d.movedThrough++) {
      const change = this.edits[d.movedThrough];
      const move = (a: EntityAnnotation | undefined): EntityAnnotation | undefined => {
        if (!a) return a;
        const spans = moveSpans(a.spans, change);
        if (spans.length === 0) {
          d.textDeleted = true;
          return a;
        }
        return spans.every((s, i) => s === a.spans[i]) ? a : { ...a, spans };
      };
      for (const c of d.entities) {
        c.before = move(c.before);
        c.after = move(c.after);
      }
    }
  }

  undo(store: AnnotationStore): ActionResult {
    const d = this.done.pop();
    if (!d) return { changed: false, message: 'Nothing to undo.' };
    this.moveThroughEdits(d);
    const problem = this.blocker(store, d, 'after');
    if (problem) return { changed: false, message: `Cannot undo “${d.message}”: ${problem} Undo again to undo the decision before it.` };
    store.restore(d, 'before');
    this.undone.push(d);
    return { changed: true, message: `Undone: ${d.message}` };
  }

  redo(store: AnnotationStore): ActionResult {
    const d = this.undone.pop();
    if (!d) return { changed: false, message: 'Nothing to redo.' };
    this.moveThroughEdits(d);
    const problem = this.blocker(store, d, 'before');
    if (problem) return { changed: false, message: `Cannot redo “${d.message}”: ${problem}` };
    store.restore(d, 'after');
    this.done.push(d);
    return { changed: true, message: `Redone: ${d.message}` };
  }

  /** Why the store no longer holds what the decision's `side` says (undefined: it does). */
  private blocker(store: AnnotationStore, d: Decision, side: 'before' | 'after'): string | undefined {
    if (d.textDeleted) return 'the text of an annotation it changed has been deleted since.';
    const same = <T>(changes: readonly Changed<T>[], current: (id: string) => T | undefined, equal: (x: T, y: T) => boolean) =>
      changes.every((c) => {
        const now = current(c.id);
        const then = c[side];
        return now === undefined || then === undefined ? now === then : equal(now, then);
      });
    const entitiesSame = same(d.entities, (id) => store.get(id), sameEntity);
    const eventsSame = same(d.events, (id) => store.getEvent(id), sameEvent);
    return entitiesSame && eventsSame ? undefined : 'its annotations have been changed since.';
  }
}

function sameEntity(x: EntityAnnotation, y: EntityAnnotation): boolean {
  return x.type === y.type && x.status === y.status && sameSpans(x.spans, y.spans);
}

function sameEvent(x: EventAnnotation, y: EventAnnotation): boolean {
  return x.type === y.type && x.trigger === y.trigger && x.args.length === y.args.length &&
    x.args.every((a, i) => a.role === y.args[i].role && a.target === y.args[i].target);
}
