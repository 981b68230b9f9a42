// Reading one article for export: its text and the annotations of its .ann that can be exported.
// Annotations whose recorded text disagrees with the text, and lines that could not be read, are
// left out and reported; non-T lines (events, relations, notes…) are kept for brat when every id
// they point at is exported too.

import * as fs from 'node:fs';
import { referencedIds, idOfLine, parseBrat } from '../formats/brat';
import { loadAnn } from '../formats/annFile';
import { readTextFile } from '../io/readText';
import type { EntityAnnotation } from '../model';
import type { ArticleFiles } from './collectArticles';

export interface ArticleForExport {
  readonly text: string;
  readonly annotations: EntityAnnotation[];
  /** Well-formed non-T lines whose references all resolve, verbatim. */
  readonly otherLines: string[];
  /** Complete messages naming the .ann. */
  readonly problems: string[];
}

/** Throws a TextFileError when the text or the .ann cannot be read as text. */
export async function readArticle(files: ArticleFiles): Promise<ArticleForExport> {
  const { text } = await readTextFile(files.textPath);
  if (!fs.existsSync(files.annPath)) return { text, annotations: [], otherLines: [], problems: [] };
  const ann = (await readTextFile(files.annPath)).text;
  const loaded = loadAnn(text, ann);
  const problems = loaded.problems.map((p) => `${files.annPath}:${p.line}: ${p.message}; left out of the export`);
  const annotations: EntityAnnotation[] = [];
  for (const a of loaded.annotations) {
    if (a.problem) problems.push(`${files.annPath}: ${a.id}: ${a.problem}; left out of the export`);
    else annotations.push(a);
  }
  // Non-T lines that point only at exported ids; a line pointing at a dropped line is dropped too.
  let others = parseBrat(ann).filter((r) => r.kind === 'other');
  for (let changed = true; changed; ) {
    const available = new Set([...annotations.map((a) => a.id), ...others.map((r) => r.id)]);
    const next = others.filter((r) => referencedIds(r.raw).every((id) => available.has(id)));
    changed = next.length !== others.length;
    for (const r of others) {
      if (!next.includes(r)) problems.push(`${files.annPath}:${r.line}: ${idOfLine(r.raw)} points at an annotation that is not exported; left out of the export`);
    }
    others = next;
  }
  return { text, annotations, otherLines: others.map((r) => r.raw), problems };
}
