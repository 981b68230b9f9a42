// Builds models/ayaspell-unknown.txt: the forms of the word-cluster vocabulary
// (../shared/data/clusters/clusters.tsv, in its look-up form) that the Arabic spelling dictionary
// of Debian's hunspell-ar (Ayaspell) does not accept. The tagger reads it as a name signal: a
// vocabulary word the spelling dictionary does not know is often a name. Needs `npx tsc -p .`,
// `hunspell` and `hunspell-ar` (apt-get install hunspell hunspell-ar). Licence of the output:
// MPL 1.1 (Ayaspell is GPL 2 / LGPL 2.1 / MPL 1.1; see models/LICENSE.md).

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { formatSpellingList } = createRequire(import.meta.url)(path.join(repo, 'out/src/core/tagger/spelling.js'));
const clusters = process.argv[2] ?? path.join(repo, '..', 'shared', 'data', 'clusters', 'clusters.tsv');
const out = path.join(repo, 'models', 'ayaspell-unknown.txt');

const forms = fs.readFileSync(clusters, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
const r = spawnSync('hunspell', ['-d', 'ar', '-l'], { input: forms.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
if (r.status !== 0) {
  console.error(`build-spell-list: hunspell failed (${r.error?.message ?? r.stderr.trim()}); install hunspell and hunspell-ar`);
  process.exit(1);
}
const unknown = new Set(r.stdout.split('\n').filter(Boolean));
// In vocabulary order (most frequent first), so that the file is stable.
const list = forms.filter((f) => unknown.has(f));
fs.writeFileSync(out, formatSpellingList(list));
console.log(`${out}: ${list.length} of ${forms.length} forms unknown to the spelling dictionary`);
