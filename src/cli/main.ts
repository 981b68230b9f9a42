// Entry of the `tawsim` command line (bundled to dist/cli.js; the data folder is dist/../data).

import * as path from 'node:path';
import { run } from './run';

// Output piped into a reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

void run(process.argv.slice(2), {
  cwd: process.cwd(),
  dataDir: path.join(__dirname, '..', 'data'),
  out: (text) => process.stdout.write(text),
  err: (line) => process.stderr.write(line + '\n'),
}).then((code) => {
  process.exitCode = code;
});
