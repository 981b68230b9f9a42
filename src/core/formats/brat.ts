// brat standoff (.ann) lines: parsing into records and writing them back.
// Offsets here are Unicode code points, as brat counts them (a `\r\n` counts 2); end exclusive.
// Only text-bound (T) lines are parsed into fields. Every other line — events, relations,
// attributes, normalizations, notes, equivalences, and anything unparseable — is kept verbatim
// with its line number, so that writing the records back loses nothing.

/** One fragment of a text-bound annotation, in code points. */
export interface BratFragment {
  readonly start: number;
  readonly end: number;
}

/** A `T` line: `T1\tLOC 0 5;8 12\tcovered text`. */
export interface BratTextBound {
  readonly kind: 'T';
  /** 1-based line number in the file it was read from (0 for records made in memory). */
  readonly line: number;
  readonly id: string;
  readonly type: string;
  /** In the order the line lists them. */
  readonly fragments: readonly BratFragment[];
  /** The covered text the line records; undefined when the line has no text field. */
  readonly text?: string;
  /** The line as read. */
  readonly raw: string;
}

/** A well-formed non-`T` line (E, R, A, M, N, #, *), kept verbatim. */
export interface BratOtherLine {
  readonly kind: 'other';
  readonly line: number;
  /** The line's id (`E1`, `#3`, `*`). */
  readonly id: string;
  readonly raw: string;
}

/** A line brat could not read, kept verbatim with the reason. */
export interface BratInvalidLine {
  readonly kind: 'invalid';
  readonly line: number;
  readonly raw: string;
  readonly reason: string;
}

export type BratRecord = BratTextBound | BratOtherLine | BratInvalidLine;

/** A text-bound annotation to write; without an id it gets the next free `T` number. */
export interface BratTextBoundDraft {
  readonly kind: 'T';
  readonly id?: string;
  readonly type: string;
  readonly fragments: readonly BratFragment[];
  readonly text?: string;
}

