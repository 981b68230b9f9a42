// Screenshot handshake between a test inside the extension host and the code-server runner
// (scripts/test-e2e.mjs), which owns the browser page and is the only one able to take a picture.
//
// Protocol: the runner sets TAWSIM_E2E_SCREENSHOT_DIR (a fresh temp dir) in code-server's
// environment, which the extension host inherits. The test writes <id>.request.json = {"name"};
// the runner polls the dir every 200 ms, saves page.screenshot() as <repo>/docs/<name>.png and
// writes <id>.done.json = {"path"} (or {"error"}). Under desktop VS Code (TAWSIM_E2E_HOST=electron)
// or without the env var there is nobody to ask: requestScreenshot resolves false at once.
import * as fs from 'fs';
import * as path from 'path';

/** True when a runner can take screenshots of the workbench (code-server harness). */
export function canScreenshot(): boolean {
  return process.env.TAWSIM_E2E_HOST === 'code-server' && !!process.env.TAWSIM_E2E_SCREENSHOT_DIR;
}

let counter = 0;

/**
 * Asks the runner for a screenshot of the whole page saved as docs/<name>.png in the repo.
 * Resolves true once the file is written, false when nobody can take screenshots.
 * Rejects when the runner reports an error or does not answer within `timeoutMs`.
 */
export async function requestScreenshot(name: string, timeoutMs = 30_000): Promise<boolean> {
  if (!canScreenshot()) return false;
  if (!/^[\w.-]+$/.test(name)) throw new Error(`screenshot name must match [\\w.-]+: ${name}`);
  const dir = process.env.TAWSIM_E2E_SCREENSHOT_DIR!;
  const id = `${process.pid}-${Date.now()}-${++counter}`;
  const request = path.join(dir, `${id}.request.json`);
  const done = path.join(dir, `${id}.done.json`);
  // Write then rename, so the runner never reads half a request.
  fs.writeFileSync(`${request}.tmp`, JSON.stringify({ name }));
  fs.renameSync(`${request}.tmp`, request);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(done)) {
      const answer = JSON.parse(fs.readFileSync(done, 'utf8')) as { path?: string; error?: string };
      fs.rmSync(done, { force: true });
      if (answer.error) throw new Error(`screenshot '${name}' failed: ${answer.error}`);
      return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  fs.rmSync(request, { force: true });
  throw new Error(`screenshot '${name}' not taken within ${timeoutMs} ms (is scripts/test-e2e.mjs polling ${dir}?)`);
}
