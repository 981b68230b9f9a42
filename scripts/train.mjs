// npm run train: trains the shipped tagger, models/anercorp.tagger, with the same command a team
// uses on its own data (`tawsim train`), from ../shared/data: ANERcorp's training part, tuned on
// its dev part, with the word clusters of ../shared/data/clusters. Seeded: two runs
// write the same bytes. Build first (npm run build; the npm script does).

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.join(repo, '..', 'shared', 'data');
const args = [
  path.join(repo, 'dist', 'cli.js'),
  'train',
  '--conll', path.join(shared, 'anercorp', 'train.conll'),
  '--dev', path.join(shared, 'anercorp', 'dev.conll'),
  '--clusters', path.join(shared, 'clusters'),
  '--out', path.join(repo, 'models', 'anercorp.tagger'),
  '--seed', '1',
  ...process.argv.slice(2),
];
for (const need of [args[3], args[5], args[7]]) {
  if (!fs.existsSync(need)) {
    console.error(`train: ${need} not found (the shared data folder sits beside the repository)`);
    process.exit(1);
  }
}
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
