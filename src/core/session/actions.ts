// What an annotator can do to the annotations of an article. Suggestions are addressed by their
// span and type (they are recomputed after every edit); stored annotations by their id.

import type { Span, TypedSpan } from '../model';

/** An event as a suggestion gives it: accepting it accepts its trigger, its arguments and itself. */
export interface EventTarget {
  readonly type: string;
  readonly trigger: Span;
  readonly arguments: readonly (TypedSpan & { readonly role: string })[];
}

export type AnnotationAction =
  /** Accept a suggestion (or any span) as the given type. */
  | { readonly kind: 'accept'; readonly target: TypedSpan }
  /** Accept every current suggestion of the same text and type as the target. */
  | { readonly kind: 'acceptAllSame'; readonly target: TypedSpan }
  /**
   * Accept every suggestion inside the range (entities, and events with all their arguments inside);
   * an empty range: the sentence around it. With `type`, only the suggestions of that entity or event type.
   * With `minConfidence`, only the entity suggestions at least that confident, taken before the
   * annotator reviews them: the server learns nothing from this decision itself.
   */
  | { readonly kind: 'acceptWithin'; readonly range: Span; readonly type?: string; readonly minConfidence?: number }
  /** Reject every suggestion inside the range, as acceptWithin takes them. */
  | { readonly kind: 'rejectWithin'; readonly range: Span; readonly type?: string }
  /** Reject a suggestion: it is not suggested again for this document. */
  | { readonly kind: 'reject'; readonly target: TypedSpan }
  /** Reject every current suggestion of the same text and type as the target. */
  | { readonly kind: 'rejectAllSame'; readonly target: TypedSpan }
  /** Annotate a span of the text (for example the selection) with a type. */
  | { readonly kind: 'annotate'; readonly target: TypedSpan }
  /** Change the type of an accepted annotation. */
  | { readonly kind: 'changeType'; readonly id: string; readonly type: string }
  /** Delete an accepted annotation, or forget a rejection. */
  | { readonly kind: 'delete'; readonly id: string }
  /** Move the start or end of an accepted annotation by `delta` characters (positive grows). */
  | { readonly kind: 'resize'; readonly id: string; readonly edge: 'start' | 'end'; readonly delta: number }
  /** Include the proclitics of the first word in the span, or leave them out. */
  | { readonly kind: 'toggleProclitic'; readonly id: string }
  /** Accept a suggested event: its trigger, its argument entities (accepting suggested ones) and the event. */
  | { readonly kind: 'acceptEvent'; readonly event: EventTarget }
  /** Reject a suggested event (trigger span + event type): it is not suggested again. */
  | { readonly kind: 'rejectEvent'; readonly target: TypedSpan }
  /** Make an event of the given type with a span of the text (the selection) as its trigger. */
  | { readonly kind: 'createEvent'; readonly target: TypedSpan }
  /** Change an accepted event's type; arguments whose role the new type lacks are dropped. */
  | { readonly kind: 'changeEventType'; readonly id: string; readonly type: string }
  /** Give an accepted event an argument: an entity (accepted, or a suggestion that is accepted) in a role. */
  | { readonly kind: 'addArgument'; readonly id: string; readonly role: string; readonly target: TypedSpan }
  /** Take an argument off an accepted event. */
  | { readonly kind: 'removeArgument'; readonly id: string; readonly role: string; readonly target: string }
  /** Delete an accepted event and its trigger. */
  | { readonly kind: 'deleteEvent'; readonly id: string }
  /** Take back the last decision on the article (any of the above that changed something). */
  | { readonly kind: 'undo' }
  /** Make the last undone decision again. */
  | { readonly kind: 'redo' };

/** Whether the action accepts suggestions before the annotator reviews them (Accept Confident Entity Suggestions). */
export function acceptsUnseen(action: AnnotationAction): boolean {
  return action.kind === 'acceptWithin' && action.minConfidence !== undefined;
}

export interface ActionResult {
  /** Whether any annotation changed. */
  readonly changed: boolean;
  /** What happened, or why nothing did, in words an annotator understands. */
  readonly message: string;
}
