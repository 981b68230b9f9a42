// Deleting files that may not be there: a file that is gone already (or whose folder is a file)
// is fine; one that cannot be deleted is named with the reason, for the caller to say.

import * as fs from 'node:fs';

/** Deletes each file; returns "file (reason)" for each one still there. */
export function removeFiles(files: readonly string[]): string[] {
  const left: string[] = [];
  for (const file of files) {
    try {
      fs.rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') left.push(`${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  return left;
}
