// Reading articles as text (encodings, BOM, clear refusals) and writing files atomically.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic, writeFileAtomicAsync } from '../../../src/core/io/atomicWrite';
import { readTextFile, readTextFileSync, TextFileError } from '../../../src/core/io/readText';

describe('text files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-io-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes?: Buffer | string) => {
    const p = path.join(dir, name);
    if (bytes !== undefined) fs.writeFileSync(p, bytes);
    return p;
  };

  describe('readTextFile', () => {
    it('keeps the text exact: CRLF, NBSP, and a BOM as U+FEFF (brat counts it)', async () => {
      const p = file('a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('بغداد\u00A0اليوم\r\n')]));
      for (const read of [await readTextFile(p), readTextFileSync(p)]) {
        assert.deepEqual(read, { text: '\uFEFFبغداد\u00A0اليوم\r\n', bom: true });
      }
      assert.deepEqual(await readTextFile(file('b.txt', 'نص')), { text: 'نص', bom: false });
    });

    const refusals: [string, () => string, TextFileError['problem'], RegExp][] = [
      ['a missing file', () => path.join(dir, 'nope.txt'), 'missing', /nope\.txt: no such file$/],
      ['a directory', () => dir, 'directory', /: is a directory, not a text file$/],
      ['Windows-1256 bytes', () => file('c.txt', Buffer.from([0xc8, 0xdb, 0xcf, 0xc7, 0xcf])), 'not-utf8', /c\.txt: is not valid UTF-8 text .*Windows-1256/],
      ['UTF-16', () => file('d.txt', Buffer.from('\uFEFFنص', 'utf16le')), 'not-utf8', /d\.txt: is UTF-16 text, not UTF-8/],
      ['binary data', () => file('e.txt', Buffer.from('abc\0def')), 'binary', /e\.txt: is a binary file \(it contains NUL bytes\)/],
    ];
    for (const [what, make, problem, message] of refusals) {
      it(`refuses ${what} with a message naming the file`, async () => {
        const p = make();
        await assert.rejects(readTextFile(p), (e: unknown) => e instanceof TextFileError && e.problem === problem && message.test(e.message) && e.file === p);
        assert.throws(() => readTextFileSync(p), (e: unknown) => e instanceof TextFileError && e.problem === problem);
      });
    }
  });

  describe('writeFileAtomic', () => {
    const leftovers = () => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));

    for (const [name, write] of [
      ['sync', async (p: string, d: string) => writeFileAtomic(p, d)],
      ['async', writeFileAtomicAsync],
    ] as const) {
      it(`${name}: creates and replaces a file, keeping its permissions, leaving no temporary file`, async () => {
        const p = file('x.ann');
        await write(p, 'T1\tPER 0 4\tأحمد\n');
        assert.equal(fs.readFileSync(p, 'utf8'), 'T1\tPER 0 4\tأحمد\n');
        fs.chmodSync(p, 0o640);
        await write(p, 'second');
        assert.equal(fs.readFileSync(p, 'utf8'), 'second');
        if (process.platform !== 'win32') assert.equal(fs.statSync(p).mode & 0o777, 0o640);
        assert.deepEqual(leftovers(), []);
      });

      it(`${name}: replaces a symlink's target and keeps the link`, async function () {
        if (process.platform === 'win32') this.skip();
        const target = file('real.ann', 'old');
        const link = path.join(dir, 'link.ann');
        fs.symlinkSync(target, link);
        await write(link, 'new');
        assert.equal(fs.lstatSync(link).isSymbolicLink(), true);
        assert.equal(fs.readFileSync(target, 'utf8'), 'new');
      });

      it(`${name}: fails without leaving anything when the folder does not exist`, async () => {
        await assert.rejects(async () => write(path.join(dir, 'missing', 'x.ann'), 'data'), /ENOENT/);
        assert.deepEqual(fs.readdirSync(dir), []);
      });
    }
  });
});
