#!/usr/bin/env node
// Runs the extension-host tests (out/test/e2e/index.js, compiled by `npm run build`) inside real
// VS Code 1.100.3 served by code-server, shown in Debian's headless Chromium driven by playwright-core.
// The way VS Code's own browser integration tests do it (see shared/notes/vscode-e2e-offline.md):
// the workbench is opened with extensionDevelopmentPath/extensionTestsPath in its `payload`, runs
// test/e2e/index.ts's run() in the (Node) extension host and reports the result by calling
// window.codeAutomationExit(code), which we expose to the page.
//
// Environment of the extension host (inherited from code-server's process; checked by smoke.e2e.ts):
//   TAWSIM_E2E_HOST=code-server, TAWSIM_E2E_WORKSPACE=<workspace folder>,
//   TAWSIM_E2E_SCREENSHOT_DIR=<dir polled for screenshot and page requests, see test/e2e/page.ts>,
//   TAWSIM_E2E_REPO=<repo root>.
// Knobs: TAWSIM_E2E_TIMEOUT_MIN (default 15), TAWSIM_E2E_KEEP=1 (keep the temp dir),
//        TAWSIM_E2E_VERBOSE=1 (print code-server's log and all page console messages),
//        TAWSIM_E2E_GREP=<regex> (only tests whose full title matches; passed to mocha).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, REPO, VSCODE_VERSION, ensureCodeServer, startCodeServer } from './code-server.mjs';

const TESTS_INDEX = path.join(REPO, 'out', 'test', 'e2e', 'index.js');
const SAMPLES = path.join(REPO, 'samples');
const DOCS = path.join(REPO, 'docs');
const TIMEOUT_MS = Number(process.env.TAWSIM_E2E_TIMEOUT_MIN || 15) * 60_000;
const VERBOSE = process.env.TAWSIM_E2E_VERBOSE === '1';
const KEEP = process.env.TAWSIM_E2E_KEEP === '1';

// Page console messages that are expected in an offline, headless workbench and say nothing about our tests.
const NOISE = [
  /open-vsx\.org/i,
  /ENOTFOUND/,
  /vsda/i,
  /Failed to load resource/i,
  /favicon/i,
  /\[Service Worker\]/i,
  /service worker/i,
  /WebSocket/i,
  /Content Security Policy/i,
  /Ignoring fetching additional builtin extensions/i,
  /net::ERR_/,
  /An iframe which has both allow-scripts and allow-same-origin/i,
  /Long running operations during shutdown/i,
  /Extension host \(Remote\) is unresponsive/i,
  /\[Extension Host\] debugger/i,
  /Started local extension host/i,
  /marketplace/i,
  /gallery/i,
  /Found additional builtin location/i,
  /punycode/i,
  /DEP0\d+/,
  /Unable to resolve resource walkThrough/i,
  /deprecated/i,
  /nls\.messages/i,
  /Resol(ving|ved) connection token/,
  /Creating a socket/,
  /web worker extension host is started/,
  /Updating additional builtin extensions cache/,
  /ChatSessionStore/,
  /Overwriting extension <</,
  /Creation of workbench contribution .* took \d+ms/,
];

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[e2e] ${msg}`);

if (!fs.existsSync(TESTS_INDEX)) {
  console.error(`[e2e] ${path.relative(REPO, TESTS_INDEX)} is missing: run \`npm run build\` first (or \`npm test\`).`);
  process.exit(2);
}
if (!fs.existsSync(path.join(REPO, 'dist', 'extension.js'))) {
  console.error('[e2e] dist/extension.js is missing: run `npm run build` first.');
  process.exit(2);
}

// realpath: the folder VS Code reports must equal TAWSIM_E2E_WORKSPACE even where /tmp is a symlink.
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-e2e-')));
const workspace = path.join(tmp, 'workspace');
const screenshotDir = path.join(tmp, 'screenshots');
fs.mkdirSync(screenshotDir, { recursive: true });
fs.mkdirSync(workspace, { recursive: true });
if (fs.existsSync(SAMPLES)) fs.cpSync(SAMPLES, path.join(workspace, 'samples'), { recursive: true });

let server;
let context;
let cleaningUp;
const codeServerLog = fs.createWriteStream(path.join(tmp, 'code-server.log'));

