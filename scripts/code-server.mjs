#!/usr/bin/env node
// code-server 4.100.3 (= VS Code 1.100.3, runs on Node 20) installed offline under
// <repo>/.cache/code-server/, and a helper to start it. See ../../shared/notes/vscode-e2e-offline.md.
//
// Module:  import { ensureCodeServer, startCodeServer } from './code-server.mjs'
// CLI:     node scripts/code-server.mjs [install]   install if needed, print the install path
//          node scripts/code-server.mjs check       only check the system packages
//          node scripts/code-server.mjs version     print the pinned versions
//
// Installing from npm avoids the network hosts we cannot reach: `npm install code-server` would run a
// postinstall that downloads ripgrep from GitHub, so we install with --ignore-scripts, rebuild the
// native modules ourselves and point @vscode/ripgrep at Debian's /usr/bin/rg.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_DIR = path.join(REPO, '.cache', 'code-server');
export const INSTALL_DIR = path.join(CACHE_DIR, CODE_SERVER_VERSION);
/** The unpacked npm package: `node <PACKAGE_DIR>/out/node/entry.js` is code-server. */
export const PACKAGE_DIR = path.join(INSTALL_DIR, 'package');
export const ENTRY = path.join(PACKAGE_DIR, 'out', 'node', 'entry.js');
const MARKER = path.join(INSTALL_DIR, '.install-complete');
const LOCK = path.join(CACHE_DIR, `.install-${CODE_SERVER_VERSION}.lock`);

export const CHROMIUM = '/usr/bin/chromium';
export const DEBIAN_PACKAGES = ['ripgrep', 'libkrb5-dev', 'chromium', 'fonts-noto-core'];

/** Native modules of lib/vscode that must be compiled for this Node (prebuilt ones are skipped by npm). */
const VSCODE_NATIVE_MODULES = ['node-pty', '@vscode/spdlog', 'native-watchdog', 'kerberos', '@parcel/watcher', '@vscode/deviceid'];

/** User settings that keep pop-ups, walkthroughs and network calls out of the way of tests and demos. */
export const DEFAULT_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  // The start workspace (.cache/workspace) lies inside the repo: do not ask to open the parent repo.
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
};

function log(msg) {
  process.stderr.write(`[code-server] ${msg}\n`);
}

// ---------------------------------------------------------------------------------------------
// System packages

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function isDebian() {
  return fs.existsSync('/etc/debian_version') && hasCommand('apt-get');
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Returns the Debian packages that are missing (empty when everything is there). */
export function missingSystemPackages() {
  const missing = [];
  const useDpkg = hasCommand('dpkg-query');
  const present = (pkg, fallback) => (useDpkg ? dpkgInstalled(pkg) || fallback() : fallback());
  if (!fs.existsSync('/usr/bin/rg')) missing.push('ripgrep');
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!present('libkrb5-dev', () => fs.existsSync('/usr/include/gssapi/gssapi.h'))) missing.push('libkrb5-dev');
  if (!present('fonts-noto-core', () => fs.existsSync('/usr/share/fonts/truetype/noto'))) missing.push('fonts-noto-core');
  // node-gyp needs a compiler, make and python to rebuild the native modules.
  if (!hasCommand('make') || !hasCommand('g++')) missing.push('build-essential');
  if (!hasCommand('python3')) missing.push('python3');
  return missing;
}

/** Installs missing Debian packages when root on Debian; otherwise throws with instructions. */
export function ensureSystemPackages() {
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (isRoot() && isDebian()) {
    log(`installing missing Debian packages: ${missing.join(' ')}`);
    const r = spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`'${cmd}' failed (exit ${r.status})`);
    const still = missingSystemPackages();
    if (still.length) throw new Error(`still missing after apt-get: ${still.join(' ')}`);
    return;
  }
  const err = new Error(
    `missing system packages: ${missing.join(' ')}\n` +
      `Install them (as root on Debian/Ubuntu):\n  ${cmd}\n` +
      `(needed: /usr/bin/rg for VS Code search, ${CHROMIUM} for the e2e tests, Kerberos headers, ` +
      `a C++ toolchain and python3 to build code-server's native modules, Noto fonts for Arabic)`,
  );
  err.code = 'MISSING_SYSTEM_PACKAGES';
  throw err;
}

