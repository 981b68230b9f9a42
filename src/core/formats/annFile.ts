// The bridge between a brat .ann file and the annotation store: text-bound lines become entity
// annotations (UTF-16 spans); every other line is preserved verbatim and written back unchanged.
// `text` must be the .txt exactly as brat reads it: line ends as in the file (`\r\n` counts 2) and
// a UTF-8 byte order mark, if the file has one, kept as U+FEFF at offset 0 (Python's `utf-8` codec
// keeps it, so brat counts it). Editors that hide the BOM must put it back before calling.

import type { EntityAnnotation, EventAnnotation, Span } from '../model';
import { type BratEvent, formatEventLine, parseEventLine } from './bratEvent';
import { isSpace } from '../text/normalize';
import { idOfLine, oneLine, parseBrat, serializeBrat, TEXT_BOUND_ID, type BratTextBound, type BratTextBoundDraft } from './brat';
import { OffsetConverter } from '../text/offsets';

export interface AnnProblem {
  /** 1-based line of the .ann. */
  readonly line: number;
  readonly message: string;
}

export interface LoadedAnn {
  /** Events (E lines) whose trigger and arguments are all among the annotations read. */
  readonly events: EventAnnotation[];
  /** Accepted annotations of the T lines that fit the text; a `problem` marks a covered text that
   * disagrees with the text (such annotations are not repeated in `problems`). */
  readonly annotations: EntityAnnotation[];
  /** Every other non-blank line (E, R, A, N, #, *, and lines that could not become annotations), verbatim, in order. */
  readonly preserved: string[];
  /** Why lines could not become annotations (malformed, out of range, duplicate id); those lines are in `preserved`. */
  readonly problems: AnnProblem[];
}

export function loadAnn(text: string, annContent: string): LoadedAnn {
  const offsets = new OffsetConverter(text);
  const annotations: EntityAnnotation[] = [];
  const preserved: string[] = [];
  const problems: AnnProblem[] = [];
  const lineOfId = new Map<string, number>();
  const keep = (raw: string, line: number, message: string) => {
    preserved.push(raw);
    problems.push({ line, message });
  };

  const eventLines: { raw: string; line: number }[] = [];
  for (const record of parseBrat(annContent)) {
    if (record.kind === 'other') {
      if (/^E\d+$/.test(record.id)) eventLines.push(record);
      else preserved.push(record.raw);
      continue;
    }
    if (record.kind === 'invalid') {
      keep(record.raw, record.line, record.reason);
      continue;
    }
    const earlier = lineOfId.get(record.id);
    if (earlier !== undefined) {
      keep(record.raw, record.line, `${record.id} is already used on line ${earlier}`);
      continue;
    }
    lineOfId.set(record.id, record.line);
    const reason = fragmentProblem(record, offsets.codePointLength);
    if (reason) {
      keep(record.raw, record.line, `${record.id}: ${reason}`);
      continue;
    }
    // Covered text joins the fragments in the order the line lists them; the store keeps them sorted.
    const listed: Span[] = record.fragments.map((f) => ({ start: offsets.toUtf16(f.start), end: offsets.toUtf16(f.end) }));
    const spans = [...listed].sort((a, b) => a.start - b.start);
    const actual = coveredText(text, listed);
    if (record.text !== undefined && !sameCoveredText(record.text, actual)) {
      const where = record.fragments.map((f) => `${f.start}–${f.end}`).join(', ');
      const problem = `the .ann records "${record.text}" but the text at ${where} reads "${oneLine(actual)}" (was the text edited outside Tawsim?)`;
      annotations.push({ id: record.id, type: record.type, spans, status: 'accepted', problem, recordedText: record.text });
      continue;
    }
    annotations.push({ id: record.id, type: record.type, spans, status: 'accepted' });
  }
  const events = readEvents(eventLines, new Set(annotations.map((a) => a.id)), keep);
  return { annotations, events, preserved, problems };
}

/**
 * Events whose trigger and arguments exist (an event may point at another event). The others are
 * kept verbatim with the reason, so that writing the file back loses nothing.
 */
