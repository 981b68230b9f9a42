// Requests from a test inside the extension host to the code-server runner (scripts/test-e2e.mjs),
// which owns the browser page and is the only one able to take a picture of it or read what it
// renders: a screenshot, or the value of an expression evaluated in the page.
//
// Protocol: the runner sets TAWSIM_E2E_SCREENSHOT_DIR (a fresh temp dir) in code-server's
// environment, which the extension host inherits. The test writes <id>.request.json = {"name"} (a
// screenshot, saved as <repo>/docs/<name>.png) or {"evaluate"} (an expression); the runner polls
// the dir every 200 ms and writes <id>.done.json = {"path"} or {"value"} (or {"error"}). Under
// desktop VS Code (TAWSIM_E2E_HOST=electron) or without the env var there is nobody to ask.
import * as fs from 'fs';
import * as path from 'path';

/** True when a runner can take screenshots of the workbench and read its page (code-server harness). */
export function canSeePage(): boolean {
  return process.env.TAWSIM_E2E_HOST === 'code-server' && !!process.env.TAWSIM_E2E_SCREENSHOT_DIR;
}

let counter = 0;

async function ask(request: { name: string } | { evaluate: string }, what: string, timeoutMs: number): Promise<{ path?: string; value?: unknown }> {
  const dir = process.env.TAWSIM_E2E_SCREENSHOT_DIR!;
  const id = `${process.pid}-${Date.now()}-${++counter}`;
  const file = path.join(dir, `${id}.request.json`);
  const done = path.join(dir, `${id}.done.json`);
  // Write then rename, so the runner never reads half a request.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(request));
  fs.renameSync(`${file}.tmp`, file);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(done)) {
      const answer = JSON.parse(fs.readFileSync(done, 'utf8')) as { path?: string; value?: unknown; error?: string };
      fs.rmSync(done, { force: true });
      if (answer.error) throw new Error(`${what} failed: ${answer.error}`);
      return answer;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  fs.rmSync(file, { force: true });
  throw new Error(`${what} not answered within ${timeoutMs} ms (is scripts/test-e2e.mjs polling ${dir}?)`);
}

/**
 * Asks the runner for a screenshot of the whole page saved as docs/<name>.png in the repo.
 * Resolves true once the file is written, false when nobody can take screenshots.
 * Rejects when the runner reports an error or does not answer within `timeoutMs`.
 */
export async function requestScreenshot(name: string, timeoutMs = 30_000): Promise<boolean> {
  if (!canSeePage()) return false;
  if (!/^[\w.-]+$/.test(name)) throw new Error(`screenshot name must match [\\w.-]+: ${name}`);
  await ask({ name }, `screenshot '${name}'`, timeoutMs);
  return true;
}

/** The JSON value of `expression` evaluated in the workbench page (only where canSeePage()). */
export async function evaluateInPage<T>(expression: string, timeoutMs = 30_000): Promise<T> {
  if (!canSeePage()) throw new Error('no runner can read the page here');
  return (await ask({ evaluate: expression }, 'page evaluation', timeoutMs)).value as T;
}
