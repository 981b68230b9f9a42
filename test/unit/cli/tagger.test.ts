// The tagger's commands (tag-conll, eval-conll, train), run as child processes from the CLI bundle
// (dist/cli.js, see cliBundle.ts), with the shipped model by default.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MODEL_FORMAT_VERSION } from '../../../src/core/tagger/modelFile';
import { syntheticCorpus } from '../tagger/fixture';
import { buildCliBundle, REPO, runCli } from './cliBundle';

const MODEL = path.join(REPO, 'models', 'anercorp.tagger');

const tawsim = (args: string[], input?: string | Buffer) => runCli(args, input);

const toConll = (sentences: { tokens: readonly string[]; labels: readonly string[] }[]) =>
  sentences.map((s) => s.tokens.map((t, i) => `${t} ${s.labels[i]}\n`).join('') + '\n').join('');

/** A folder of 30 one-sentence articles annotated in Tawsim: a person and a city, with these types. */
function annotatedCorpus(dir: string, personType: string, placeType: string): string {
  fs.mkdirSync(dir);
  for (let i = 0; i < 30; i++) {
    const who = ['سامي', 'كريم', 'ماجد'][i % 3];
    const where = ['بغداد', 'دمشق', 'لندن'][i % 3];
    const text = `زار ${who} مدينة ${where} أمس.\n`;
    fs.writeFileSync(path.join(dir, `a${i}.txt`), text);
    const at = (w: string) => [text.indexOf(w), text.indexOf(w) + w.length];
    fs.writeFileSync(path.join(dir, `a${i}.ann`), `T1\t${personType} ${at(who).join(' ')}\t${who}\nT2\t${placeType} ${at(where).join(' ')}\t${where}\n`);
  }
  return dir;
}

