// A brat .ann read for scoring: entities, triggers and events with UTF-16 spans. A T line is a
// trigger when an E line names it as its trigger, an entity otherwise. Lines that cannot be read,
// annotations whose recorded text disagrees with the text and events pointing at missing ids are
// left out and reported.

import { lineOfId, parseBrat } from '../formats/brat';
import { parseEventLine, type BratEvent } from '../formats/bratEvent';
import { loadAnn, type AnnProblem } from '../formats/annFile';
import { type Span, typedSpanOf, type TypedSpan } from '../model';

export interface ScoredEvent {
  readonly type: string;
  readonly trigger: TypedSpan;
  /** Arguments that are entities or other events' triggers. */
  readonly args: readonly { readonly role: string; readonly target: TypedSpan }[];
}

/** An entity with its fragments (one, unless brat's discontinuous `0 4;16 21`). */
export type ScoredEntity = TypedSpan & { readonly fragments: readonly Span[] };

export interface AnnDocument {
  readonly text: string;
  readonly entities: readonly ScoredEntity[];
  readonly events: readonly ScoredEvent[];
  readonly problems: readonly AnnProblem[];
}

export function readAnnDocument(text: string, annContent: string): AnnDocument {
  const loaded = loadAnn(text, annContent);
  const problems: AnnProblem[] = [...loaded.problems];
  // loadAnn may already report an E line (a missing id): one message per line.
  const report = (line: number, message: string) => {
    if (!problems.some((p) => p.line === line)) problems.push({ line, message });
  };
  const spans = new Map<string, ScoredEntity>();
  for (const a of loaded.annotations) {
    if (a.problem) problems.push({ line: lineOfId(annContent, a.id), message: `${a.id}: ${a.problem}` });
    else spans.set(a.id, { ...typedSpanOf(a), fragments: a.spans });
  }
  const bratEvents = new Map<string, { event: BratEvent; line: number }>();
  for (const record of parseBrat(annContent)) {
    if (record.kind !== 'other' || !/^E\d+$/.test(record.id)) continue;
    const event = parseEventLine(record.raw);
    if (typeof event === 'string') report(record.line, event);
    else bratEvents.set(event.id, { event, line: record.line });
  }
  const triggerIds = new Set([...bratEvents.values()].map((e) => e.event.trigger));
  const events: ScoredEvent[] = [];
  for (const { event, line } of bratEvents.values()) {
    const target = (id: string) => spans.get(id) ?? (bratEvents.has(id) ? spans.get(bratEvents.get(id)!.event.trigger) : undefined);
    const missing = [event.trigger, ...event.args.map((a) => a.target)].filter((id) => !target(id));
    if (missing.length) {
      report(line, `${event.id} points at ${missing.join(', ')}, which the file does not hold or which could not be read; left out`);
      continue;
    }
    events.push({ type: event.type, trigger: { ...spans.get(event.trigger)!, type: event.type }, args: event.args.map((a) => ({ role: a.role, target: target(a.target)! })) });
  }
  const entities = [...spans].filter(([id]) => !triggerIds.has(id)).map(([, span]) => span);
  return { text, entities, events, problems: problems.sort((a, b) => a.line - b.line) };
}
