// Where an article's annotations live on disk, and reading and writing them:
// accepted annotations in brat standoff beside the text (`X.txt` → `X.ann`), rejected suggestions
// and which accepted annotations were taken unseen in Tawsim's own state file (`.tawsim/X.json`
// beside the text), so the .ann stays valid for brat.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadAnn, serializeAnn } from '../formats/annFile';
import { writeFileAtomic } from '../io/atomicWrite';
import { keepAside, UNREADABLE_SUFFIX } from '../io/keepAside';
import { readTextFileSync, TextFileError } from '../io/readText';
import type { EntityAnnotation, EventAnnotation, TypedSpan } from '../model';
import { spanKey } from '../suggest/resolve';

export interface ArticlePaths {
  readonly text: string;
  readonly ann: string;
  /** Tawsim's state for the article (rejections, annotations taken unseen). */
  readonly state: string;
}

export function articlePaths(textPath: string): ArticlePaths {
  const { dir, name } = path.parse(textPath);
  return {
    text: textPath,
    ann: path.join(dir, `${name}.ann`),
    state: path.join(dir, '.tawsim', `${name}.json`),
  };
}

export interface LoadedArticle {
  readonly annotations: EntityAnnotation[];
  readonly events: EventAnnotation[];
  /** Lines of the .ann kept verbatim (events, relations, notes, lines that could not be read). */
  readonly preserved: readonly string[];
  readonly problems: readonly string[];
  /** The .ann content as read, to notice changes made outside the editor before overwriting. */
  readonly annSnapshot: string | undefined;
}

interface StateEntry {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface StateFile {
  readonly version: 1;
  readonly rejected: readonly StateEntry[];
  /** Accepted annotations taken unseen (EntityAnnotation.unseen); absent in files written before. */
  readonly unseen?: readonly StateEntry[];
}

export function loadArticle(paths: ArticlePaths, text: string): LoadedArticle {
  const problems: string[] = [];
  const ann = readIfExists(paths.ann);
  if (ann instanceof TextFileError) problems.push(`${path.basename(paths.ann)} ${ann.reason}; Tawsim shows nothing from it and will not write it.`);
  const annSnapshot = typeof ann === 'string' ? ann : undefined;
  let annotations: EntityAnnotation[] = [];
  let events: EventAnnotation[] = [];
  let preserved: readonly string[] = [];
  if (annSnapshot !== undefined) {
    const bom = hasHiddenBom(paths.text, text);
    const loaded = loadAnn(bom ? BOM + text : text, annSnapshot);
    annotations = bom ? loaded.annotations.map((a) => shift(a, -1)) : loaded.annotations;
    events = loaded.events;
    preserved = loaded.preserved;
    for (const p of loaded.problems) problems.push(`${path.basename(paths.ann)}:${p.line}: ${p.message}`);
    for (const a of annotations) if (a.problem) problems.push(`${path.basename(paths.ann)}: ${a.id}: ${a.problem}`);
  }
  const state = loadState(paths.state, text);
  if (state.error) {
    problems.push(`${paths.state}: cannot read the rejected suggestions (${state.error}); they are ignored, and the file is kept as ${path.basename(paths.state)}${UNREADABLE_SUFFIX} when rejections are next saved.`);
  }
  return { annotations: [...withUnseen(annotations, state.unseen), ...state.rejected], events, preserved, problems, annSnapshot };
}

/**
 * `annotations` (of `text`, read from its .ann) with those the article's state file records as
 * taken unseen marked so (an export names them); `problem` says why none could be marked.
 */
export function markUnseen(annotations: readonly EntityAnnotation[], paths: ArticlePaths, text: string): { annotations: EntityAnnotation[]; problem?: string } {
  const state = loadState(paths.state, text);
  return { annotations: withUnseen(annotations, state.unseen), ...(state.error ? { problem: `${paths.state}: cannot read which annotations were accepted unseen (${state.error}); none is marked so` } : {}) };
}

function withUnseen(annotations: readonly EntityAnnotation[], unseenEntries: readonly TypedSpan[]): EntityAnnotation[] {
  const unseen = new Set(unseenEntries.map(spanKey));
  return annotations.map((a): EntityAnnotation => (a.spans.length === 1 && unseen.has(spanKey({ type: a.type, ...a.spans[0] })) ? { ...a, unseen: true } : a));
}

/**
 * The article state file's rejections, and where the annotations taken unseen are, relocated in
 * the text; `error`: why the file could not be read.
 */
export function loadState(statePath: string, text: string): { rejected: EntityAnnotation[]; unseen: TypedSpan[]; error?: string } {
  const state = readState(statePath);
  if (state === undefined) return { rejected: [], unseen: [] };
  if (state instanceof Error) return { rejected: [], unseen: [], error: state.message };
  // An entry whose text is no longer in the article (changed outside the editor) no longer applies.
  const located = (entries: readonly StateEntry[]) =>
    entries.flatMap((e) => {
      const start = relocate(text, e.text, e.start);
      return start === undefined ? [] : [{ type: e.type, start, end: start + e.text.length }];
    });
  return {
    rejected: located(state.rejected).map(({ type, start, end }, i) => ({ id: `X${i + 1}`, type, spans: [{ start, end }], status: 'rejected' as const })),
    unseen: located(state.unseen ?? []),
  };
}

/** The offset of `needle` at `hint`, or its nearest occurrence if the text moved. */
function relocate(text: string, needle: string, hint: number): number | undefined {
  if (!needle) return undefined;
  if (text.startsWith(needle, hint)) return hint;
  const before = text.lastIndexOf(needle, hint);
  const after = text.indexOf(needle, hint);
  if (before < 0 && after < 0) return undefined;
  if (before < 0) return after;
  if (after < 0) return before;
  return hint - before <= after - hint ? before : after;
}

/** The state file's content; an Error when it cannot be read as one; undefined when there is none. */
function readState(statePath: string): StateFile | Error | undefined {
  const raw = readIfExists(statePath);
  if (raw === undefined) return undefined;
  if (raw instanceof Error) return raw;
  try {
    const state = JSON.parse(raw) as StateFile;
    if (state.version !== 1 || !Array.isArray(state.rejected) || (state.unseen !== undefined && !Array.isArray(state.unseen))) throw new Error('unknown format');
    return state;
  } catch (e) {
    return e as Error;
  }
}

export type SaveOutcome =
  | { readonly kind: 'written'; readonly annSnapshot: string }
  /** The .ann on disk is not UTF-8 text: nothing was written. */
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'unchanged'; readonly annSnapshot: string | undefined }
  /** The .ann changed on disk since it was read: nothing was written. */
  | { readonly kind: 'conflict'; readonly onDisk: string | undefined };