// ---------------------------------------------------------------------------------------------
// Install

/** Environment for nested npm calls: drop what `npm run` injects about *our* package. */
function npmEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    const l = k.toLowerCase();
    if (
      l.startsWith('npm_package_') ||
      l.startsWith('npm_lifecycle_') ||
      ['npm_config_local_prefix', 'npm_config_prefix', 'npm_config_global', 'npm_config_omit', 'npm_config_include',
        'npm_config_production', 'npm_config_ignore_scripts', 'npm_config_workspace', 'npm_config_workspaces',
        'npm_config_dry_run', 'npm_config_save', 'init_cwd'].includes(l)
    ) {
      delete env[k];
    }
  }
  env.npm_config_audit = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_update_notifier = 'false';
  return env;
}

function run(cmd, args, cwd, { allowFail = false } = {}) {
  log(`$ (cd ${path.relative(REPO, cwd) || '.'} && ${cmd} ${args.join(' ')})`);
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: npmEnv(), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && !allowFail) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`command failed (exit ${r.status ?? r.signal}): ${cmd} ${args.join(' ')}\n${out}`);
  }
  return r;
}

function findFiles(dir, pred, acc = []) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return acc;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findFiles(p, pred, acc);
    else if (pred(p)) acc.push(p);
  }
  return acc;
}

