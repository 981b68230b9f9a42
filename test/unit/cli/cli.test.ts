// The `tawsim` command line, run as a child process from its bundle (dist/cli.js, see cliBundle.ts).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadAnn } from '../../../src/core/formats/annFile';
import { parseBrat } from '../../../src/core/formats/brat';
import { NEWS_SCHEMA } from '../../../src/core/schema/defaultSchema';
import { OffsetConverter } from '../../../src/core/text/offsets';
import { buildCliBundle, REPO, runCli } from './cliBundle';

const SAMPLE = 'samples/kadhimi-washington.txt';
const SAMPLE_TEXT = fs.readFileSync(path.join(REPO, SAMPLE), 'utf8');
const CORPUS = path.join(REPO, 'test/fixtures/export/corpus');
const NEWS_TYPES = new Set(NEWS_SCHEMA.entities.map((e) => e.name));
const NEWS_EVENTS = new Set(NEWS_SCHEMA.events.map((e) => e.name));
const EVENTS_DEV = path.join(REPO, 'test/fixtures/events');

const tawsim = (...args: string[]) => runCli(args);

describe('tawsim CLI (dist/cli.js)', function () {
  this.timeout(60000);
  let tmp: string;

  before(buildCliBundle);
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-cli-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('usage', () => {
    it('--version prints the package version', () => {
      const r = tawsim('--version');
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version}\n`);
    });

    it('--help and per-command help print usage on stdout', () => {
      for (const [args, heading] of [[['--help'], 'Usage: tawsim <command>'], [['suggest', '--help'], 'Usage: tawsim suggest'], [['export', '-h'], 'Usage: tawsim export'], [['help', 'export'], 'Usage: tawsim export']] as const) {
        const r = tawsim(...args);
        assert.equal(r.code, 0, args.join(' '));
        assert.ok(r.stdout.startsWith(heading), r.stdout);
        assert.equal(r.stderr, '');
      }
    });

    const bad: [string[], RegExp][] = [
      [[], /^tawsim: no command given\nRun "tawsim --help" for usage\.\n$/],
      [['annotate'], /^tawsim: unknown command "annotate"/],
      [['--verbose'], /^tawsim: unknown option --verbose/],
      [['suggest', SAMPLE, '--bogus'], /^tawsim suggest: unknown option --bogus\nRun "tawsim suggest --help" for usage\.\n$/],
      [['suggest'], /^tawsim suggest: no FILE given/],
      [['suggest', SAMPLE, SAMPLE], /^tawsim suggest: several FILEs need --out DIR/],
      [['suggest', SAMPLE, '--format', 'xml'], /^tawsim suggest: unknown format "xml"; use brat, jsonl, conll/],
      [['suggest', SAMPLE, '--format'], /^tawsim suggest: option '-f, --format <value>' argument missing/],
      [['export', CORPUS, '--out', 'x'], /^tawsim export: --format is required/],
      [['export', CORPUS, '--format', 'brat'], /^tawsim export: --out DIR is required/],
      [['export', '--format', 'brat', '--out', 'x'], /^tawsim export: no PATH given/],
      [['suggest', SAMPLE, '--min-confidence', '2'], /^tawsim suggest: --min-confidence needs a number from 0 to 1, not "2"/],
      [['export', CORPUS, '--format', 'brat', '--out', 'x', '--min-confidence', '0.5'], /^tawsim export: --min-confidence applies to suggest only/],
    ];
    for (const [args, message] of bad) {
      it(`exits 2 on bad usage: tawsim ${args.join(' ')}`, () => {
        const r = tawsim(...args);
        assert.equal(r.code, 2);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '');
      });
    }
  });

  describe('bad input', () => {
    const cases: [string, (dir: string) => string, RegExp][] = [
      ['a missing file', (dir) => path.join(dir, 'nope.txt'), /nope\.txt: no such file$/],
      ['a directory', (dir) => dir, /: is a directory, not a text file$/],
      ['a file that is not UTF-8', (dir) => write(dir, 'cp1256.txt', Buffer.from([0xc8, 0xdb, 0xcf, 0xc7, 0xcf])), /cp1256\.txt: is not valid UTF-8 text/],
      ['a binary file', (dir) => write(dir, 'image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), /image\.txt: is a binary file \(it contains NUL bytes\)/],
      ['a UTF-16 file', (dir) => write(dir, 'utf16.txt', Buffer.from('\uFEFFبغداد', 'utf16le')), /utf16\.txt: is UTF-16 text, not UTF-8/],
    ];
    for (const [what, make, message] of cases) {
      it(`suggest exits 1 on ${what}, naming the file and the reason, without a stack trace`, () => {
        const file = make(tmp);
        const r = tawsim('suggest', file);
        assert.equal(r.code, 1);
        assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
        assert.ok(r.stderr.startsWith(`tawsim: ${file}: `), r.stderr);
        assert.match(r.stderr.trimEnd(), message);
        assert.equal(r.stdout, '');
      });
    }

    it('suggest goes on with the other files and still exits 1', () => {
      const out = path.join(tmp, 'out');
      const r = tawsim('suggest', SAMPLE, path.join(tmp, 'nope.txt'), '--out', out);
      assert.equal(r.code, 1);
      assert.deepEqual(fs.readdirSync(out), ['kadhimi-washington.ann']);
    });

    it('export exits 1 on a missing input and exports the rest', () => {
      const out = path.join(tmp, 'out');
      const r = tawsim('export', path.join(CORPUS, 'other.txt'), 'missing-folder', '--format', 'conll', '--out', out);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^tawsim: missing-folder: no such file or folder$/m);
      assert.deepEqual(fs.readdirSync(out), ['other.conll']);
    });

    it('suggest refuses to overwrite an article\'s .ann', () => {
      fs.copyFileSync(path.join(REPO, SAMPLE), path.join(tmp, 'a.txt'));
      const r = tawsim('suggest', path.join(tmp, 'a.txt'), '--out', tmp);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /a\.ann is an input or its annotations; choose another --out folder/);
      assert.equal(fs.existsSync(path.join(tmp, 'a.ann')), false);
    });

    it('suggest and export refuse an --out that is a file, with a message instead of a system error', () => {
      const file = path.join(tmp, 'taken');
      fs.writeFileSync(file, 'x');
      let r = tawsim('suggest', SAMPLE, path.join(REPO, SAMPLE), '--out', file);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--out .*taken is a file; give a folder/);
      r = tawsim('export', path.join(CORPUS, 'other.txt'), '--format', 'conll', '--out', file);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /the output .*taken is a file; choose a folder/);
      assert.doesNotMatch(r.stderr, /EEXIST|ENOTDIR/);
      assert.equal(fs.readFileSync(file, 'utf8'), 'x');
    });
  });

  describe('suggest on the sample article', () => {
    it('brat: .ann lines whose offsets (code points) and texts agree with the article', () => {
      const r = tawsim('suggest', SAMPLE);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      const records = parseBrat(r.stdout);
      assert.ok(records.length > 10, `only ${records.length} suggestions`);
      const entities = records.filter((rec) => rec.kind === 'T' && NEWS_TYPES.has(rec.type));
      const triggers = records.filter((rec) => rec.kind === 'T' && NEWS_EVENTS.has(rec.type));
      const events = records.filter((rec) => rec.kind === 'other' && /^E\d+$/.test(rec.id));
      assert.equal(entities.length + triggers.length + events.length, records.length, r.stdout);
      assert.ok(entities.length > 10, `only ${entities.length} entity suggestions`);
      const loaded = loadAnn(SAMPLE_TEXT, r.stdout);
      assert.deepEqual(loaded.problems, []);
      assert.equal(loaded.annotations.filter((a) => a.problem).length, 0);
    });

    it('brat and jsonl carry the suggested events: Attack and Transport on the sample', () => {
      const brat = tawsim('suggest', SAMPLE);
      const eventLines = brat.stdout.split('\n').filter((l) => l.startsWith('E'));
      assert.ok(eventLines.some((l) => /^E\d+\tAttack:T\d+/.test(l)), brat.stdout);
      assert.ok(eventLines.some((l) => /^E\d+\tTransport:T\d+ .*Agent:T\d+/.test(l)), brat.stdout);
      const loaded = loadAnn(SAMPLE_TEXT, brat.stdout);
      assert.deepEqual(loaded.problems, []);
      assert.equal(loaded.events.length, eventLines.length);
      const record = JSON.parse(tawsim('suggest', SAMPLE, '--format', 'jsonl').stdout);
      assert.equal(record.events.length, eventLines.length);
      for (const e of record.events) {
        assert.ok(NEWS_EVENTS.has(record.spans[e.trigger].label), JSON.stringify(e));
        for (const a of e.arguments) assert.ok(NEWS_TYPES.has(record.spans[a.span].label), JSON.stringify(a));
      }
    });

    it('--min-confidence leaves out weaker suggestions (default 0.3, as in the editor)', () => {
      const confidences = (...extra: string[]) => {
        const r = tawsim('suggest', SAMPLE, '--format', 'jsonl', ...extra);
        assert.equal(r.code, 0, r.stderr);
        return (JSON.parse(r.stdout) as { spans: { confidence: number }[] }).spans.map((x) => x.confidence);
      };
      const all = confidences('--min-confidence', '0');
      const byDefault = confidences();
      const strong = confidences('--min-confidence', '0.8');
      assert.ok(all.some((c) => c < 0.3), 'the sample has weak suggestions');
      assert.ok(byDefault.every((c) => c >= 0.3));
      assert.equal(byDefault.length, all.filter((c) => c >= 0.3).length);
      assert.ok(strong.length > 0 && strong.every((c) => c >= 0.8) && strong.length < byDefault.length);
    });

    it('jsonl: one object whose spans agree with the text in both units, and with the brat output', () => {
      const r = tawsim('suggest', SAMPLE, '--format', 'jsonl');
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.equal(lines.length, 2);
      assert.equal(lines[1], '');
      const record = JSON.parse(lines[0]);
      assert.equal(record.id, SAMPLE);
      assert.equal(record.text, SAMPLE_TEXT);
      const cp = new OffsetConverter(SAMPLE_TEXT);
      for (const s of record.spans) {
        assert.equal(SAMPLE_TEXT.slice(s.start, s.end), s.text);
        assert.equal(cp.toCodePoint(s.start), s.start_cp);
        assert.ok(s.confidence > 0 && s.confidence <= 1);
      }
      const brat = parseBrat(tawsim('suggest', SAMPLE).stdout);
      assert.deepEqual(
        record.spans.map((s: { label: string; start_cp: number; end_cp: number }) => `${s.label} ${s.start_cp} ${s.end_cp}`).sort(),
        brat.flatMap((rec) => (rec.kind === 'T' ? [`${rec.type} ${rec.fragments[0].start} ${rec.fragments[0].end}`] : [])).sort(),
      );
    });

    it('conll: token TAG lines, one mention per suggestion', () => {
      const r = tawsim('suggest', SAMPLE, '--format', 'conll');
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.equal(lines.pop(), '');
      for (const line of lines) assert.match(line, /^$|^\S+ (O|[BI]-[A-Z]+)$/);
      const mentions = lines.filter((l) => / B-/.test(l)).length;
      const spans: { label: string }[] = JSON.parse(tawsim('suggest', SAMPLE, '--format', 'jsonl').stdout).spans;
      assert.equal(mentions, spans.filter((x) => NEWS_TYPES.has(x.label)).length, 'entities only: CoNLL holds no events');
      assert.ok(lines.includes('صواريخ O'));
    });

    it('several files with --out write one output per input', () => {
      fs.copyFileSync(path.join(REPO, SAMPLE), path.join(tmp, 'copy.txt'));
      const out = path.join(tmp, 'out');
      const r = tawsim('suggest', SAMPLE, path.join(tmp, 'copy.txt'), '--format', 'conll', '--out', out);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.deepEqual(fs.readdirSync(out).sort(), ['copy.conll', 'kadhimi-washington.conll']);
      assert.equal(fs.readFileSync(path.join(out, 'copy.conll'), 'utf8'), tawsim('suggest', SAMPLE, '--format', 'conll').stdout);
    });

    it('uses the annotation.conf found from the file up to the cwd', () => {
      // Only GPE is declared: every suggestion must be a GPE.
      const dir = path.join(REPO, 'test/fixtures/cli-gpe-only');
      const r = runCli(['suggest', 'article.txt'], '', dir);
      assert.equal(r.code, 0, r.stderr);
      const records = parseBrat(r.stdout);
      assert.ok(records.length > 0);
      assert.deepEqual([...new Set(records.map((rec) => rec.kind === 'T' && rec.type))], ['GPE']);
    });
  });

  describe('eval', () => {
    it('scores the development set against itself at 100 and says what it counted', () => {
      const r = tawsim('eval', EVENTS_DEV, EVENTS_DEV);
      assert.equal(r.code, 0, r.stderr);
      const documents = fs.readdirSync(EVENTS_DEV).filter((f) => f.endsWith('.ann')).length;
      assert.ok(r.stdout.startsWith(`${documents} document(s)`), r.stdout);
      for (const row of ['entities (strict)', 'triggers', 'arguments']) {
        assert.match(r.stdout, new RegExp(`^${row.replace(/[()]/g, '\\$&')}(\\s+\\d+){3}\\s+100\\.00\\s+100\\.00\\s+100\\.00$`, 'm'), r.stdout);
      }
    });

    it('scores a prediction with one event missing below 100 in recall only', () => {
      const gold = fs.readFileSync(path.join(EVENTS_DEV, 'article.ann'), 'utf8');
      const firstEvent = gold.split('\n').find((l) => l.startsWith('E'))!;
      fs.copyFileSync(path.join(EVENTS_DEV, 'article.txt'), path.join(tmp, 'article.txt'));
      fs.writeFileSync(path.join(tmp, 'article.ann'), gold.replace(`${firstEvent}\n`, ''));
      const r = tawsim('eval', path.join(EVENTS_DEV, 'article.ann'), path.join(tmp, 'article.ann'));
      assert.equal(r.code, 0, r.stderr);
      const triggers = r.stdout.match(/^triggers(?:\s+\d+){3}\s+([\d.]+)\s+([\d.]+)/m)!;
      assert.equal(triggers[1], '100.00');
      assert.ok(Number(triggers[2]) < 100);
    });

    it('refuses to compare annotations of different texts', () => {
      fs.writeFileSync(path.join(tmp, 'article.txt'), 'نص آخر');
      fs.copyFileSync(path.join(EVENTS_DEV, 'article.ann'), path.join(tmp, 'article.ann'));
      const r = tawsim('eval', path.join(EVENTS_DEV, 'article.ann'), path.join(tmp, 'article.ann'));
      assert.equal(r.code, 1);
      assert.match(r.stderr, /are not the same text \(they differ from character 0, line 1\)/);
      assert.equal(r.stdout, '');
    });

    it('exits 2 on a file paired with a folder', () => {
      const r = tawsim('eval', path.join(EVENTS_DEV, 'article.ann'), EVENTS_DEV);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /GOLD and PRED must both be files or both folders/);
    });
  });

  describe('export', () => {
    for (const [format, files] of [
      ['brat', ['annotation.conf', 'news', 'other.ann', 'other.txt', 'plain.ann', 'plain.txt', 'visual.conf']],
      ['jsonl', ['articles.jsonl']],
      ['conll', ['news', 'other.conll', 'plain.conll']],
    ] as const) {
      it(`exports the fixture corpus to ${format}`, () => {
        const out = path.join(tmp, 'out');
        const r = tawsim('export', CORPUS, '--format', format, '--out', out);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /^Exported 3 article\(s\), \d+ annotation\(s\), to /);
        assert.match(r.stderr, /^tawsim: warning: .*other\.ann: T1: the \.ann records "بايدن"/m);
        assert.deepEqual(fs.readdirSync(out).sort(), [...files]);
      });
    }
  });
});

function write(dir: string, name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}
