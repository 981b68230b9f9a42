import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { removeFiles } from '../../../src/core/io/removeFiles';

describe('removeFiles', () => {
  it('deletes files, takes missing ones as gone, and names those it cannot delete', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-rm-'));
    try {
      const file = path.join(dir, 'a.json');
      fs.writeFileSync(file, '{}');
      const underFile = path.join(file, 'b.json'); // its "folder" is a file: ENOTDIR
      const folder = path.join(dir, 'full');
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'x'), '');
      const left = removeFiles([path.join(dir, 'missing'), underFile, file, folder]);
      assert.equal(fs.existsSync(file), false);
      assert.equal(left.length, 1);
      assert.ok(left[0].startsWith(`${folder} (`), left[0]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
