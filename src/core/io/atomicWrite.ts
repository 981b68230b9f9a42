// Writing a file so that readers see the old content or the new one, never a torn mix: the data
// goes to a temporary file in the same folder, is flushed to disk, then renamed over the target.
// A symbolic link is followed (its target is replaced, the link stays); an existing file's
// permissions are kept.

import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const target = resolveLink(file);
  const temp = tempPathFor(target);
  const mode = existingMode(target);
  try {
    const fd = fs.openSync(temp, 'wx', mode ?? 0o666);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (mode !== undefined) fs.chmodSync(temp, mode);
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

export async function writeFileAtomicAsync(file: string, data: string | Uint8Array): Promise<void> {
  const target = await fs.promises.realpath(file).catch(() => file);
  const temp = tempPathFor(target);
  const mode = await fs.promises.stat(target).then((s) => s.mode & 0o7777, () => undefined);
  try {
    const handle = await fs.promises.open(temp, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await fs.promises.chmod(temp, mode);
    await fs.promises.rename(temp, target);
  } catch (e) {
    await fs.promises.rm(temp, { force: true });
    throw e;
  }
}

function tempPathFor(target: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${random}.tmp`);
}

function resolveLink(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file; // does not exist yet
  }
}

function existingMode(file: string): number | undefined {
  try {
    return fs.statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}
