// Suggestions of one article in an output format.

import { jsonlRecord, toConll, type ExportFormat, type ExportSpan } from '../core/export';
import { serializeAnn } from '../core/formats/annFile';
import type { Suggestion } from '../core/model';

export const SUGGEST_EXTENSIONS: Record<ExportFormat, string> = { brat: '.ann', jsonl: '.jsonl', conll: '.conll' };

/** `id` names the article in JSONL. Suggestions are numbered T1, T2… in text order. */
export function formatSuggestions(format: ExportFormat, id: string, text: string, suggestions: readonly Suggestion[]): string {
  const spans: ExportSpan[] = suggestions.map((s, i) => ({
    id: `T${i + 1}`,
    type: s.type,
    spans: [{ start: s.start, end: s.end }],
    confidence: s.confidence,
    source: s.source,
  }));
  if (format === 'brat') return serializeAnn(text, spans.map((s) => ({ ...s, status: 'accepted' as const })), []);
  if (format === 'jsonl') return jsonlRecord(id, text, spans) + '\n';
  return toConll(text, spans).conll;
}