function readEvents(lines: readonly { raw: string; line: number }[], textBound: ReadonlySet<string>, keep: (raw: string, line: number, message: string) => void): EventAnnotation[] {
  const parsed = lines.map((l) => ({ ...l, event: parseEventLine(l.raw) }));
  const known = new Set(parsed.flatMap((p) => (typeof p.event === 'string' ? [] : [p.event.id])));
  // An event is usable when every id it points at is a T read, or an event that is usable itself.
  let usable = new Set(known);
  for (;;) {
    const next = new Set([...usable].filter((id) => {
      const e = parsed.find((p) => typeof p.event !== 'string' && p.event.id === id)!.event as BratEvent;
      return textBound.has(e.trigger) && e.args.every((a) => textBound.has(a.target) || usable.has(a.target));
    }));
    if (next.size === usable.size) break;
    usable = next;
  }
  const events: EventAnnotation[] = [];
  for (const p of parsed) {
    if (typeof p.event === 'string') keep(p.raw, p.line, `line kept as is, not read: ${p.event}`);
    else if (!usable.has(p.event.id)) {
      const missing = [p.event.trigger, ...p.event.args.map((a) => a.target)].filter((id) => !textBound.has(id) && !usable.has(id));
      keep(p.raw, p.line, `${p.event.id} points at ${missing.join(', ')}, which the file does not hold (or which could not be read); the line is kept as is`);
    } else events.push({ id: p.event.id, type: p.event.type, trigger: p.event.trigger, args: p.event.args });
  }
  return events;
}

function fragmentProblem(record: BratTextBound, length: number): string | undefined {
  const sorted = [...record.fragments].sort((a, b) => a.start - b.start);
  const last = sorted[sorted.length - 1];
  if (last.end > length) {
    return `offsets ${last.start}–${last.end} are past the end of the text (${length} characters); is this the .ann of another version of the text?`;
  }
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) return `fragments ${sorted[i - 1].start}–${sorted[i - 1].end} and ${sorted[i].start}–${sorted[i].end} overlap`;
  }
  return undefined;
}

/** The text of fragments joined by one space, as brat writes it. */
function coveredText(text: string, spans: readonly Span[]): string {
  return spans.map((s) => text.slice(s.start, s.end)).join(' ');
}

/** Recorded and actual covered text agree up to whitespace (line breaks, NBSP, runs of spaces). */
function sameCoveredText(recorded: string, actual: string): boolean {
  const squeeze = (s: string) => Array.from(s, (ch) => (isSpace(ch) ? ' ' : ch)).join('').replace(/ +/g, ' ').trim();
  return squeeze(recorded) === squeeze(oneLine(actual));
}

/**
 * Writes the .ann: accepted annotations as T lines (code points; covered text from `text`, or
 * the recorded text for an annotation with a problem), then the events as E lines (they point at
 * the annotations' ids, which must be `T<n>` ids not taken by a preserved line), then the
 * preserved lines verbatim.
 * An annotation whose id is not a `T<n>` id, or is taken by a preserved line, gets the next free one.
 */
export function serializeAnn(
  text: string,
  annotations: readonly EntityAnnotation[],
  preserved: readonly string[],
  events: readonly EventAnnotation[] = [],
): string {
  const offsets = new OffsetConverter(text);
  const taken = new Set(preserved.map(idOfLine));
  const drafts: BratTextBoundDraft[] = [];
  for (const a of annotations) {
    if (a.status !== 'accepted') continue;
    const id = TEXT_BOUND_ID.test(a.id) && !taken.has(a.id) ? a.id : undefined;
    if (id) taken.add(id);
    drafts.push({
      kind: 'T',
      id,
      type: a.type,
      fragments: a.spans.map((s) => ({ start: offsets.toCodePoint(s.start), end: offsets.toCodePoint(s.end) })),
      text: a.problem !== undefined && a.recordedText !== undefined ? a.recordedText : coveredText(text, a.spans),
    });
  }
  const eventLines = events.map((e) => formatEventLine(e));
  return serializeBrat([...drafts, ...eventLines, ...preserved]);
}
