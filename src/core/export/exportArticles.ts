// Exporting the accepted annotations of articles: the entry point of the CLI's `export` and the
// extension's export command. Inputs are only read; every output is written atomically.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomicAsync } from '../io/atomicWrite';
import { formatConfError } from '../schema/confFile';
import { findSchema, type SchemaLookup } from '../schema/findSchema';
import { collectArticles, type ArticleFiles } from './collectArticles';
import { readArticle } from './readArticle';
import { createSink } from './sinks';
import type { ExportOptions, ExportProblem, ExportReport } from './types';

export async function exportArticles(options: ExportOptions): Promise<ExportReport> {
  const outDir = path.resolve(options.outDir);
  const problems: ExportProblem[] = [];
  const failed: string[] = [];
  const filesWritten: string[] = [];
  const fail = (p: ExportProblem) => {
    problems.push(p);
    failed.push(p.file);
  };
  let unseen = 0;
  const report = (articles: number, annotations: number, cancelled: boolean): ExportReport => ({
    format: options.format, outDir, articles, annotations, unseen, filesWritten, failed, problems, cancelled,
  });

  const collected = await collectArticles(options.inputs);
  collected.failures.forEach(fail);
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) {
    fail({ file: outDir, message: `the output ${outDir} is a file; choose a folder` });
    return report(0, 0, false);
  }
  const enclosing = collected.folders.find((f) => f === outDir || outDir.startsWith(f + path.sep));
  if (enclosing) {
    fail({ file: outDir, message: `the output folder ${outDir} is inside the input folder ${enclosing}; choose a folder outside it` });
    return report(0, 0, false);
  }

  // Files that are only read: the articles, their .ann, and the brat configuration they use.
  const inputs = new Set(collected.articles.flatMap((a) => [a.textPath, a.annPath]));
  const schemas = new Map<string, SchemaLookup>();
  const reportedConfs = new Set<string>();
  const schemaOf = (files: ArticleFiles): SchemaLookup => {
    const root = options.schemaRoot ?? files.root;
    const key = `${path.dirname(files.textPath)}\n${root}`;
    let found = schemas.get(key);
    if (!found) {
      found = findSchema(files.textPath, root);
      schemas.set(key, found);
      for (const conf of [found.confPath, found.visualPath]) if (conf) inputs.add(conf);
      for (const e of found.errors) {
        if (reportedConfs.has(e.file)) continue;
        reportedConfs.add(e.file);
        problems.push({ file: e.file, message: `${formatConfError(e)} (the built-in news schema is used)` });
      }
    }
    return found;
  };
  const sink = createSink(options.format, {
    outDir,
    schemaOf,
    problem: (file, message) => problems.push({ file, message }),
    async write(file, content) {
      if (inputs.has(file)) {
        problems.push({ file, message: `${file} is one of the inputs; not overwritten (choose another output folder)` });
        return false;
      }
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomicAsync(file, content);
      filesWritten.push(file);
      return true;
    },
  });

  const byRelPath = new Map<string, string>();
  let articles = 0;
  let annotations = 0;
  let cancelled = false;
  const total = collected.articles.length;
  for (const [i, files] of collected.articles.entries()) {
    if (options.isCancelled?.()) {
      cancelled = true;
      break;
    }
    const clash = byRelPath.get(files.relPath);
    if (clash) {
      fail({ file: files.textPath, message: `${files.textPath} would be exported as ${files.relPath}, like ${clash}; export them separately` });
    } else {
      byRelPath.set(files.relPath, files.textPath);
      try {
        const article = await readArticle(files);
        for (const message of article.problems) problems.push({ file: files.annPath, message });
        const exported = await sink.add(files, article);
        if (exported === undefined) failed.push(files.textPath);
        else {
          annotations += exported;
          unseen += article.annotations.filter((a) => a.unseen).length;
          articles++;
        }
      } catch (e) {
        fail({ file: files.textPath, message: (e as Error).message });
      }
    }
    options.onProgress?.(i + 1, total, files.textPath);
  }
  await sink.finish(cancelled);
  return report(articles, annotations, cancelled);
}
