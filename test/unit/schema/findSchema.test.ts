import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSchema } from '../../../src/core/schema/findSchema';
import { NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';

const conf = (...entities: string[]) => `[entities]\n${entities.join('\n')}\n[relations]\n[events]\n[attributes]\n`;

describe('findSchema', () => {
  let root: string;
  const write = (rel: string, content: string) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  const names = (lookup: ReturnType<typeof findSchema>) => lookup.schema.entities.map((e) => e.name);

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-schema-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('gives the built-in schema when there is no annotation.conf', () => {
    const article = write('a/b/x.txt', 'نص');
    const found = findSchema(article, root);
    assert.equal(found.schema, NEWS_SCHEMA);
    assert.equal(found.confPath, undefined);
    assert.deepEqual(found.errors, []);
  });

  it('takes the nearest annotation.conf, from the article folder up to the root', () => {
    write('annotation.conf', conf('ROOT'));
    write('a/annotation.conf', conf('MIDDLE'));
    const deep = write('a/b/x.txt', 'نص');
    const beside = write('a/y.txt', 'نص');
    const top = write('z.txt', 'نص');
    assert.deepEqual(names(findSchema(deep, root)), ['MIDDLE']);
    assert.equal(findSchema(deep, root).confPath, path.join(root, 'a', 'annotation.conf'));
    assert.equal(findSchema(deep, root).schema.origin, path.join(root, 'a', 'annotation.conf'));
    assert.deepEqual(names(findSchema(beside, root)), ['MIDDLE']);
    assert.deepEqual(names(findSchema(top, root)), ['ROOT']);
    write('a/b/annotation.conf', conf('NEAREST'));
    assert.deepEqual(names(findSchema(deep, root)), ['NEAREST']);
  });

  it('does not look above the root, and outside the root only in the article folder', () => {
    write('annotation.conf', conf('ABOVE'));
    const article = write('project/sub/x.txt', 'نص');
    assert.equal(findSchema(article, path.join(root, 'project')).schema, NEWS_SCHEMA);
    const outside = write('elsewhere/x.txt', 'نص');
    assert.equal(findSchema(outside, path.join(root, 'project')).schema, NEWS_SCHEMA);
    write('elsewhere/annotation.conf', conf('OWN'));
    assert.deepEqual(names(findSchema(outside, path.join(root, 'project'))), ['OWN']);
  });

  it('looks up visual.conf on its own: a nearer annotation.conf still takes labels and colours from above', () => {
    write('visual.conf', '[labels]\nPER | Person | شخص\nCUSTOM | Custom thing | شيء\n[drawing]\nCUSTOM\tbgColor:#123456\n');
    write('a/annotation.conf', conf('PER', 'CUSTOM', 'OTHER'));
    const found = findSchema(write('a/x.txt', 'نص'), root);
    assert.equal(found.visualPath, path.join(root, 'visual.conf'));
    const [per, custom, other] = found.schema.entities;
    assert.deepEqual(per, { ...NEWS_SCHEMA.entities[0], label: 'Person', arabicLabel: 'شخص' });
    assert.deepEqual(custom, { name: 'CUSTOM', label: 'Custom thing', arabicLabel: 'شيء', color: '#123456', shortcut: 'c' });
    assert.equal(other.label, 'OTHER');
    assert.match(other.color, /^#[0-9a-f]{6}$/);
    assert.equal(other.shortcut, 'o');
  });

  it('applies a visual.conf to the built-in types when there is no annotation.conf', () => {
    write('visual.conf', '[labels]\nORG | Organisation\n[drawing]\nORG\tbgColor:#000000\n');
    const org = findSchema(write('x.txt', 'نص'), root).schema.entities.find((e) => e.name === 'ORG')!;
    assert.deepEqual(org, { name: 'ORG', label: 'Organisation', arabicLabel: 'منظمة', color: '#000000', shortcut: 'o' });
  });

  it('on a malformed annotation.conf gives the built-in schema and errors naming file and line', () => {
    const confPath = write('annotation.conf', '[entities]\nPER\n[relations]\n[events]\nAttack\tVictim{x}:PER\n[attributes]\n');
    const found = findSchema(write('x.txt', 'نص'), root);
    assert.equal(found.schema, NEWS_SCHEMA);
    assert.equal(found.confPath, confPath);
    assert.deepEqual(found.errors.map((e) => [e.file, e.line]), [[confPath, 5]]);
  });

  it('reports an annotation.conf that is not UTF-8 text', () => {
    const confPath = write('annotation.conf', '');
    fs.writeFileSync(confPath, Buffer.from([0x5b, 0xe5, 0xe6, 0x5d]));
    const found = findSchema(write('x.txt', 'نص'), root);
    assert.equal(found.schema, NEWS_SCHEMA);
    assert.deepEqual(found.errors.map((e) => [e.file, e.line]), [[confPath, 0]]);
    assert.match(found.errors[0].message, /not valid UTF-8/);
  });

  it('keeps the conf on visual.conf problems, reporting them as warnings', () => {
    write('annotation.conf', conf('PER'));
    write('visual.conf', '[labels]\nPER\n[drawing]\nPER\tbgColor:reddish\n');
    const found = findSchema(write('x.txt', 'نص'), root);
    assert.deepEqual(names(found), ['PER']);
    assert.deepEqual(found.errors, []);
    assert.deepEqual(found.warnings.map((w) => w.line), [2, 4]);
    assert.equal(found.schema.entities[0].color, NEWS_SCHEMA.entities[0].color);
  });
});
