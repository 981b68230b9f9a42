#!/usr/bin/env node
// `npm start`: Tawsim in real VS Code 1.100.3 (code-server) in your browser, offline.
//
// 1. installs code-server under .cache/code-server/ if needed (scripts/code-server.mjs);
// 2. packages the freshly built extension (`npm start` builds first) into .cache/start/tawsim-dev.vsix
//    and installs it into a persistent profile (.cache/start/extensions, .cache/start/user-data),
//    exactly as a user would install the .vsix;
// 3. copies samples/ to .cache/workspace/samples/ once, so annotations you make there persist across
//    starts while the repo stays clean (delete .cache/workspace to start over);
// 4. serves http://127.0.0.1:8080 (env TAWSIM_PORT to change), loopback only, no password, with
//    .cache/workspace open, until Ctrl+C.
import fs from 'node:fs';
import path from 'node:path';
import { REPO, VSCODE_VERSION, ensureCodeServer, installVsix, isPortInUse, startCodeServer } from './code-server.mjs';
import { packageVsix } from './package.mjs';

const port = Number(process.env.TAWSIM_PORT || 8080);
const startDir = path.join(REPO, '.cache', 'start');
const userDataDir = path.join(startDir, 'user-data');
const extensionsDir = path.join(startDir, 'extensions');
const workspace = path.join(REPO, '.cache', 'workspace');
const vsixFile = path.join(startDir, 'tawsim-dev.vsix');
const say = (msg) => console.log(`[start] ${msg}`);

// Lines of code-server's log that are expected offline and not worth showing.
const NOISE = [/open-vsx\.org/, /ENOTFOUND/, /vsda/, /update check/i, /Session server started/];

try {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`bad TAWSIM_PORT: ${process.env.TAWSIM_PORT}`);
  if (await isPortInUse(port)) {
    throw new Error(`port ${port} on 127.0.0.1 is in use (another \`npm start\`?). Stop it or set TAWSIM_PORT=<port>.`);
  }
  await ensureCodeServer();

  say('packaging the extension…');
  const { bytes } = packageVsix({ out: vsixFile, quiet: true });
  say(`installing ${path.relative(REPO, vsixFile)} (${(bytes / 1024).toFixed(0)} KiB) into ${path.relative(REPO, extensionsDir)}…`);
  fs.mkdirSync(userDataDir, { recursive: true });
  await installVsix(vsixFile, { userDataDir, extensionsDir });

  const samplesCopy = path.join(workspace, 'samples');
  if (!fs.existsSync(samplesCopy)) {
    fs.mkdirSync(workspace, { recursive: true });
    fs.cpSync(path.join(REPO, 'samples'), samplesCopy, { recursive: true });
    say(`copied samples/ to ${path.relative(REPO, samplesCopy)}/`);
  }

  const server = await startCodeServer({
    port,
    workspace,
    userDataDir,
    extensionsDir,
    onLog: (line) => {
      if (!NOISE.some((re) => re.test(line))) console.log(`[code-server] ${line}`);
    },
  });
  const url = `${server.url}?folder=${encodeURIComponent(workspace)}`;
  console.log(`\n  Tawsim in VS Code ${VSCODE_VERSION}: ${url}\n  (workspace ${workspace}; Ctrl+C to stop)\n`);

  let stopping = false;
  const stop = async (sig) => {
    if (stopping) return;
    stopping = true;
    say(`${sig}: stopping code-server…`);
    await server.stop();
    process.exit(0);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(sig));
  const code = await server.exited;
  if (!stopping) {
    console.error(`[start] code-server exited unexpectedly (${code})`);
    process.exit(1);
  }
} catch (e) {
  console.error(`\n[start] ${e.message}`);
  process.exit(1);
}
