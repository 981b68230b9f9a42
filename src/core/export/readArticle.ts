// Reading one article for export: its text and the annotations of its .ann that can be exported.
// Annotations whose recorded text disagrees with the text, and lines that could not be read, are
// left out and reported; non-T lines (events, relations, notes…) go to brat when every id they
// point at is exported too. Annotations accepted unseen (Accept Confident Entity Suggestions,
// recorded in the article's .tawsim state) are marked so: the exports say which were never reviewed.

import * as fs from 'node:fs';
import { parseBrat, referencedIds, type BratOtherLine } from '../formats/brat';
import { loadAnn } from '../formats/annFile';
import { readTextFile } from '../io/readText';
import type { EntityAnnotation, EventAnnotation } from '../model';
import { articlePaths, markUnseen } from '../session/articleFiles';
import type { ArticleFiles } from './collectArticles';

export interface ArticleForExport {
  readonly text: string;
  readonly annotations: EntityAnnotation[];
  /** Events whose trigger and arguments are all exported (an argument that is an event, when that event is). */
  readonly events: EventAnnotation[];
  /** Events left out because something they point at is not exported. */
  readonly droppedEvents: EventAnnotation[];
  /** The well-formed non-T lines (events, relations, attributes, notes…). */
  readonly otherLines: BratOtherLine[];
  /** Complete messages naming the .ann. */
  readonly problems: string[];
}

/** Throws a TextFileError when the text or the .ann cannot be read as text. */
export async function readArticle(files: ArticleFiles): Promise<ArticleForExport> {
  const { text } = await readTextFile(files.textPath);
  if (!fs.existsSync(files.annPath)) return { text, annotations: [], events: [], droppedEvents: [], otherLines: [], problems: [] };
  const ann = (await readTextFile(files.annPath)).text;
  const loaded = loadAnn(text, ann);
  const problems = loaded.problems.map((p) => `${files.annPath}:${p.line}: ${p.message}; left out of the export`);
  const annotations: EntityAnnotation[] = [];
  for (const a of loaded.annotations) {
    if (a.problem) problems.push(`${files.annPath}: ${a.id}: ${a.problem}; left out of the export`);
    else annotations.push(a);
  }
  const otherLines = parseBrat(ann).filter((r): r is BratOtherLine => r.kind === 'other');
  const events = exportableEvents(annotations, loaded.events);
  const marked = markUnseen(annotations, articlePaths(files.textPath), text);
  if (marked.problem) problems.push(marked.problem);
  return { text, annotations: marked.annotations, events, droppedEvents: loaded.events.filter((e) => !events.includes(e)), otherLines, problems };
}

/** The events whose trigger and arguments are exported annotations or exportable events. */
function exportableEvents(annotations: readonly EntityAnnotation[], events: readonly EventAnnotation[]): EventAnnotation[] {
  const entities = new Set(annotations.map((a) => a.id));
  let kept = [...events];
  for (let changed = true; changed; ) {
    const ids = new Set(kept.map((e) => e.id));
    const next = kept.filter((e) => entities.has(e.trigger) && e.args.every((a) => entities.has(a.target) || ids.has(a.target)));
    changed = next.length !== kept.length;
    kept = next;
  }
  return kept;
}

/**
 * The non-T lines brat can load beside `annotations`: those pointing only at exported ids (a line
 * pointing at a dropped line is dropped too). Returns the kept lines, verbatim, and the dropped ones.
 */
export function linesForBrat(annotations: readonly EntityAnnotation[], others: readonly BratOtherLine[]): { kept: string[]; dropped: BratOtherLine[] } {
  let kept = [...others];
  for (let changed = true; changed; ) {
    const available = new Set([...annotations.map((a) => a.id), ...kept.map((r) => r.id)]);
    const next = kept.filter((r) => referencedIds(r.raw).every((id) => available.has(id)));
    changed = next.length !== kept.length;
    kept = next;
  }
  return { kept: kept.map((r) => r.raw), dropped: others.filter((r) => !kept.includes(r)) };
}

/** The note brat shows on an annotation accepted unseen. */
export const UNSEEN_NOTE = 'Tawsim: accepted unseen (Accept Confident Entity Suggestions), not reviewed';

/** brat AnnotatorNotes lines for the annotations accepted unseen, numbered after the `#` lines of `lines`. */
export function unseenNotes(annotations: readonly EntityAnnotation[], lines: readonly string[]): string[] {
  let last = Math.max(0, ...lines.map((raw) => /^#(\d+)\t/.exec(raw)?.[1]).filter((n) => n !== undefined).map(Number));
  return annotations.filter((a) => a.unseen).map((a) => `#${++last}\tAnnotatorNotes ${a.id}\t${UNSEEN_NOTE}`);
}
