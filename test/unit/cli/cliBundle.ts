// The CLI bundle the command-line tests run as a child process: dist/cli.js, built here as
// scripts/build.mjs builds it, so that the tests see the current sources.

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export const REPO = path.resolve(__dirname, '../../../..');
export const CLI = path.join(REPO, 'dist', 'cli.js');

export function buildCliBundle(): void {
  esbuild.buildSync({
    entryPoints: [path.join(REPO, 'src/cli/main.ts')],
    outfile: CLI,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'error',
  });
}

/** Runs `tawsim args…` with `input` on stdin, from `cwd` (the repository by default). */
export function runCli(args: readonly string[], input: string | Buffer = '', cwd = REPO) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
