// JSONL export: one JSON object per line and article.
//   {"id": "<path relative to the input folder, with />", "text": "<the text, exactly>",
//    "spans": [{"start", "end", "start_cp", "end_cp", "label", "text", "id"}]}
// `start`/`end` count UTF-16 code units (JavaScript, VS Code, doccano, Label Studio);
// `start_cp`/`end_cp` count code points (Python, spaCy, Prodigy, brat). Both are end-exclusive and
// sit in the same span object, so there are no parallel arrays to keep aligned. A discontinuous
// annotation gives one span per fragment, all with the annotation's brat `id`. Spans are sorted by
// start. A BOM stays in `text` (as U+FEFF), so offsets agree with the .ann. Suggestions exported
// by the CLI add `confidence` and `source`.

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
}

export function jsonlRecord(id: string, text: string, annotations: readonly ExportSpan[]): string {
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
    })),
  );
  spans.sort((x, y) => x.start - y.start || x.end - y.end);
  return JSON.stringify({ id, text, spans });
}
