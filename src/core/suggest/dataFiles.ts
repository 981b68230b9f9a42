// Reading the engine's data files: UTF-8 lists, one entry per line, TAB-separated columns,
// `#` lines are comments.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeForMatching, tokenize } from '../text';

/** The entry lines of a list file under `dataDir` (comments and empty lines left out). */
export function readLines(dataDir: string, relativePath: string): string[] {
  const lines: string[] = [];
  for (const line of readFileSync(join(dataDir, relativePath), 'utf8').split('\n')) {
    const l = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (l && !l.startsWith('#')) lines.push(l);
  }
  return lines;
}

/** The rows of a list file under `dataDir`, columns split at TAB. */
export function readRows(dataDir: string, relativePath: string): string[][] {
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
