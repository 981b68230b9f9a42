// What an annotator can do to the annotations of an article. Suggestions are addressed by their
// span and type (they are recomputed after every edit); stored annotations by their id.

import type { TypedSpan } from '../model';

export type AnnotationAction =
  /** Accept a suggestion (or any span) as the given type. */
  | { readonly kind: 'accept'; readonly target: TypedSpan }
  /** Accept every current suggestion of the same text and type as the target. */
  | { readonly kind: 'acceptAllSame'; readonly target: TypedSpan }
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
  | { readonly kind: 'toggleProclitic'; readonly id: string };

export interface ActionResult {
  /** Whether any annotation changed. */
  readonly changed: boolean;
  /** What happened, or why nothing did, in words an annotator understands. */
  readonly message: string;
}
