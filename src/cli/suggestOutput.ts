// Suggestions of one article in an output format.

import type { EventSuggestion } from '../core/events/types';
import { type ExportEvent, jsonlRecord, toConll, type ExportFormat, type ExportSpan } from '../core/export';
import { serializeAnn } from '../core/formats/annFile';
import type { Span, Suggestion } from '../core/model';

export const SUGGEST_EXTENSIONS: Record<ExportFormat, string> = { brat: '.ann', jsonl: '.jsonl', conll: '.conll' };

/**
 * `id` names the article in JSONL. Entity suggestions are numbered T1, T2… in text order, then
 * each event's trigger gets the next T and the event an E; an event's argument points at the
 * entity suggestion of its span (one is added if no suggestion has that span). CoNLL holds
 * entities only.
 */
export function formatSuggestions(format: ExportFormat, id: string, text: string, suggestions: readonly Suggestion[], events: readonly EventSuggestion[] = []): string {
  const spans: ExportSpan[] = suggestions.map((s, i) => ({
    id: `T${i + 1}`,
    type: s.type,
    spans: [{ start: s.start, end: s.end }],
    confidence: s.confidence,
    source: s.source,
  }));
  if (format === 'conll') return toConll(text, spans).conll;
  const exported: ExportEvent[] = [];
  const idOf = (span: Span, type: string) => {
    const found = spans.find((s) => s.spans[0].start === span.start && s.spans[0].end === span.end && s.type === type);
    if (found) return found.id;
    const added: ExportSpan = { id: `T${spans.length + 1}`, type, spans: [span] };
    spans.push(added);
    return added.id;
  };
  for (const e of events) {
    const trigger = `T${spans.length + 1}`;
    spans.push({ id: trigger, type: e.type, spans: [e.trigger], confidence: e.confidence, source: e.source });
    const args = e.arguments.map((a) => ({ role: a.role, target: idOf(a, a.type) }));
    exported.push({ id: `E${exported.length + 1}`, type: e.type, trigger, args, confidence: e.confidence, source: e.source });
  }
  if (format === 'brat') return serializeAnn(text, spans.map((s) => ({ ...s, status: 'accepted' as const })), [], exported);
  return jsonlRecord(id, text, spans, exported) + '\n';
}