/**
 * Writes the accepted annotations to the .ann (atomically) and the rejections to the state file.
 * Refuses when the .ann on disk is no longer what `expectedSnapshot` says, unless `force`.
 */
export function saveArticle(
  paths: ArticlePaths,
  text: string,
  annotations: readonly EntityAnnotation[],
  events: readonly EventAnnotation[],
  preserved: readonly string[],
  expectedSnapshot: string | undefined,
  force = false,
): SaveOutcome {
  const read = readIfExists(paths.ann);
  if (read instanceof TextFileError) return { kind: 'unreadable', reason: `${paths.ann} ${read.reason}; not overwritten` };
  const onDisk = read;
  if (!force && onDisk !== expectedSnapshot) return { kind: 'conflict', onDisk };
  const accepted = annotations.filter((a) => a.status === 'accepted');
  const content = hasHiddenBom(paths.text, text)
    ? serializeAnn(BOM + text, accepted.map((a) => shift(a, 1)), preserved, events)
    : serializeAnn(text, accepted, preserved, events);
  saveState(paths.state, text, annotations.filter((a) => a.status === 'rejected'), accepted.filter((a) => a.unseen && a.spans.length === 1));
  if (onDisk === content) return { kind: 'unchanged', annSnapshot: onDisk };
  if (onDisk === undefined && accepted.length === 0 && events.length === 0 && preserved.length === 0) return { kind: 'unchanged', annSnapshot: undefined };
  writeFileAtomic(paths.ann, content);
  return { kind: 'written', annSnapshot: content };
}

function saveState(statePath: string, text: string, rejected: readonly EntityAnnotation[], unseen: readonly EntityAnnotation[]): void {
  if (rejected.length === 0 && unseen.length === 0 && !fs.existsSync(statePath)) return;
  if (readState(statePath) instanceof Error) keepAside(statePath);
  const entry = (a: EntityAnnotation): StateEntry => ({ type: a.type, start: a.spans[0].start, end: a.spans[0].end, text: text.slice(a.spans[0].start, a.spans[0].end) });
  const state: StateFile = { version: 1, rejected: rejected.map(entry), ...(unseen.length ? { unseen: unseen.map(entry) } : {}) };
  fs.mkdirSync(path.dirname(statePath), { recursive: true });
  writeFileAtomic(statePath, JSON.stringify(state, null, 1) + '\n');
}

const BOM = '\uFEFF';

/**
 * Editors hide a UTF-8 byte order mark; brat (Python) counts it as the first character. When the
 * file has one and the editor's text does not, .ann offsets are one more than the editor's.
 */
function hasHiddenBom(textPath: string, editorText: string): boolean {
  if (editorText.startsWith(BOM)) return false;
  let fd: number | undefined;
  try {
    fd = fs.openSync(textPath, 'r');
    const head = Buffer.alloc(3);
    return fs.readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function shift(a: EntityAnnotation, by: number): EntityAnnotation {
  return { ...a, spans: a.spans.map((s) => ({ start: s.start + by, end: s.end + by })) };
}

/** A file's text; undefined when it does not exist; the TextFileError when it is not UTF-8 text. */
function readIfExists(file: string): string | TextFileError | undefined {
  try {
    return readTextFileSync(file).text;
  } catch (e) {
    if (e instanceof TextFileError && e.problem === 'missing') return undefined;
    if (e instanceof TextFileError && e.problem !== 'directory') return e;
    throw e;
  }
}
