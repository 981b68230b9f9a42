#!/usr/bin/env node
// `npm run test:electron`: the same extension-host suite (out/test/e2e/index.js) in desktop VS Code
// 1.100.3 via @vscode/test-electron. Needs a machine that can download VS Code from
// update.code.visualstudio.com (cached in .vscode-test/ afterwards) or a local binary in
// TAWSIM_VSCODE_EXECUTABLE. Without a display on Linux, run it under `xvfb-run -a`.
// Tests see TAWSIM_E2E_HOST=electron (no screenshots, no version assertion) and TAWSIM_E2E_WORKSPACE.
import dns from 'node:dns/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO, VSCODE_VERSION, seedUserSettings } from './code-server.mjs';

const TESTS_INDEX = path.join(REPO, 'out', 'test', 'e2e', 'index.js');
const TIMEOUT_MS = Number(process.env.TAWSIM_E2E_TIMEOUT_MIN || 15) * 60_000;
const say = (msg) => console.log(`[test:electron] ${msg}`);

if (!fs.existsSync(TESTS_INDEX)) {
  console.error(`[test:electron] ${path.relative(REPO, TESTS_INDEX)} is missing: run \`npm run build\` first.`);
  process.exit(2);
}

const executable = process.env.TAWSIM_VSCODE_EXECUTABLE;
const cached = fs.existsSync(path.join(REPO, '.vscode-test')) &&
  fs.readdirSync(path.join(REPO, '.vscode-test')).some((d) => d.includes(VSCODE_VERSION));
if (!executable && !cached) {
  // @vscode/test-electron would otherwise fail with a long stack (or wait on timeouts) when offline.
  try {
    await Promise.race([
      dns.lookup('update.code.visualstudio.com'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('DNS lookup timed out')), 10_000)),
    ]);
  } catch (e) {
    console.error(
      `[test:electron] cannot reach update.code.visualstudio.com (${e.code ?? e.message}) to download VS Code ${VSCODE_VERSION}.\n` +
        '  This machine is offline: use `npm run test:e2e` (the same tests in VS Code served by code-server),\n' +
        '  or point TAWSIM_VSCODE_EXECUTABLE at a local VS Code binary.',
    );
    process.exit(3);
  }
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  say('warning: no DISPLAY; if VS Code fails to start, run `xvfb-run -a npm run test:electron`');
}

// realpath: on macOS os.tmpdir() is behind a symlink; the workspace path must match what VS Code reports.
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-electron-')));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(REPO, 'samples'), path.join(workspace, 'samples'), { recursive: true });
const userDataDir = path.join(tmp, 'user-data');
seedUserSettings(userDataDir);

const timer = setTimeout(() => {
  console.error(`[test:electron] global timeout of ${TIMEOUT_MS / 60000} min reached`);
  process.exit(124);
}, TIMEOUT_MS);

let code = 1;
try {
  code = await runTests({
    version: VSCODE_VERSION,
    ...(executable ? { vscodeExecutablePath: executable } : {}),
    extensionDevelopmentPath: REPO,
    extensionTestsPath: TESTS_INDEX,
    extensionTestsEnv: { TAWSIM_E2E_HOST: 'electron', TAWSIM_E2E_WORKSPACE: workspace },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--user-data-dir', userDataDir,
      '--extensions-dir', path.join(tmp, 'extensions'),
    ],
  });
} catch (e) {
  console.error(`[test:electron] ${e?.message ?? e}`);
  code = typeof e?.code === 'number' ? e.code : 1;
} finally {
  clearTimeout(timer);
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
