#!/usr/bin/env node
// `npm test` (after `npm run build`): unit tests, then e2e tests (both, even if the first fails),
// then one summary line, e.g.
//   SUMMARY unit: 120 passing, 0 failing · e2e: 12 passing, 0 failing
// Exits non-zero if either run failed.
import { spawn } from 'node:child_process';

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

/** Runs `npm run <script>`, echoing its output, and returns {code, output}. */
function runScript(script) {
  return new Promise((resolve) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      output += d;
    });
    child.stderr.on('data', (d) => {
      process.stderr.write(d);
      output += d;
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output: stripAnsi(output) }));
  });
}

function count(re, text) {
  const all = [...text.matchAll(re)];
  return all.length ? Number(all.at(-1)[1]) : undefined;
}

/** Mocha's spec reporter ends with "  N passing (…)", "  N pending", "  N failing". */
function unitCounts(output) {
  return {
    passing: count(/^\s*(\d+) passing\b/gm, output),
    failing: count(/^\s*(\d+) failing\b/gm, output) ?? 0,
    pending: count(/^\s*(\d+) pending\b/gm, output) ?? 0,
  };
}

/** scripts/test-e2e.mjs relays the extension host's "E2E SUMMARY passing=N failing=N pending=N". */
function e2eCounts(output) {
  return {
    passing: count(/^E2E SUMMARY passing=(\d+)/gm, output),
    failing: count(/^E2E SUMMARY .*failing=(\d+)/gm, output) ?? 0,
    pending: count(/^E2E SUMMARY .*pending=(\d+)/gm, output) ?? 0,
  };
}

function describe(name, { code }, c) {
  if (c.passing === undefined) return `${name}: did not run to the end (exit ${code})`;
  let s = `${name}: ${c.passing} passing, ${c.failing} failing`;
  if (c.pending) s += `, ${c.pending} pending`;
  if (code !== 0 && c.failing === 0) s += ` (but exit ${code})`;
  return s;
}

const t0 = Date.now();
console.log('── unit tests ─────────────────────────────────────────');
const unit = await runScript('test:unit');
console.log('\n── e2e tests (VS Code in code-server) ─────────────────');
const e2e = await runScript('test:e2e');

const line = `SUMMARY ${describe('unit', unit, unitCounts(unit.output))} · ${describe('e2e', e2e, e2eCounts(e2e.output))}`;
console.log(`\n${line}  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
process.exit(unit.code !== 0 || e2e.code !== 0 ? 1 : 0);
