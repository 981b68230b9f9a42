// Reading the engine's data files: UTF-8 lists, one entry per line, TAB-separated columns,
// `#` lines are comments.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeForMatching, tokenize } from '../text';

/** Where the data files are: a folder, or files already read (relative path → content; see recordingReader). */
export type DataSource = string | { readonly read: (relativePath: string) => string };

/** A data folder's reader that remembers every file read (relative path → content), in reading order. */
export function recordingReader(dataDir: string): { readonly read: (relativePath: string) => string; readonly files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    read: (relativePath) => {
      const content = readFileSync(join(dataDir, relativePath), 'utf8');
      files.set(relativePath, content);
      return content;
    },
  };
}

/** The entry lines of a list file under `dataDir` (comments and empty lines left out). */
export function readLines(dataDir: DataSource, relativePath: string): string[] {
  const lines: string[] = [];
  const text = typeof dataDir === 'string' ? readFileSync(join(dataDir, relativePath), 'utf8') : dataDir.read(relativePath);
  for (const line of text.split('\n')) {
    const l = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (l && !l.startsWith('#')) lines.push(l);
  }
  return lines;
}

/** The rows of a list file under `dataDir`, columns split at TAB. */
export function readRows(dataDir: DataSource, relativePath: string): string[][] {
  return readLines(dataDir, relativePath).map((l) => l.split('\t'));
}

/** The first column of a TAB-separated line and the rest after the TAB ('' when there is none). */
export function splitFirst(line: string): [string, string] {
  const tab = line.indexOf('\t');
  return tab < 0 ? [line, ''] : [line.slice(0, tab), line.slice(tab + 1)];
}

/** The matching forms of a phrase's words, tokenized like document text (for hand-written lists). */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => normalizeForMatching(t.text));
}
