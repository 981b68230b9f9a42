#!/usr/bin/env node
// Packages the extension as a .vsix with vsce. Run through `npm run package`, which builds first
// (dist/ in production mode). Prints the .vsix name, size and file list.
//
// `--no-dependencies` is right: esbuild bundles everything the extension, the language server and
// the CLI import (vscode-languageclient/-server …) into dist/*.js, so the .vsix needs no
// node_modules. checkBundles() verifies that the bundles require nothing but Node built-ins and
// `vscode`. What goes into the .vsix is decided by .vscodeignore.
//
// Module: import { packageVsix } from './package.mjs'  (used by scripts/start.mjs)
// CLI:    node scripts/package.mjs [--out file.vsix]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLES = ['dist/extension.js', 'dist/server.js', 'dist/cli.js'];

/** Throws if a bundle is missing or requires a package that would need node_modules at runtime. */
export function checkBundles() {
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const problems = [];
  for (const rel of BUNDLES) {
    const file = path.join(REPO, rel);
    if (!fs.existsSync(file)) {
      problems.push(`${rel} is missing (run \`npm run build\`)`);
      continue;
    }
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
      const id = m[1];
      const root = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
      if (builtins.has(id) || builtins.has(root) || (rel === 'dist/extension.js' && id === 'vscode')) continue;
      problems.push(`${rel} requires '${id}', which is not bundled (the .vsix has no node_modules)`);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

function vsceArgs(out) {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const args = ['package', '--no-dependencies', '--out', out];
  if (!pkg.repository) {
    // Without a repository vsce asks interactively whether to continue, and fails on relative image
    // links in README.md (it wants to rewrite them to a GitHub URL). Keep links relative instead:
    // the README shown inside VS Code resolves them against the installed extension folder.
    args.push('--allow-missing-repository', '--no-rewrite-relative-links');
  }
  return args;
}

function vsce(args, { capture = false } = {}) {
  const bin = path.join(REPO, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(bin, args, { cwd: REPO, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  return r.stdout;
}

/** Builds <out> (default <name>-<version>.vsix in the repo root); returns {file, bytes, files}. */
export function packageVsix({ out, quiet = false } = {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  out = path.resolve(REPO, out ?? `${pkg.name}-${pkg.version}.vsix`);
  checkBundles();
  for (const f of ['README.md', 'LICENSE']) {
    if (!fs.existsSync(path.join(REPO, f))) throw new Error(`${f} is missing: vsce needs it`);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const files = vsce(['ls', '--no-dependencies'], { capture: true }).trim().split('\n').filter(Boolean);
  if (quiet) {
    const r = spawnSync(path.join(REPO, 'node_modules', '.bin', 'vsce'), vsceArgs(out), { cwd: REPO, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`vsce package failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  } else {
    vsce(vsceArgs(out));
  }
  return { file: out, bytes: fs.statSync(out).size, files };
}

function human(bytes) {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  try {
    const { file, bytes, files } = packageVsix({ out: i > 0 ? process.argv[i + 1] : undefined });
    console.log(`\nFiles in the package (${files.length}):\n${files.map((f) => `  ${f}`).join('\n')}`);
    console.log(`\nVSIX ${path.relative(process.cwd(), file) || file} ${human(bytes)} (${bytes} bytes)`);
  } catch (e) {
    console.error(`\npackage: ${e.message}`);
    process.exit(1);
  }
}
