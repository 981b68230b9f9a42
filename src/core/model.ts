// Annotation and suggestion records shared by the store, the engine, the formats and the server.
// All offsets are UTF-16 code units into the document text, end exclusive.

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A typed text span, the unit the suggestion engine reads and writes. */
export interface TypedSpan extends Span {
  readonly type: string;
}

export type SuggestionSource = 'gazetteer' | 'consistency' | `rule:${string}` | `model${string}`;

export interface Suggestion extends TypedSpan {
  /** In [0, 1]. */
  readonly confidence: number;
  /** What produced it: `gazetteer`, `rule:title`, `consistency`… */
  readonly source: SuggestionSource;
  /** The engine's own confidence, when the annotator's decisions on its kind lowered `confidence` (SourceReliability). */
  readonly baseConfidence?: number;
}

export type AnnotationStatus = 'accepted' | 'rejected';

/** An entity annotation of the store: accepted (saved to brat) or a rejected suggestion (remembered). */
export interface EntityAnnotation {
  /** brat id (`T12`) for accepted annotations, `R…` for rejections. */
  readonly id: string;
  readonly type: string;
  /** One span, or several for brat's discontinuous annotations; sorted, non-overlapping. */
  readonly spans: readonly Span[];
  readonly status: AnnotationStatus;
  /** Why the annotation does not match its text (loaded from a .ann that disagrees with the file). */
  readonly problem?: string;
  /** For an annotation with a problem: the covered text as its .ann line recorded it, written back as is. */
  readonly recordedText?: string;
  /**
   * Accepted by Accept Confident Entity Suggestions and not reviewed since: no decision was made in
   * its sentence after it. Its sentence is not taken as reviewed (retraining leaves it out).
   */
  readonly unseen?: true;
}

export function spanOf(a: { spans: readonly Span[] }): Span {
  return { start: a.spans[0].start, end: a.spans[a.spans.length - 1].end };
}

/** An annotation's extent with its type. */
export function typedSpanOf(a: { spans: readonly Span[]; type: string }): TypedSpan {
  return { ...spanOf(a), type: a.type };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** In spans sorted by start that do not overlap each other: the index of the first one that ends after `offset` (their length if none). */
export function firstEndingAfter(sorted: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

/** Whether two lists of spans are the same, `b`'s moved by `shift`. */
export function sameSpans(a: readonly Span[], b: readonly Span[], shift = 0): boolean {
  return a.length === b.length && a.every((s, i) => s.start === b[i].start + shift && s.end === b[i].end + shift);
}

export interface EventArgument {
  readonly role: string;
  /** Id of the argument: an entity's T (or another event's E). */
  readonly target: string;
}

/** An accepted event (brat `E` line): a type, its trigger (a T annotation) and its arguments. */
export interface EventAnnotation {
  /** brat id, `E<n>`. */
  readonly id: string;
  readonly type: string;
  /** Id of the trigger's T annotation. */
  readonly trigger: string;
  readonly args: readonly EventArgument[];
}