export function isCodeServerInstalled() {
  return fs.existsSync(MARKER) && fs.existsSync(ENTRY);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** A lock file so that two processes (e.g. `npm start` and `npm run test:e2e`) do not install at once. */
async function withInstallLock(fn) {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  for (let waited = 0; ; waited += 1000) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(LOCK, 'utf8'));
      if (!owner || !pidAlive(owner)) {
        fs.rmSync(LOCK, { force: true });
        continue;
      }
      if (waited % 15000 === 0) log(`waiting for another install (pid ${owner}) to finish…`);
      if (waited > 20 * 60 * 1000) throw new Error(`gave up waiting for install lock ${LOCK}`);
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

/**
 * Makes sure code-server is installed under .cache/code-server/<version>/package and the system
 * packages are present. Instant when the completion marker exists. Returns PACKAGE_DIR.
 */
export async function ensureCodeServer({ quiet = false } = {}) {
  ensureSystemPackages();
  if (isCodeServerInstalled()) return PACKAGE_DIR;
  return withInstallLock(async () => {
    if (isCodeServerInstalled()) return PACKAGE_DIR; // someone else finished meanwhile
    const t0 = Date.now();
    if (!quiet) log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(REPO, INSTALL_DIR)} (about a minute or two)…`);
    fs.rmSync(INSTALL_DIR, { recursive: true, force: true }); // a previous, interrupted attempt
    fs.mkdirSync(INSTALL_DIR, { recursive: true });

    run('npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--pack-destination', INSTALL_DIR], INSTALL_DIR);
    const tgz = path.join(INSTALL_DIR, `code-server-${CODE_SERVER_VERSION}.tgz`);
    run('tar', ['xzf', tgz, '-C', INSTALL_DIR], INSTALL_DIR);
    fs.rmSync(tgz);

    run('npm', ['install', '--omit=dev', '--ignore-scripts'], PACKAGE_DIR);
    run('npm', ['rebuild', 'argon2'], PACKAGE_DIR);

    const vscodeDir = path.join(PACKAGE_DIR, 'lib', 'vscode');
    run('npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
    // One at a time: node-pty's own post-install step fails (it runs `npx node-gyp`) after its
    // binary has been built, and a failure must not stop the others. Checked below instead.
    for (const m of VSCODE_NATIVE_MODULES) run('npm', ['rebuild', m], vscodeDir, { allowFail: true });
    const missingNative = VSCODE_NATIVE_MODULES.filter((m) => {
      // A binary either built in place or shipped prebuilt in a sibling package (@parcel/watcher-linux-x64-glibc).
      const scope = path.join(vscodeDir, 'node_modules', path.dirname(m));
      const dirs = fs.readdirSync(scope).filter((d) => d === path.basename(m) || d.startsWith(`${path.basename(m)}-`));
      const hasBinary = dirs.some((d) => findFiles(path.join(scope, d), (p) => p.endsWith('.node')).length > 0);
      const loads = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(m)})`], { cwd: vscodeDir, stdio: 'ignore' }).status === 0;
      return !(hasBinary && loads);
    });
    if (missingNative.length) throw new Error(`native modules not built or not loadable: ${missingNative.join(', ')}`);

    const rgDir = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
    fs.mkdirSync(rgDir, { recursive: true });
    fs.rmSync(path.join(rgDir, 'rg'), { force: true });
    fs.symlinkSync('/usr/bin/rg', path.join(rgDir, 'rg'));
    fs.rmSync(path.join(vscodeDir, 'node_modules.asar'), { force: true });
    fs.symlinkSync('node_modules', path.join(vscodeDir, 'node_modules.asar'));

    run('npm', ['install', '--omit=dev', '--ignore-scripts'], path.join(vscodeDir, 'extensions'));

    const v = spawnSync(process.execPath, [ENTRY, '--version'], { encoding: 'utf8', cwd: PACKAGE_DIR, timeout: 60000 });
    if (v.status !== 0 || !v.stdout.includes(CODE_SERVER_VERSION)) {
      throw new Error(`installed code-server does not run: ${v.stdout}${v.stderr}`);
    }
    fs.writeFileSync(MARKER, JSON.stringify({ version: CODE_SERVER_VERSION, node: process.version, date: new Date().toISOString() }) + '\n');
    log(`installed code-server ${CODE_SERVER_VERSION} (${v.stdout.trim().split('\n')[0]}) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    return PACKAGE_DIR;
  });
}

// ---------------------------------------------------------------------------------------------
// Start

/** A free TCP port on 127.0.0.1. */
export function getFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves true when something accepts connections on 127.0.0.1:port. */
export function isPortInUse(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

function stripJsonComments(text) {
  // Good enough for settings files: drops // and /* */ comments outside strings, and trailing commas.
  let out = '';
  for (let i = 0, inStr = false; i < text.length; i++) {
    const c = text[i];
    if (inStr) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inStr = false;
    } else if (c === '"') {
      inStr = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/**
 * Writes <userDataDir>/User/settings.json with DEFAULT_USER_SETTINGS (plus `extra`). Settings a
 * user already has in that file win, so a persistent profile keeps the user's choices.
 */
export function seedUserSettings(userDataDir, extra = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing = {};
  if (fs.existsSync(file)) {
    try {
      existing = JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8')) || '{}');
    } catch {
      log(`leaving ${file} alone: it is not valid JSON`);
      return file;
    }
  }
  const merged = { ...DEFAULT_USER_SETTINGS, ...extra, ...existing };
  if (JSON.stringify(merged) !== JSON.stringify(existing)) fs.writeFileSync(file, JSON.stringify(merged, null, 2) + '\n');
  return file;
}

function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * Starts code-server on 127.0.0.1:port (no auth, no telemetry, no update check, no workspace trust)
 * with `workspace` as its default folder. Resolves once it answers HTTP.
 *
 * @param {object} o
 * @param {number} [o.port]            default: a free port
 * @param {string} [o.workspace]       folder to open by default
 * @param {string} o.userDataDir       VS Code user data (settings are seeded here)
 * @param {string} o.extensionsDir
 * @param {Record<string,string>} [o.env]  extra environment; the extension host inherits it
 * @param {Record<string,unknown>} [o.settings] extra user settings to seed
 * @param {(line: string) => void} [o.onLog] receives every output line of code-server
 * @param {number} [o.startTimeoutMs]  default 120000
 * @returns {Promise<{url: string, port: number, pid: number, logTail: () => string, exited: Promise<number|null>, stop: () => Promise<void>}>}
 */
export async function startCodeServer({ port, workspace, userDataDir, extensionsDir, env = {}, settings = {}, onLog, startTimeoutMs = 120000 }) {
  if (!isCodeServerInstalled()) await ensureCodeServer();
  if (!userDataDir || !extensionsDir) throw new Error('startCodeServer: userDataDir and extensionsDir are required');
  port ??= await getFreePort();
  if (await isPortInUse(port)) throw new Error(`port ${port} on 127.0.0.1 is already in use`);
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  seedUserSettings(userDataDir, settings);
  // Our own config file, so code-server does not create ~/.config/code-server/config.yaml.
  const configFile = path.join(userDataDir, 'code-server-config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const args = [
    ENTRY,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
  if (workspace) args.push(workspace);

  const child = spawn(process.execPath, args, {
    cwd: PACKAGE_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: stop() kills code-server, its extension hosts and pty host
  });
  const tail = [];
  const onLine = (line) => {
    tail.push(line);
    if (tail.length > 200) tail.shift();
    onLog?.(line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        onLine(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
    });
    stream.on('end', () => buf && onLine(buf));
  }
  let exitCode;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exitCode = code ?? signal))));
  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  // Never leave a server behind when the parent dies.
  const onParentExit = () => killGroup('SIGKILL');
  process.on('exit', onParentExit);

  const stop = async () => {
    process.removeListener('exit', onParentExit);
    if (exitCode === undefined) {
      killGroup('SIGTERM');
      const t = setTimeout(() => killGroup('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    }
    killGroup('SIGKILL'); // children that outlived the main process
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`code-server exited (${exitCode}) before answering; last output:\n${tail.slice(-30).join('\n')}`);
    }
    const status = await httpStatus(`${url}healthz`);
    if (status >= 200 && status < 500) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${startTimeoutMs / 1000} s; last output:\n${tail.slice(-30).join('\n')}`);
    }
    await sleep(250);
  }
  return { url, port, pid: child.pid, logTail: () => tail.join('\n'), exited, stop };
}

