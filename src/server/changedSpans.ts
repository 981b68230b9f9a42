import type { EntityAnnotation, Span } from '../core/model';

/** The spans of annotations that an action added, removed or changed (before and after it), reviewing one taken unseen included. */
export function changedSpans(before: readonly EntityAnnotation[], after: readonly EntityAnnotation[]): Span[] {
  const key = (a: EntityAnnotation) => `${a.status}|${a.type}|${a.unseen ? 'unseen|' : ''}${a.spans.map((s) => `${s.start}-${s.end}`).join(',')}`;
  const was = new Map(before.map((a) => [a.id, key(a)]));
  const is = new Map(after.map((a) => [a.id, key(a)]));
  return [...before.filter((a) => is.get(a.id) !== key(a)), ...after.filter((a) => was.get(a.id) !== key(a))].flatMap((a) => a.spans);
}
