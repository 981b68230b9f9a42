// Entry point of the extension-host tests, loaded by VS Code through `extensionTestsPath`
// (code-server harness: scripts/test-e2e.mjs; desktop VS Code: scripts/test-electron.mjs).
// VS Code calls run(); when the promise settles it exits with 0 (resolved) or 1 (rejected).
//
// Runs every out/test/e2e/**/*.e2e.js with mocha (BDD: describe/it), 60 s per test. Results go
// through console.log, which both hosts forward (code-server: to the page console, piped to stdout
// by the runner; electron: to stdout), one line per event:
//   E2E PASS <suite › test> (<ms> ms)
//   E2E FAIL <suite › test>: <message>      followed by the stack, each line prefixed "E2E   "
//   E2E SKIP <suite › test>
//   E2E SUMMARY passing=<n> failing=<n> pending=<n> duration=<ms>ms
import * as fs from 'fs';
import * as path from 'path';
import Mocha = require('mocha');

function findTests(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(p, out);
    else if (entry.name.endsWith('.e2e.js')) out.push(p);
  }
  return out.sort();
}

function title(test: Mocha.Runnable): string {
  return test.titlePath().join(' › ');
}

/** One console.log per line, so each reaches the page console (and the runner) as its own message. */
function emit(text: string): void {
  for (const line of text.split('\n')) console.log(line);
}

class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_BEGIN, EVENT_RUN_END } = Mocha.Runner.constants;
    const started = Date.now();
    let passing = 0;
    let failing = 0;
    let pending = 0;
    runner.on(EVENT_RUN_BEGIN, () => emit(`E2E START vscode ${require('vscode').version} host=${process.env.TAWSIM_E2E_HOST ?? 'unknown'}`));
    runner.on(EVENT_TEST_PASS, (test) => {
      passing++;
      emit(`E2E PASS ${title(test)} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_PENDING, (test) => {
      pending++;
      emit(`E2E SKIP ${title(test)}`);
    });
    runner.on(EVENT_TEST_FAIL, (test, err: Error) => {
      failing++;
      const message = String(err?.message ?? err);
      emit(`E2E FAIL ${title(test)}: ${message.split('\n')[0]}`);
      // The full message and stack, every line prefixed so the runner relays it as one block.
      const details = err?.stack && err.stack.includes(message.split('\n')[0]) ? err.stack : `${message}\n${err?.stack ?? ''}`;
      emit(details.trimEnd().split('\n').map((l) => `E2E   ${l}`).join('\n'));
    });
    runner.once(EVENT_RUN_END, () => {
      emit(`E2E SUMMARY passing=${passing} failing=${failing} pending=${pending} duration=${Date.now() - started}ms`);
    });
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: LineReporter as unknown as string });
  if (process.env.TAWSIM_E2E_GREP) mocha.grep(new RegExp(process.env.TAWSIM_E2E_GREP)); // run a subset while developing
  const files = findTests(__dirname);
  for (const f of files) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      emit(`E2E FAIL (no *.e2e.js files under ${__dirname})`);
      emit('E2E SUMMARY passing=0 failing=1 pending=0 duration=0ms');
      reject(new Error('no e2e test files'));
      return;
    }
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
    } catch (err) {
      emit(`E2E FAIL (loading the tests): ${(err as Error)?.stack ?? err}`);
      emit('E2E SUMMARY passing=0 failing=1 pending=0 duration=0ms');
      reject(err);
    }
  });
}