/**
 * Installs a .vsix into extensionsDir with code-server's CLI (offline; a timeout guards against the
 * gallery lookups that were reported to hang).
 */
export async function installVsix(vsix, { userDataDir, extensionsDir, timeoutMs = 180000 }) {
  if (!isCodeServerInstalled()) await ensureCodeServer();
  const r = spawnSync(
    process.execPath,
    [ENTRY, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { cwd: PACKAGE_DIR, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' },
  );
  if (r.status !== 0) {
    throw new Error(`installing ${vsix} failed (${r.error?.code === 'ETIMEDOUT' ? 'timed out' : `exit ${r.status ?? r.signal}`}):\n${r.stdout}${r.stderr}`);
  }
  return `${r.stdout}${r.stderr}`.trim();
}

// ---------------------------------------------------------------------------------------------
// CLI

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cmd = process.argv[2] ?? 'install';
  try {
    if (cmd === 'install') {
      const t0 = Date.now();
      const dir = await ensureCodeServer();
      console.log(`code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) ready at ${dir} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } else if (cmd === 'check') {
      const missing = missingSystemPackages();
      if (missing.length) {
        console.log(`missing: ${missing.join(' ')}\n  apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`);
        process.exit(1);
      }
      console.log('all system packages present');
    } else if (cmd === 'version') {
      console.log(`code-server ${CODE_SERVER_VERSION}, VS Code ${VSCODE_VERSION}, installed: ${isCodeServerInstalled()}`);
    } else {
      console.error('usage: node scripts/code-server.mjs [install|check|version]');
      process.exit(2);
    }
  } catch (e) {
    console.error(`\n${e.message}`);
    process.exit(1);
  }
}