export const TEXT_BOUND_ID = /^T\d+$/;
const OTHER_ID = /^(?:[ERAMN]\d+|#\d+|\*)$/;
/** An id another line can point at (`T3`, `E1`, `#2`…). */
const REFERENCE = /^(?:[TERAMN]\d+|#\d+)$/;
const FRAGMENT = /^(\d+) (\d+)$/;

/** Splits .ann content into lines, accepting LF, CRLF and CR line ends and a UTF-8 BOM. */
function annLines(content: string): string[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The 1-based line of .ann content that holds `id`'s annotation; 0 when none does. */
export function lineOfId(content: string, id: string): number {
  return annLines(content).findIndex((l) => l.startsWith(`${id}\t`)) + 1;
}

/** Parses .ann content. Blank lines carry nothing and are skipped; every other line is a record. */
export function parseBrat(content: string): BratRecord[] {
  const records: BratRecord[] = [];
  annLines(content).forEach((raw, i) => {
    if (raw.trim() !== '') records.push(parseLine(raw, i + 1));
  });
  return records;
}

function parseLine(raw: string, line: number): BratRecord {
  const tab = raw.indexOf('\t');
  if (tab < 0) return { kind: 'invalid', line, raw, reason: 'no TAB after the annotation id' };
  const id = raw.slice(0, tab);
  if (TEXT_BOUND_ID.test(id)) return parseTextBound(raw, line, id, raw.slice(tab + 1));
  if (OTHER_ID.test(id)) return { kind: 'other', line, id, raw };
  return { kind: 'invalid', line, raw, reason: `"${id}" is not a brat annotation id (T, E, R, A, M, N, # or * followed by a number)` };
}

function parseTextBound(raw: string, line: number, id: string, rest: string): BratRecord {
  const invalid = (reason: string): BratInvalidLine => ({ kind: 'invalid', line, raw, reason });
  const tab = rest.indexOf('\t');
  const body = tab < 0 ? rest : rest.slice(0, tab);
  const text = tab < 0 ? undefined : rest.slice(tab + 1);
  const space = body.indexOf(' ');
  if (space <= 0) return invalid(`${id} needs a type and offsets: "${id}<TAB>TYPE START END<TAB>text"`);
  const type = body.slice(0, space);
  const fragments: BratFragment[] = [];
  for (const part of body.slice(space + 1).trimEnd().split(';')) {
    const m = FRAGMENT.exec(part);
    if (!m) return invalid(`${id}: "${part}" is not "START END" (two whole numbers separated by one space)`);
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return invalid(`${id}: offset "${part}" is too large`);
    if (start >= end) return invalid(`${id}: fragment ${start} ${end} is empty or reversed (start must be before end)`);
    fragments.push({ start, end });
  }
  return { kind: 'T', line, id, type, fragments, text, raw };
}

/** The id that starts a raw line (text before the first TAB), or undefined. */
export function idOfLine(raw: string): string | undefined {
  const tab = raw.indexOf('\t');
  return tab > 0 ? raw.slice(0, tab) : undefined;
}

/** The ids kept lines hold or point at: new annotations must not take them (a relation to a deleted T2 would point at the new one). */
export function idsInUse(lines: readonly string[]): string[] {
  return lines.flatMap((raw) => [idOfLine(raw), ...referencedIds(raw)].filter((id): id is string => id !== undefined));
}

/** Ids a non-T line points at: an event's trigger and arguments, a relation's, an attribute's or
 * note's target, the members of an equivalence. */
export function referencedIds(raw: string): string[] {
  const fields = raw.split('\t');
  if (fields.length < 2) return [];
  // An event starts with `Type:Trigger`; other lines start with a bare type. After that, bare
  // ids (`A1\tNeg E1`, `*\tEquiv T1 T2`) and `Role:ID` pairs both point at ids.
  const isEvent = /^E\d+$/.test(fields[0]);
  const tokens = fields[1].split(/\s+/).filter(Boolean).slice(isEvent ? 0 : 1);
  return tokens.map((t) => t.slice(t.lastIndexOf(':') + 1)).filter((v) => REFERENCE.test(v));
}

/** The next free id `<prefix><max + 1>` given ids in use. */
export function nextId(prefix: string, used: Iterable<string>): string {
  let max = 0;
  for (const id of used) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isSafeInteger(n) && n > max && id.length > prefix.length) max = n;
  }
  return `${prefix}${max + 1}`;
}

/**
 * Covered text as a line can hold it: every character that ends a line for brat (Python's
 * splitlines: CR, LF, VT, FF, FS, GS, RS, NEL, LINE and PARAGRAPH SEPARATOR) becomes a space.
 */
export function oneLine(text: string): string {
  return text.replace(/[\n\v\f\r\x1c-\x1e\u0085\u2028\u2029]/g, ' ');
}

function formatTextBound(id: string, type: string, fragments: readonly BratFragment[], text: string): string {
  const offsets = fragments.map((f) => `${f.start} ${f.end}`).join(';');
  return `${id}\t${type} ${offsets}\t${oneLine(text)}`;
}

/**
 * Writes .ann content: LF line ends, a final newline, text-bound annotations from their fields,
 * strings verbatim, in the order given. Drafts without an id get `T<max + 1>` (max over every id
 * present). `parseBrat` records go back in with `records.map((r) => (r.kind === 'T' ? r : r.raw))`.
 */
export function serializeBrat(items: readonly (BratTextBoundDraft | string)[]): string {
  const used: string[] = [];
  for (const item of items) {
    const id = typeof item === 'string' ? idOfLine(item) : item.id;
    if (id) used.push(id);
    // An id a line points at stays its target's, even when that line is gone: never given out again.
    if (typeof item === 'string') used.push(...referencedIds(item));
  }
  const lines = items.map((item) => {
    if (typeof item === 'string') return item;
    let id = item.id;
    if (id === undefined) {
      id = nextId('T', used);
      used.push(id);
    }
    return formatTextBound(id, item.type, item.fragments, item.text ?? '');
  });
  return lines.length ? lines.join('\n') + '\n' : '';
}
