// One replacement in a text, and how a span moves through it.

import type { Span } from '../model';

/** Replace old text [start, end) with `text`. Offsets are UTF-16, in the text before the change. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

/** The single replacement that turns `before` into `after` (common prefix and suffix kept). */
export function diffAsChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

/**
 * Where a span goes through a change: text inserted or deleted before it shifts it, inside it
 * resizes it, text inserted exactly at either edge stays outside, and a span whose every
 * character is replaced or deleted is gone (`undefined`).
 */
export function moveSpan(span: Span, change: TextChange): Span | undefined {
  const { start: s, end: e } = change;
  const delta = change.text.length - (e - s);
  const { start: a, end: b } = span;
  if (e <= a) return { start: a + delta, end: b + delta };
  if (s >= b) return span;
  if (s <= a && e >= b) return undefined;
  if (s >= a && e <= b) return { start: a, end: b + delta };
  if (s < a) return { start: s + change.text.length, end: b + delta };
  return { start: a, end: s };
}

/** Where an annotation's spans go through a change: those that survive it (none: the annotation's text is gone). */
export function moveSpans(spans: readonly Span[], change: TextChange): Span[] {
  return spans.map((s) => moveSpan(s, change)).filter((s): s is Span => s !== undefined);
}
