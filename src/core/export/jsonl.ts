// JSONL export: one JSON object per line and article.
//   {"id": "<path relative to the input folder, with />", "text": "<the text, exactly>",
//    "spans": [{"start", "end", "start_cp", "end_cp", "label", "text", "id"}]}
// `start`/`end` count UTF-16 code units (JavaScript, VS Code, doccano, Label Studio);
// `start_cp`/`end_cp` count code points (Python, spaCy, Prodigy, brat). Both are end-exclusive and
// sit in the same span object, so there are no parallel arrays to keep aligned. A discontinuous
// annotation gives one span per fragment, all with the annotation's brat `id`. Spans are sorted by
// start. A BOM stays in `text` (as U+FEFF), so offsets agree with the .ann. Suggestions exported
// by the CLI add `confidence` and `source`; an annotation accepted unseen (Accept Confident Entity
// Suggestions, never reviewed) has `"unseen": true`.
// Events: `"events": [{"id", "type", "trigger": <index in spans>, "arguments": [{"role", "span": <index>}]}]`
// (an argument that is itself an event gives `"event": <index in events>` instead), and the same
// links as doccano's relation list: `"relations": [{"id", "from_id", "to_id", "type"}]` with the
// trigger's and the argument's indexes in `spans` and the role as type. A discontinuous trigger or
// argument is pointed at by its first fragment.

import type { EventAnnotation } from '../model';
import { OffsetConverter } from '../text/offsets';
import type { ExportSpan } from './types';

export interface JsonlSpan {
  readonly start: number;
  readonly end: number;
  readonly start_cp: number;
  readonly end_cp: number;
  readonly label: string;
  readonly text: string;
  readonly id: string;
  readonly confidence?: number;
  readonly source?: string;
  readonly unseen?: true;
}

export interface JsonlEvent {
  readonly id: string;
  readonly type: string;
  readonly trigger: number;
  readonly arguments: readonly ({ readonly role: string; readonly span: number } | { readonly role: string; readonly event: number })[];
  readonly confidence?: number;
  readonly source?: string;
}

/** Events in the JSONL shape; `ExportEvent`s carry the trigger and arguments as annotation ids. */
export type ExportEvent = EventAnnotation & { readonly confidence?: number; readonly source?: string };

export function jsonlRecord(id: string, text: string, annotations: readonly ExportSpan[], events: readonly ExportEvent[] = []): string {
  const cp = new OffsetConverter(text);
  const spans: JsonlSpan[] = annotations.flatMap((a) =>
    a.spans.map((s) => ({
      start: s.start,
      end: s.end,
      start_cp: cp.toCodePoint(s.start),
      end_cp: cp.toCodePoint(s.end),
      label: a.type,
      text: text.slice(s.start, s.end),
      id: a.id,
      ...(a.confidence !== undefined ? { confidence: a.confidence } : {}),
      ...(a.source !== undefined ? { source: a.source } : {}),
      ...(a.unseen ? { unseen: true as const } : {}),
    })),
  );
  spans.sort((x, y) => x.start - y.start || x.end - y.end);
  if (events.length === 0) return JSON.stringify({ id, text, spans });
  const spanIndex = new Map<string, number>();
  spans.forEach((s, i) => {
    if (!spanIndex.has(s.id)) spanIndex.set(s.id, i);
  });
  const eventIndex = new Map(events.map((e, i) => [e.id, i]));
  const jsonEvents: JsonlEvent[] = events.map((e) => ({
    id: e.id,
    type: e.type,
    trigger: spanIndex.get(e.trigger)!,
    arguments: e.args.map((a) => (spanIndex.has(a.target) ? { role: a.role, span: spanIndex.get(a.target)! } : { role: a.role, event: eventIndex.get(a.target)! })),
    ...(e.confidence !== undefined ? { confidence: e.confidence } : {}),
    ...(e.source !== undefined ? { source: e.source } : {}),
  }));
  const relations = jsonEvents.flatMap((e) => e.arguments.flatMap((a) => ('span' in a ? [{ from_id: e.trigger, to_id: a.span, type: a.role }] : [])));
  return JSON.stringify({ id, text, spans, events: jsonEvents, relations: relations.map((r, i) => ({ id: i + 1, ...r })) });
}
