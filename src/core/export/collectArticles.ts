// Which articles an export covers: article files given directly (an `.ann` stands for its `.txt`),
// and every `.txt` below a folder, recursively (hidden folders and files are skipped).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { articlePaths } from '../session/articleFiles';
import type { ExportProblem } from './types';

export interface ArticleFiles {
  readonly textPath: string;
  /** The brat sidecar (`X.txt` → `X.ann`); it may not exist. */
  readonly annPath: string;
  /** Path relative to the input folder (a file input: its name), with `/` separators. */
  readonly relPath: string;
  /** The input folder, or a file input's folder. */
  readonly root: string;
}

export interface CollectedArticles {
  readonly articles: ArticleFiles[];
  /** Folders among the inputs (resolved). */
  readonly folders: string[];
  readonly failures: ExportProblem[];
}

export async function collectArticles(inputs: readonly string[]): Promise<CollectedArticles> {
  const articles: ArticleFiles[] = [];
  const folders: string[] = [];
  const failures: ExportProblem[] = [];
  const seen = new Set<string>();
  const add = (textPath: string, root: string) => {
    if (seen.has(textPath)) return;
    seen.add(textPath);
    articles.push({ textPath, annPath: articlePaths(textPath).ann, relPath: path.relative(root, textPath).split(path.sep).join('/'), root });
  };
  for (const input of inputs) {
    const resolved = path.resolve(input);
    const stat = await fs.promises.stat(resolved).catch(() => undefined);
    if (!stat) {
      failures.push({ file: input, message: `${input}: no such file or folder` });
    } else if (stat.isDirectory()) {
      folders.push(resolved);
      for (const file of await textFilesBelow(resolved)) add(file, resolved);
    } else if (path.extname(resolved) === '.ann') {
      const textPath = resolved.slice(0, -'.ann'.length) + '.txt';
      if (fs.existsSync(textPath)) add(textPath, path.dirname(textPath));
      else failures.push({ file: input, message: `${input}: no ${path.basename(textPath)} beside this .ann, so there is no text to export` });
    } else {
      add(resolved, path.dirname(resolved));
    }
  }
  return { articles, folders, failures };
}

async function textFilesBelow(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.promises.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await textFilesBelow(full)));
    else if (entry.name.endsWith('.txt') && (entry.isFile() || (await isFile(full)))) out.push(full);
  }
  return out;
}

async function isFile(file: string): Promise<boolean> {
  return fs.promises.stat(file).then((s) => s.isFile(), () => false);
}
