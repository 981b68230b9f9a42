// A file that cannot be read is moved aside rather than written over: `<name>.unreadable`, or
// `.unreadable2`… when that is taken.

import * as fs from 'node:fs';

export const UNREADABLE_SUFFIX = '.unreadable';

/** Renames `file` aside and returns where it went. */
export function keepAside(file: string): string {
  let target = `${file}${UNREADABLE_SUFFIX}`;
  for (let n = 2; fs.existsSync(target); n++) target = `${file}${UNREADABLE_SUFFIX}${n}`;
  fs.renameSync(file, target);
  return target;
}
