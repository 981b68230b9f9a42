// Where each format puts an exported article. brat: `<out>/<rel>.txt` + `.ann`, and an
// annotation.conf + visual.conf in every output folder (brat takes the nearest); JSONL: one
// `<out>/articles.jsonl`; CoNLL: `<out>/<rel>.conll`.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { serializeAnn } from '../formats/annFile';
import type { SchemaLookup } from '../schema/findSchema';
import type { Schema } from '../schema/types';
import { schemaToAnnotationConf, schemaToVisualConf } from '../schema/writeConf';
import { articlePaths } from '../session/articleFiles';
import type { ArticleFiles } from './collectArticles';
import { toConll } from './conll';
import { jsonlRecord } from './jsonl';
import { linesForBrat, unseenNotes, type ArticleForExport } from './readArticle';
import type { ExportFormat } from './types';
import { confWithMissing, describeMissing, isEmpty, UsedTypes, withMissing } from './usedTypes';

export interface SinkContext {
  readonly outDir: string;
  /** Writes a file atomically, creating folders; false when it refused (the path is an input). */
  write(file: string, content: string): Promise<boolean>;
  problem(file: string, message: string): void;
  schemaOf(files: ArticleFiles): SchemaLookup;
}

export interface ExportSink {
  /** Exports one article; returns how many annotations it exported, undefined when it wrote nothing. */
  add(files: ArticleFiles, article: ArticleForExport): Promise<number | undefined>;
  /** Writes what is written once for all articles. */
  finish(cancelled: boolean): Promise<void>;
}

export const JSONL_FILE = 'articles.jsonl';

export function createSink(format: ExportFormat, ctx: SinkContext): ExportSink {
  if (format === 'brat') return bratSink(ctx);
  if (format === 'jsonl') return jsonlSink(ctx);
  return conllSink(ctx);
}

function bratSink(ctx: SinkContext): ExportSink {
  const folders = new Map<string, { schema: Schema; lookup: SchemaLookup; used: UsedTypes }>();
  return {
    async add(files, article) {
      const textOut = path.join(ctx.outDir, files.relPath);
      const { kept, dropped } = linesForBrat(article.annotations, article.otherLines);
      const notes = unseenNotes(article.annotations, kept);
      if (!(await ctx.write(textOut, article.text))) return undefined;
      if (!(await ctx.write(articlePaths(textOut).ann, serializeAnn(article.text, article.annotations, [...kept, ...notes])))) return undefined;
      for (const r of dropped) ctx.problem(files.annPath, `${files.annPath}:${r.line}: ${r.id} points at an annotation that is not exported; left out of the export`);
      const lookup = ctx.schemaOf(files);
      const { schema } = lookup;
      const dir = path.dirname(textOut);
      const folder = folders.get(dir) ?? { schema, lookup, used: new UsedTypes() };
      folders.set(dir, folder);
      if (folder.schema.origin !== schema.origin) {
        ctx.problem(files.textPath, `${files.textPath} uses the schema of ${schema.origin}, but ${dir} already holds articles of ${folder.schema.origin}; its annotation.conf is that one`);
      }
      folder.used.add(article.annotations, kept);
      return article.annotations.length;
    },
    async finish() {
      for (const [dir, { schema, lookup, used }] of folders) {
        const missing = used.missingFrom(schema);
        const full = withMissing(schema, missing);
        if (!isEmpty(missing)) ctx.problem(dir, `${dir}: ${describeMissing(missing)} are used but not in ${schema.origin}; the exported annotation.conf declares them as they are used`);
        // The articles' own conf files go out as they are (brat's directives, aliases and comments
        // with them), with the types they lack added; without one, the schema is written.
        const own = (file: string | undefined) => (file && lookup.errors.length === 0 ? readConf(file) : undefined);
        const conf = own(lookup.confPath);
        await ctx.write(path.join(dir, 'annotation.conf'), conf !== undefined ? confWithMissing(conf, missing) : schemaToAnnotationConf(full));
        const visual = isEmpty(missing) ? own(lookup.visualPath) : undefined;
        await ctx.write(path.join(dir, 'visual.conf'), visual ?? schemaToVisualConf(full));
      }
    },
  };
}

function readConf(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Events that point at an annotation or event left out are left out too, and said so. */
function reportDroppedEvents(ctx: SinkContext, files: ArticleFiles, article: ArticleForExport): void {
  for (const e of article.droppedEvents) ctx.problem(files.annPath, `${files.annPath}: ${e.id} points at an annotation that is not exported; left out of the export`);
}

/** Relations, attributes and notes have no place in JSONL or CoNLL: say how many were left out. */
function reportLinesLeftOut(ctx: SinkContext, files: ArticleFiles, article: ArticleForExport, format: string): void {
  const kinds = [
    ['relation', /^R\d+$/],
    ['attribute', /^[AM]\d+$/],
    ['note', /^#\d+$/],
    ['normalization', /^N\d+$/],
    ['equivalence', /^\*$/],
  ] as const;
  const counts = kinds
    .map(([name, id]) => [name, article.otherLines.filter((l) => id.test(l.id)).length] as const)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} ${name}${n === 1 ? '' : 's'}`);
  if (counts.length) ctx.problem(files.annPath, `${files.annPath}: ${counts.join(', ')} left out: ${format} does not hold them (export to brat to keep them)`);
}

function jsonlSink(ctx: SinkContext): ExportSink {
  const lines: string[] = [];
  return {
    async add(files, article) {
      reportDroppedEvents(ctx, files, article);
      reportLinesLeftOut(ctx, files, article, 'JSONL');
      lines.push(jsonlRecord(files.relPath, article.text, article.annotations, article.events));
      return article.annotations.length;
    },
    async finish(cancelled) {
      // A cancelled export writes no JSONL rather than one that looks complete.
      if (!cancelled && lines.length) await ctx.write(path.join(ctx.outDir, JSONL_FILE), lines.map((l) => l + '\n').join(''));
    },
  };
}

function conllSink(ctx: SinkContext): ExportSink {
  return {
    async add(files, article) {
      // CoNLL tags entities: event triggers (T lines of an event type) are left out.
      const events = new Set(ctx.schemaOf(files).schema.events.map((e) => e.name));
      const triggers = new Set(article.events.map((e) => e.trigger));
      const entities = article.annotations.filter((a) => !events.has(a.type) && !triggers.has(a.id));
      const eventCount = article.events.length + article.droppedEvents.length;
      if (eventCount) {
        ctx.problem(files.annPath, `${files.annPath}: ${eventCount} event${eventCount === 1 ? '' : 's'} left out: CoNLL holds entities only (export to brat or JSONL to keep events)`);
      }
      reportLinesLeftOut(ctx, files, article, 'CoNLL');
      const { conll, skipped } = toConll(article.text, entities);
      for (const s of skipped) ctx.problem(files.annPath, `${files.annPath}: ${s.id} ${s.reason}; left out of the CoNLL export`);
      const out = path.join(ctx.outDir, files.relPath.replace(/\.[^./]*$/, '') + '.conll');
      return (await ctx.write(out, conll)) ? entities.length - new Set(skipped.map((s) => s.id)).size : undefined;
    },
    async finish() {},
  };
}