async function cleanup() {
  cleaningUp ??= (async () => {
    await Promise.race([context?.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    await server?.stop().catch(() => {});
    codeServerLog.end();
    if (!KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    else say(`kept ${tmp}`);
  })();
  return cleaningUp;
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    say(`${sig}: stopping code-server and chromium`);
    await cleanup();
    process.exit(130);
  });
}

/**
 * Console message text without the %c styling. The workbench forwards the extension host's
 * console.log as its own log line, which Playwright reports as "%c INFO color: #33f <text>"
 * ("%c  ERR color: #f33 …", "%c WARN …"); we turn that into "INFO <text>".
 */
function consoleText(msg) {
  const text = msg.text();
  const m = /^%c\s*(TRACE|DEBUG|INFO|WARN|ERR|ERROR)\s+color:\s*\S+\s?([\s\S]*)$/.exec(text);
  if (m) return `${m[1]} ${m[2]}`;
  return text.replace(/%c/g, '');
}

const counts = { pass: 0, fail: 0, skip: 0, summary: null };
function onConsole(msg) {
  const raw = consoleText(msg);
  const i = raw.indexOf('E2E ');
  if (i >= 0) {
    const line = raw.slice(i);
    console.log(line);
    if (line.startsWith('E2E PASS ')) counts.pass++;
    else if (line.startsWith('E2E FAIL ')) counts.fail++;
    else if (line.startsWith('E2E SKIP ')) counts.skip++;
    else if (line.startsWith('E2E SUMMARY ')) counts.summary = line;
    return;
  }
  if (VERBOSE) {
    console.log(`[page:${msg.type()}] ${raw}`);
    return;
  }
  if (NOISE.some((re) => re.test(raw))) return;
  console.log(`[page:${msg.type()}] ${raw}`);
}

async function pollScreenshots(page) {
  let names;
  try {
    names = fs.readdirSync(screenshotDir).filter((n) => n.endsWith('.request.json'));
  } catch {
    return;
  }
  for (const n of names) {
    const id = n.slice(0, -'.request.json'.length);
    const reqFile = path.join(screenshotDir, n);
    let answer;
    try {
      const { name, evaluate } = JSON.parse(fs.readFileSync(reqFile, 'utf8'));
      if (typeof evaluate === 'string') {
        answer = { value: await page.evaluate(evaluate) };
      } else {
        if (!/^[\w.-]+$/.test(name)) throw new Error(`bad screenshot name ${name}`);
        fs.mkdirSync(DOCS, { recursive: true });
        const file = path.join(DOCS, `${name}.png`);
        await page.screenshot({ path: file });
        say(`screenshot ${path.relative(REPO, file)}`);
        answer = { path: file };
      }
    } catch (e) {
      answer = { error: String(e?.message ?? e) };
    }
    fs.rmSync(reqFile, { force: true });
    const done = path.join(screenshotDir, `${id}.done.json`);
    fs.writeFileSync(`${done}.tmp`, JSON.stringify(answer));
    fs.renameSync(`${done}.tmp`, done);
  }
}

let exitCode = 1;
let globalTimer;
try {
  await ensureCodeServer();
  const env = {
    TAWSIM_E2E_HOST: 'code-server',
    TAWSIM_E2E_WORKSPACE: workspace,
    TAWSIM_E2E_SCREENSHOT_DIR: screenshotDir,
    TAWSIM_E2E_REPO: REPO,
  };
  if (process.env.TAWSIM_E2E_GREP) env.TAWSIM_E2E_GREP = process.env.TAWSIM_E2E_GREP;
  server = await startCodeServer({
    workspace,
    userDataDir: path.join(tmp, 'user-data'),
    extensionsDir: path.join(tmp, 'extensions'),
    env,
    onLog: (line) => {
      codeServerLog.write(`${line}\n`);
      if (VERBOSE) console.log(`[code-server] ${line}`);
    },
  });
  say(`code-server (VS Code ${VSCODE_VERSION}) at ${server.url} after ${elapsed()}; workspace ${workspace}`);

  const timeout = new Promise((resolve) => {
    globalTimer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
  });

  context = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1600, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());

  let reportExit;
  const reported = new Promise((resolve) => (reportExit = resolve));
  // Must exist before the workbench loads: it calls this when run() settles.
  await page.exposeFunction('codeAutomationExit', (code) => {
    reportExit(Number(code));
  });
  page.on('console', onConsole);
  page.on('pageerror', (err) => {
    const text = String(err?.message ?? err);
    if (VERBOSE || !NOISE.some((re) => re.test(text))) console.log(`[page:exception] ${text}`);
  });
  const closed = new Promise((resolve) => page.on('close', () => resolve('page closed')));

  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(REPO)],
    ['extensionTestsPath', remote(TESTS_INDEX)],
  ];
  const url = `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  say(`opening the workbench in ${CHROMIUM}`);
  await page.goto(url);

  let polling = true;
  const poller = (async () => {
    while (polling) {
      await pollScreenshots(page).catch((e) => say(`screenshot error: ${e.message}`));
      await new Promise((r) => setTimeout(r, 200));
    }
  })();

  const serverDied = server.exited.then((c) => `code-server exited (${c})`);
  const result = await Promise.race([reported, timeout, closed, serverDied]);
  polling = false;
  await poller;

  if (typeof result === 'number') {
    exitCode = result;
    say(`workbench reported exit code ${result} after ${elapsed()}`);
  } else {
    exitCode = result === 'timeout' ? 124 : 1;
    console.error(`\n[e2e] RUN ABORTED: ${result === 'timeout' ? `global timeout of ${TIMEOUT_MS / 60000} min reached` : result} after ${elapsed()}`);
    try {
      fs.mkdirSync(path.join(REPO, 'test-results'), { recursive: true });
      await page.screenshot({ path: path.join(REPO, 'test-results', 'e2e-aborted.png'), timeout: 10_000 });
      console.error('[e2e] screenshot of the page: test-results/e2e-aborted.png');
    } catch {
      /* page gone */
    }
  }
  if (exitCode !== 0 && !counts.summary) {
    console.error('[e2e] no test summary came back from the extension host. Last lines of code-server\'s log:');
    console.error(server.logTail().split('\n').slice(-40).join('\n'));
  }
} catch (e) {
  console.error(`\n[e2e] ERROR: ${e?.code === 'MISSING_SYSTEM_PACKAGES' ? e.message : e?.stack ?? e}`);
  exitCode = exitCode === 0 ? 1 : exitCode || 1;
} finally {
  clearTimeout(globalTimer);
  await cleanup();
}

const failing = counts.summary ? Number(/failing=(\d+)/.exec(counts.summary)?.[1] ?? counts.fail) : counts.fail;
const passing = counts.summary ? Number(/passing=(\d+)/.exec(counts.summary)?.[1] ?? counts.pass) : counts.pass;
if (exitCode !== 0 && failing === 0) {
  console.log(`E2E RESULT error: no failing test reported but exit code ${exitCode} (${elapsed()})`);
} else {
  console.log(`E2E RESULT ${passing} passing, ${failing} failing, ${counts.skip} pending (exit ${exitCode}, ${elapsed()})`);
}
process.exit(exitCode);