describe('tawsim tagger commands (dist/cli.js)', function () {
  this.timeout(120000);
  let tmp: string;

  before(buildCliBundle);
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-tagger-cli-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('tag-conll', () => {
    const input = 'وقال NN O\nالرئيس\nالعراقي\nجلال\nطالباني\nفي\nبغداد\n.\n\n\nوزار\nواشنطن\n';

    it('writes "token TAG" for every token and keeps the blank lines (anercorp tags by default)', () => {
      const r = tawsim(['tag-conll'], input);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      const lines = r.stdout.split('\n');
      assert.equal(lines.pop(), '');
      assert.deepEqual(lines.map((l) => l.split(' ')[0]), input.trimEnd().split('\n').map((l) => l.split(' ')[0]));
      assert.deepEqual(lines.map((l) => l.split(' ')[1] ?? ''), ['O', 'O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'O', '', '', 'O', 'B-LOC']);
    });

    it('--tagset news maps PERS → PER, LOC → GPE and leaves MISC out', () => {
      const r = tawsim(['tag-conll', '--tagset', 'news'], input);
      assert.equal(r.code, 0, r.stderr);
      const tags = r.stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[1]);
      assert.deepEqual(tags, ['O', 'O', 'O', 'B-PER', 'I-PER', 'O', 'B-GPE', 'O', 'O', 'B-GPE']);
      const misc = tawsim(['tag-conll', '--tagset', 'news'], 'جائزة\nنوبل\nللسلام\n');
      assert.ok(!/MISC/.test(misc.stdout), misc.stdout);
    });

    const bad: [string, string[], string | Buffer, number, RegExp][] = [
      ['empty input', [], '', 1, /^tawsim: standard input: no tokens/],
      ['only blank lines', [], '\n\n', 1, /^tawsim: standard input: no tokens/],
      ['a line of only spaces', [], 'بغداد\n  \t\nواشنطن\n', 1, /^tawsim: standard input: line 2 has only spaces/],
      ['input that is not UTF-8', [], Buffer.from([0xd8, 0xff, 0x0a]), 1, /^tawsim: standard input: not valid UTF-8 text/],
      ['an unknown tagset', ['--tagset', 'ace'], 'بغداد\n', 2, /^tawsim tag-conll: unknown tagset "ace"; use anercorp or news/],
      ['a FILE argument', ['x.conll'], 'بغداد\n', 2, /^tawsim tag-conll: takes no FILE/],
      ['a missing model', ['--model', 'nope.tagger'], 'بغداد\n', 1, /^tawsim: nope\.tagger: no such model file$/m],
    ];
    for (const [what, args, stdin, code, message] of bad) {
      it(`exits ${code} on ${what}, with a message and no stack trace`, () => {
        const r = tawsim(['tag-conll', ...args], stdin);
        assert.equal(r.code, code, r.stderr);
        assert.match(r.stderr, message);
        assert.ok(!/\n\s+at /.test(r.stderr), r.stderr);
        assert.equal(r.stdout, '');
      });
    }

    it('exits 1 on a corrupt model and on a model of another format version', () => {
      const good = fs.readFileSync(MODEL);
      fs.copyFileSync(path.join(REPO, 'models', 'ayaspell-unknown.txt'), path.join(tmp, 'ayaspell-unknown.txt'));
      const corrupt = Buffer.from(good);
      corrupt[corrupt.length >> 1] ^= 0x55;
      fs.writeFileSync(path.join(tmp, 'corrupt.tagger'), corrupt);
      let r = tawsim(['tag-conll', '--model', path.join(tmp, 'corrupt.tagger')], 'بغداد\n');
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^tawsim: .*corrupt\.tagger: the model file is corrupt/);
      const other = Buffer.from(good);
      other.writeUInt32LE(7, 8);
      fs.writeFileSync(path.join(tmp, 'v7.tagger'), other);
      r = tawsim(['tag-conll', '--model', path.join(tmp, 'v7.tagger')], 'بغداد\n');
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`v7\\.tagger: model format version ${MODEL_FORMAT_VERSION} expected, got 7`));
      assert.ok(!/\n\s+at /.test(r.stderr), r.stderr);
    });
  });

  describe('eval-conll', () => {
    it('prints conlleval\'s table: hand-computed counts', () => {
      const gold = 'a B-PERS\nb I-PERS\nc O\nd B-LOC\n\ne B-ORG\nf I-ORG\ng I-ORG\nh O\ni B-LOC\nj O\n';
      const pred = 'a B-PERS\nb I-PERS\nc O\nd B-LOC\n\ne B-ORG\nf I-ORG\ng O\nh O\ni B-LOC\nj B-PERS\n';
      fs.writeFileSync(path.join(tmp, 'gold'), gold);
      fs.writeFileSync(path.join(tmp, 'pred'), pred);
      const r = tawsim(['eval-conll', path.join(tmp, 'gold'), path.join(tmp, 'pred')]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(
        r.stdout,
        [
          'processed 10 tokens with 4 phrases; found: 5 phrases; correct: 3.',
          'accuracy:  80.00%; precision:  60.00%; recall:  75.00%; FB1:  66.67',
          '              LOC: precision: 100.00%; recall: 100.00%; FB1: 100.00  2',
          '              ORG: precision:   0.00%; recall:   0.00%; FB1:   0.00  1',
          '             PERS: precision:  50.00%; recall: 100.00%; FB1:  66.67  2',
          '',
        ].join('\n'),
      );
    });

    it('exits 1 when the files do not hold the same tokens, 2 without two files', () => {
      fs.writeFileSync(path.join(tmp, 'gold'), 'a O\nb O\n');
      fs.writeFileSync(path.join(tmp, 'pred'), 'a O\n');
      let r = tawsim(['eval-conll', path.join(tmp, 'gold'), path.join(tmp, 'pred')]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /do not hold the same tokens: sentence 1 has 2 tokens in GOLD but 1 in PRED/);
      fs.writeFileSync(path.join(tmp, 'pred'), 'a O\nc O\n');
      r = tawsim(['eval-conll', path.join(tmp, 'gold'), path.join(tmp, 'pred')]);
      assert.match(r.stderr, /sentence 1, token 2 is "b" in GOLD but "c" in PRED/);
      r = tawsim(['eval-conll', path.join(tmp, 'gold'), path.join(tmp, 'missing')]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^tawsim: .*missing: no such file$/m);
      r = tawsim(['eval-conll', path.join(tmp, 'gold')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^tawsim eval-conll: needs two files, GOLD and PRED \(1 given\)/);
      fs.writeFileSync(path.join(tmp, 'pred'), 'a O\nb\n');
      r = tawsim(['eval-conll', path.join(tmp, 'gold'), path.join(tmp, 'pred')]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /pred: line 2 has no tag column \("b"\): expected "token TAG"/);
    });
  });

  describe('train', () => {
    it('trains on CoNLL files with progress on stderr, the same bytes for the same seed; the model tags', () => {
      fs.writeFileSync(path.join(tmp, 'train.conll'), toConll(syntheticCorpus(60, 1)));
      fs.writeFileSync(path.join(tmp, 'dev.conll'), toConll(syntheticCorpus(20, 2)));
      const train = (out: string) => tawsim(['train', '--conll', path.join(tmp, 'train.conll'), '--dev', path.join(tmp, 'dev.conll'), '--out', path.join(tmp, out), '--epochs', '2', '--seed', '5']);
      const r = train('a/m.tagger');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /\[\d+\.\ds\] 60 training sentences, 20 held-out/);
      assert.match(r.stderr, /first pass: epoch 2\/2/);
      assert.match(r.stderr, /dev: micro F1 \d+\.\d\d/);
      assert.ok(fs.existsSync(path.join(tmp, 'a', 'ayaspell-unknown.txt')), 'the spelling list goes beside the model');
      assert.equal(train('b.tagger').code, 0);
      assert.ok(fs.readFileSync(path.join(tmp, 'a/m.tagger')).equals(fs.readFileSync(path.join(tmp, 'b.tagger'))));
      const tagged = tawsim(['tag-conll', '--model', path.join(tmp, 'b.tagger')], 'زار\nسامي\nالكاظمي\nمدينة\nبغداد\n');
      assert.equal(tagged.code, 0, tagged.stderr);
      assert.match(tagged.stdout, /^زار O\nسامي B-PERS\nالكاظمي I-PERS\nمدينة O\nبغداد B-LOC\n$/);
    });

    it('trains on a folder of articles annotated in Tawsim (.txt + .ann, any tag set)', () => {
      const dir = annotatedCorpus(path.join(tmp, 'corpus'), 'PERSON', 'CITY');
      const r = tawsim(['train', '--conll', dir, '--out', path.join(tmp, 'm.tagger'), '--epochs', '2']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /30 training sentences/);
      assert.match(r.stderr, /2 types \(CITY PERSON\)/);
      const tagged = tawsim(['tag-conll', '--model', path.join(tmp, 'm.tagger')], 'زار\nكريم\nمدينة\nدمشق\n');
      assert.equal(tagged.stdout, 'زار O\nكريم B-PERSON\nمدينة O\nدمشق B-CITY\n');
    });

    it('--tagset anercorp maps the articles\' types to ANERcorp\'s; --reviewed-only keeps the sentences with an annotation or a rejection, not one only taken unseen', () => {
      const dir = path.join(tmp, 'reviewed');
      fs.mkdirSync(path.join(dir, '.tawsim'), { recursive: true });
      const text = 'زار سامي مدينة بغداد أمس.\nوقال مسؤول إن الزيارة ناجحة.\nووصل كريم إلى دمشق.\nوزار الوفد القاهرة.\n';
      const at = (w: string) => `${text.indexOf(w)} ${text.indexOf(w) + w.length}\t${w}`;
      fs.writeFileSync(path.join(dir, 'a.txt'), text);
      fs.writeFileSync(path.join(dir, 'a.ann'), `T1\tPER ${at('سامي')}\nT2\tGPE ${at('بغداد')}\nT3\tDATE ${at('أمس')}\nT4\tGPE ${at('القاهرة')}\n`);
      const rejected = text.indexOf('مسؤول');
      const cairo = text.indexOf('القاهرة');
      const state = { version: 1, rejected: [{ type: 'PER', start: rejected, end: rejected + 5, text: 'مسؤول' }], unseen: [{ type: 'GPE', start: cairo, end: cairo + 7, text: 'القاهرة' }] };
      fs.writeFileSync(path.join(dir, '.tawsim', 'a.json'), JSON.stringify(state));
      const train = (...extra: string[]) => tawsim(['train', '--conll', dir, '--out', path.join(tmp, 'r.tagger'), '--epochs', '1', ...extra]);
      let r = train('--tagset', 'anercorp', '--reviewed-only');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /\b2 training sentences/);
      assert.match(r.stderr, /2 types \(LOC PERS\)/);
      r = train();
      assert.match(r.stderr, /\b4 training sentences/);
      assert.match(r.stderr, /3 types \(DATE GPE PER\)/);
      r = train('--tagset', 'news');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--tagset takes anercorp/);
    });

    it('a model trained on the news schema keeps its types with --tagset news', () => {
      const dir = annotatedCorpus(path.join(tmp, 'news'), 'PER', 'GPE');
      assert.equal(tawsim(['train', '--conll', dir, '--out', path.join(tmp, 'news.tagger'), '--epochs', '2']).code, 0);
      const tagged = tawsim(['tag-conll', '--model', path.join(tmp, 'news.tagger'), '--tagset', 'news'], 'زار\nكريم\nمدينة\nدمشق\n');
      assert.equal(tagged.stdout, 'زار O\nكريم B-PER\nمدينة O\nدمشق B-GPE\n');
    });

    it('refuses a model path that is a folder or would overwrite or sit inside the data, before training', () => {
      fs.writeFileSync(path.join(tmp, 'train.conll'), toConll(syntheticCorpus(10, 1)));
      const data = fs.readFileSync(path.join(tmp, 'train.conll'));
      const train = (...extra: string[]) => tawsim(['train', '--conll', path.join(tmp, 'train.conll'), '--epochs', '1', ...extra]);
      let r = train('--out', path.join(tmp, 'train.conll'));
      assert.equal(r.code, 2);
      assert.match(r.stderr, /would overwrite the training data/);
      assert.ok(fs.readFileSync(path.join(tmp, 'train.conll')).equals(data), 'the data is untouched');
      fs.mkdirSync(path.join(tmp, 'corpus'));
      fs.writeFileSync(path.join(tmp, 'corpus', 'a.txt'), 'زار سامي بغداد.\n');
      fs.writeFileSync(path.join(tmp, 'corpus', 'a.ann'), 'T1\tPER 4 8\tسامي\n');
      r = tawsim(['train', '--conll', path.join(tmp, 'corpus'), '--out', path.join(tmp, 'corpus', 'm.tagger')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /would be written inside the training data/);
      assert.deepEqual(fs.readdirSync(path.join(tmp, 'corpus')).sort(), ['a.ann', 'a.txt']);
      r = train('--out', tmp);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /is a folder; give the model file's path/);
      assert.doesNotMatch(r.stderr, /epoch/, 'refused before training');
      fs.writeFileSync(path.join(tmp, 'empty.conll'), '');
      r = train('--dev', path.join(tmp, 'empty.conll'), '--out', path.join(tmp, 'm.tagger'));
      assert.equal(r.code, 1);
      assert.match(r.stderr, /no labelled sentences in .*empty\.conll \(--dev\)/);
    });

    it('refuses files that hold no tags: tokens only, or an article', () => {
      fs.writeFileSync(path.join(tmp, 'tokens.conll'), 'وصل\nترامب\n');
      let r = tawsim(['train', '--conll', path.join(tmp, 'tokens.conll'), '--out', path.join(tmp, 'm.tagger')]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /tokens\.conll: line 1 has no tag column \("وصل"\)/);
      fs.writeFileSync(path.join(tmp, 'article.txt'), 'وصل الرئيس ترامب.\nوقال ترامب إن الزيارة مهمة.\n');
      r = tawsim(['train', '--conll', path.join(tmp, 'article.txt'), '--out', path.join(tmp, 'm.tagger')]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /article\.txt: line 1: "ترامب\." is not a tag \(O, B-TYPE or I-TYPE\)/);
      assert.equal(fs.existsSync(path.join(tmp, 'm.tagger')), false);
    });

    it('refuses missing data and usage errors', () => {
      let r = tawsim(['train', '--out', path.join(tmp, 'm.tagger')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^tawsim train: no training data/);
      r = tawsim(['train', '--conll', path.join(tmp, 'none.conll'), '--out', path.join(tmp, 'm.tagger')]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /none\.conll: no such file or folder/);
      r = tawsim(['train', '--conll', 'x.conll']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--out MODEL is required/);
      r = tawsim(['train', '--conll', 'x.conll', '--out', 'm', '--epochs', '0']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--epochs needs a whole number from 1, not "0"/);
      fs.writeFileSync(path.join(tmp, 'empty.conll'), '\n');
      r = tawsim(['train', '--conll', path.join(tmp, 'empty.conll'), '--out', path.join(tmp, 'm.tagger')]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /no labelled sentences/);
    });
  });
});
