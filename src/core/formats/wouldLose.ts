// Before overwriting a .ann that changed on disk since it was read: which of its lines would the
// new content drop? The caller asks the user when the answer is not empty.

import { parseBrat, type BratFragment, type BratRecord } from './brat';

export interface LostLine {
  /** 1-based line in the old content. */
  readonly line: number;
  readonly text: string;
}

/**
 * Lines of `oldContent` whose annotation `newContent` no longer holds. A line is kept when the new
 * content has a line with the same id (the annotation may have been edited: changing a type or a
 * span is not a loss), the identical line, or — for a text-bound annotation — one of the same type
 * over the same offsets under another id. Ids in `removedIds` were deleted on purpose and are not
 * reported. Lines without an id (unreadable ones, `*` equivalences) must reappear verbatim.
 * Blank lines and line-end style do not count.
 */
export function wouldLose(oldContent: string, newContent: string, removedIds: Iterable<string> = []): LostLine[] {
  const removed = new Set(removedIds);
  const next = parseBrat(newContent);
  const ids = new Set(next.map(idOf).filter((id) => id !== undefined && id !== '*'));
  const lines = new Set(next.map((r) => r.raw));
  const spans = new Set(next.flatMap((r) => (r.kind === 'T' ? [spanKey(r.type, r.fragments)] : [])));

  const lost: LostLine[] = [];
  for (const r of parseBrat(oldContent)) {
    const id = idOf(r);
    const kept =
      lines.has(r.raw) ||
      (id !== undefined && id !== '*' && (ids.has(id) || removed.has(id))) ||
      (r.kind === 'T' && spans.has(spanKey(r.type, r.fragments)));
    if (!kept) lost.push({ line: r.line, text: r.raw });
  }
  return lost;
}

function idOf(r: BratRecord): string | undefined {
  return r.kind === 'invalid' ? undefined : r.id;
}

function spanKey(type: string, fragments: readonly BratFragment[]): string {
  return `${type} ${fragments.map((f) => `${f.start} ${f.end}`).join(';')}`;
}
