import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportArticles, unseenSummary } from '../../../src/core/export';
import { UNSEEN_NOTE } from '../../../src/core/export/readArticle';
import { parseAnnotationConf } from '../../../src/core/schema/bratConf';

// Fixture: news/visit.txt has CRLF line ends, an emoji (one code point, two UTF-16 units) before
// the entities, a proclitic ب before القاهرة, and a NO-BREAK SPACE; an event trigger (Arrive)
// declared in corpus/annotation.conf. other.ann has a mismatched, an out-of-range and a dangling line.
const CORPUS = path.resolve(__dirname, '../../../../test/fixtures/export/corpus');
const VISIT_TXT = '🔥 الكاظمي في واشنطن\r\nوصل مصطفى الكاظمي بالقاهرة\u00A0اليوم.\r\n';

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('exportArticles', () => {
  let out: string;
  let before: Record<string, string>;
  const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8');

  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-export-'));
    before = snapshot(CORPUS);
  });
  afterEach(() => {
    assert.deepEqual(snapshot(CORPUS), before, 'the inputs changed');
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('the fixture is what the tests think it is', () => {
    assert.equal(fs.readFileSync(path.join(CORPUS, 'news/visit.txt'), 'utf8'), VISIT_TXT);
  });

  it('exports brat: texts byte for byte, .ann with exportable lines, a conf in every folder', async () => {
    const report = await exportArticles({ inputs: [CORPUS], format: 'brat', outDir: out });
    assert.equal(report.articles, 3);
    assert.equal(report.annotations, 7);
    assert.equal(report.cancelled, false);
    assert.deepEqual(report.failed, []);
    assert.deepEqual(Object.keys(snapshot(out)).sort(), [
      'annotation.conf', 'news/annotation.conf', 'news/visit.ann', 'news/visit.txt', 'news/visual.conf',
      'other.ann', 'other.txt', 'plain.ann', 'plain.txt', 'visual.conf',
    ].map((p) => p.split('/').join(path.sep)));
    assert.deepEqual(fs.readFileSync(path.join(out, 'news/visit.txt')), fs.readFileSync(path.join(CORPUS, 'news/visit.txt')));
    assert.equal(read('news/visit.ann'), fs.readFileSync(path.join(CORPUS, 'news/visit.ann'), 'utf8'));
    assert.equal(read('other.ann'), 'T2\tGPE 10 15\tبغداد\nA1\tNegation T2\n');
    assert.equal(read('plain.ann'), '');
    // The articles' own annotation.conf goes out as it is.
    const conf = fs.readFileSync(path.join(CORPUS, 'annotation.conf'), 'utf8');
    assert.equal(read('annotation.conf'), conf);
    assert.equal(read('news/annotation.conf'), conf);
    assert.match(read('visual.conf'), /^\[labels\]\nPER \| Person \| شخص\n/);

    const other = path.join(CORPUS, 'other.ann');
    assert.deepEqual(report.problems.map((p) => p.message), [
      `${other}:3: T3: offsets 10–99 are past the end of the text (16 characters); is this the .ann of another version of the text?; left out of the export`,
      `${other}: T1: the .ann records "بايدن" but the text at 4–9 reads "ترامب" (was the text edited outside Tawsim?); left out of the export`,
      `${other}:4: R1 points at an annotation that is not exported; left out of the export`,
    ]);
  });

  it('exports JSONL: one object per article, UTF-16 and code-point offsets', async () => {
    const report = await exportArticles({ inputs: [CORPUS], format: 'jsonl', outDir: out });
    assert.deepEqual(report.filesWritten, [path.join(out, 'articles.jsonl')]);
    const lines = read('articles.jsonl').split('\n');
    assert.equal(lines.pop(), '');
    const span = (start: number, end: number, label: string, text: string, id: string) => ({ start, end, start_cp: start - 1, end_cp: end - 1, label, text, id });
    assert.deepEqual(lines.map((l) => JSON.parse(l)), [
      {
        id: 'news/visit.txt',
        text: VISIT_TXT,
        spans: [
          span(3, 10, 'PER', 'الكاظمي', 'T1'),
          span(14, 20, 'GPE', 'واشنطن', 'T2'),
          span(22, 25, 'Arrive', 'وصل', 'T3'),
          span(26, 39, 'PER', 'مصطفى الكاظمي', 'T4'),
          span(41, 48, 'GPE', 'القاهرة', 'T5'),
          span(49, 54, 'DATE', 'اليوم', 'T6'),
        ],
        events: [{ id: 'E1', type: 'Arrive', trigger: 2, arguments: [{ role: 'Person', span: 3 }, { role: 'Destination', span: 4 }] }],
        relations: [{ id: 1, from_id: 2, to_id: 3, type: 'Person' }, { id: 2, from_id: 2, to_id: 4, type: 'Destination' }],
      },
      { id: 'other.txt', text: 'زار ترامب بغداد\n', spans: [{ start: 10, end: 15, start_cp: 10, end_cp: 15, label: 'GPE', text: 'بغداد', id: 'T2' }] },
      { id: 'plain.txt', text: 'نص بلا تعليقات', spans: [] },
    ]);
  });

  describe('annotations accepted unseen (Accept Confident Entity Suggestions, in .tawsim/X.json)', () => {
    let corpus: string;
    const at = (text: string) => ({ start: VISIT_TXT.indexOf(text), end: VISIT_TXT.indexOf(text) + text.length, text });
    const writeState = (content: string) => {
      fs.mkdirSync(path.join(corpus, '.tawsim'), { recursive: true });
      fs.writeFileSync(path.join(corpus, '.tawsim', 'visit.json'), content);
    };
    beforeEach(() => {
      corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-unseen-'));
      fs.cpSync(path.join(CORPUS, 'news'), corpus, { recursive: true });
      fs.copyFileSync(path.join(CORPUS, 'annotation.conf'), path.join(corpus, 'annotation.conf'));
    });
    afterEach(() => fs.rmSync(corpus, { recursive: true, force: true }));

    it('are marked "unseen" in JSONL, get a note in brat, and are counted', async () => {
      writeState(JSON.stringify({ version: 1, rejected: [], unseen: [{ type: 'GPE', ...at('واشنطن') }, { type: 'DATE', ...at('اليوم') }] }));
      const jsonl = await exportArticles({ inputs: [corpus], format: 'jsonl', outDir: path.join(out, 'jsonl') });
      assert.equal(jsonl.unseen, 2);
      const spans: { text: string; unseen?: boolean }[] = JSON.parse(read('jsonl/articles.jsonl')).spans;
      assert.deepEqual(spans.filter((x) => x.unseen === true).map((x) => x.text), ['واشنطن', 'اليوم']);
      assert.equal(spans.filter((x) => 'unseen' in x).length, 2, 'no "unseen": false on the others');
      assert.match(unseenSummary(jsonl), /^ 2 of the annotations were accepted unseen and never reviewed \("unseen": true in the JSONL\)\.$/);

      const brat = await exportArticles({ inputs: [corpus], format: 'brat', outDir: path.join(out, 'brat') });
      const notes = read('brat/visit.ann').split('\n').filter((l) => l.startsWith('#'));
      assert.deepEqual(notes, ['#1\tAnnotatorNotes T5\tproclitic ب left out', `#2\tAnnotatorNotes T2\t${UNSEEN_NOTE}`, `#3\tAnnotatorNotes T6\t${UNSEEN_NOTE}`]);
      assert.equal(brat.problems.length, 0, brat.problems.map((p) => p.message).join('; '));

      const conll = await exportArticles({ inputs: [corpus], format: 'conll', outDir: path.join(out, 'conll') });
      assert.match(unseenSummary(conll), /CoNLL cannot mark them/);
    });

    it('an annotation whose span or type the state does not record exactly is not marked', async () => {
      writeState(JSON.stringify({ version: 1, rejected: [], unseen: [{ type: 'LOC', ...at('واشنطن') }, { type: 'PER', ...at('مصطفى') }] }));
      const report = await exportArticles({ inputs: [corpus], format: 'jsonl', outDir: out });
      assert.equal(report.unseen, 0);
      assert.equal(unseenSummary(report), '');
      assert.ok(!read('articles.jsonl').includes('unseen'));
    });

    it('a state file that cannot be read marks nothing and is reported', async () => {
      writeState('{ not json');
      const report = await exportArticles({ inputs: [corpus], format: 'jsonl', outDir: out });
      assert.equal(report.unseen, 0);
      assert.equal(report.articles, 1);
      assert.match(report.problems.map((p) => p.message).join('\n'), /visit\.json: cannot read which annotations were accepted unseen \(.*\); none is marked so/);
    });
  });

  it('exports CoNLL: clitics split off, event triggers left out, a file per article', async () => {
    const report = await exportArticles({ inputs: [CORPUS], format: 'conll', outDir: out });
    assert.equal(report.annotations, 6);
    assert.equal(
      read('news/visit.conll'),
      '🔥 O\nالكاظمي B-PER\nفي O\nواشنطن B-GPE\n\nوصل O\nمصطفى B-PER\nالكاظمي I-PER\nب O\nالقاهرة B-GPE\nاليوم B-DATE\n. O\n\n',
    );
    assert.equal(read('other.conll'), 'زار O\nترامب O\nبغداد B-GPE\n\n');
    assert.equal(read('plain.conll'), 'نص O\nبلا O\nتعليقات O\n\n');
    const visit = path.join(CORPUS, 'news', 'visit.ann');
    assert.ok(report.problems.some((p) => p.message === `${visit}: 1 event left out: CoNLL holds entities only (export to brat or JSONL to keep events)`));
  });

  it('exports brat with the articles\' own conf, brat directives kept, and types it lacks added to [entities]', async () => {
    const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-conf-'));
    const conf = '# ours\n[entities]\nPER\n[relations]\nAlias\tArg1:PER, Arg2:PER, <REL-TYPE>:symmetric-transitive\n<OVERLAP>\tArg1:PER, Arg2:PER, <OVL-TYPE>:contain\n[events]\n[attributes]\n';
    fs.writeFileSync(path.join(corpus, 'annotation.conf'), conf);
    fs.writeFileSync(path.join(corpus, 'a.txt'), 'زار سامي بغداد');
    fs.writeFileSync(path.join(corpus, 'a.ann'), 'T1\tPER 4 8\tسامي\n');
    fs.writeFileSync(path.join(corpus, 'b.txt'), 'زار سامي بغداد');
    fs.writeFileSync(path.join(corpus, 'b.ann'), 'T1\tCITY 9 14\tبغداد\n');
    try {
      await exportArticles({ inputs: [path.join(corpus, 'a.txt')], format: 'brat', outDir: path.join(out, 'a') });
      assert.equal(fs.readFileSync(path.join(out, 'a', 'annotation.conf'), 'utf8'), conf);
      await exportArticles({ inputs: [path.join(corpus, 'b.txt')], format: 'brat', outDir: path.join(out, 'b') });
      const extended = fs.readFileSync(path.join(out, 'b', 'annotation.conf'), 'utf8');
      assert.equal(extended, conf.replace('[entities]\n', '[entities]\nCITY\n'));
      assert.deepEqual(parseAnnotationConf(extended, 'x').errors, []);
    } finally {
      fs.rmSync(corpus, { recursive: true, force: true });
    }
  });

  it('declares the event, relation and attribute types a conf lacks as the .ann uses them, never an event type as an entity', async () => {
    const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-conf-'));
    const text = 'احتج سامي وعلي في بغداد';
    const ann = [
      'T1\tPER 5 9\tسامي', 'T2\tPER 11 14\tعلي', 'T3\tGPE 18 23\tبغداد', 'T4\tProtest 0 4\tاحتج',
      'E1\tProtest:T4 Protester:T1 Protester2:T2 Place:T3', 'R1\tSibling Arg1:T1 Arg2:T2', 'A1\tNegated E1', 'A2\tCertainty E1 High',
    ].join('\n') + '\n';
    fs.writeFileSync(path.join(corpus, 'a.txt'), text);
    fs.writeFileSync(path.join(corpus, 'a.ann'), ann);
    const declared = (conf: string) => {
      const parsed = parseAnnotationConf(conf, 'x');
      assert.deepEqual(parsed.errors, []);
      return parsed.conf!;
    };
    try {
      // Without a conf of its own the article uses the built-in schema, which has none of these.
      const builtIn = await exportArticles({ inputs: [path.join(corpus, 'a.txt')], format: 'brat', outDir: path.join(out, 'built-in') });
      const conf = declared(fs.readFileSync(path.join(out, 'built-in', 'annotation.conf'), 'utf8'));
      assert.equal(conf.entities.some((e) => e.name === 'Protest'), false);
      const protest = conf.events.find((e) => e.name === 'Protest')!;
      assert.deepEqual(protest.roles.map((r) => [r.name, r.targets, r.min, r.max]), [['Protester', ['PER'], 0, Infinity], ['Place', ['GPE'], 0, Infinity]]);
      assert.deepEqual(conf.relations.find((r) => r.name === 'Sibling')?.args, [{ role: 'Arg1', targets: ['PER'] }, { role: 'Arg2', targets: ['PER'] }]);
      assert.deepEqual(conf.attributes.filter((a) => ['Negated', 'Certainty'].includes(a.name)), [
        { name: 'Certainty', targets: ['Protest'], values: ['High'] },
        { name: 'Negated', targets: ['Protest'], values: [] },
      ]);
      assert.ok(builtIn.problems.some((p) => p.message.endsWith(': event types Protest; relation types Sibling; attributes Certainty, Negated are used but not in built-in; the exported annotation.conf declares them as they are used')));
      assert.equal(fs.readFileSync(path.join(out, 'built-in', 'a.ann'), 'utf8'), ann);

      // An own conf keeps its lines; what it lacks goes at the top of its sections.
      const own = '# ours\r\n[entities]\r\nPER\r\nGPE\r\n[events]\r\nMeet\tParticipant*:PER\r\n[relations]\r\n[attributes]\r\n';
      fs.writeFileSync(path.join(corpus, 'annotation.conf'), own);
      await exportArticles({ inputs: [path.join(corpus, 'a.txt')], format: 'brat', outDir: path.join(out, 'own') });
      const extended = fs.readFileSync(path.join(out, 'own', 'annotation.conf'), 'utf8');
      assert.equal(
        extended,
        '# ours\r\n[entities]\r\nPER\r\nGPE\r\n[events]\r\nProtest\tProtester*:PER, Place*:GPE\r\nMeet\tParticipant*:PER\r\n' +
          '[relations]\r\nSibling\tArg1:PER, Arg2:PER\r\n[attributes]\r\nCertainty\tArg:Protest, Value:High\r\nNegated\tArg:Protest\r\n',
      );
      const conf2 = declared(extended);
      assert.deepEqual(conf2.events.map((e) => e.name), ['Protest', 'Meet']);
      assert.deepEqual(conf2.attributes.map((a) => a.name), ['Certainty', 'Negated']);
    } finally {
      fs.rmSync(corpus, { recursive: true, force: true });
    }
  });

  it('says what JSONL and CoNLL cannot hold: relations, attributes and notes', async () => {
    const other = path.join(CORPUS, 'other.ann');
    const visit = path.join(CORPUS, 'news', 'visit.ann');
    for (const [format, name] of [['jsonl', 'JSONL'], ['conll', 'CoNLL']] as const) {
      const report = await exportArticles({ inputs: [CORPUS], format, outDir: fs.mkdtempSync(path.join(out, `${format}-`)) });
      const messages = report.problems.map((p) => p.message);
      assert.ok(messages.includes(`${other}: 1 relation, 1 attribute left out: ${name} does not hold them (export to brat to keep them)`), messages.join('\n'));
      assert.ok(messages.includes(`${visit}: 1 note left out: ${name} does not hold them (export to brat to keep them)`), messages.join('\n'));
    }
  });

  it('leaves out of JSONL an event whose argument is left out, and the events that point at it, and says so', async () => {
    const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-events-'));
    const text = 'وصل أحمد إلى القاهرة ثم التقى سعيد.';
    fs.writeFileSync(path.join(corpus, 'a.txt'), text);
    const ann = ['T1\tTransport 0 3\tوصل', 'T2\tPER 4 8\tXXXX', 'E1\tTransport:T1 Agent:T2', 'T3\tMeet 24 29\tالتقى', 'T4\tPER 30 34\tسعيد', 'E2\tMeet:T3 Participant:T4 Cause:E1', 'T5\tMeet 24 29\tالتقى', 'E3\tMeet:T5 Participant:T4'];
    fs.writeFileSync(path.join(corpus, 'a.ann'), ann.join('\n') + '\n');
    try {
      const report = await exportArticles({ inputs: [corpus], format: 'jsonl', outDir: out });
      const record = JSON.parse(read('articles.jsonl'));
      assert.deepEqual(record.events.map((e: { id: string }) => e.id), ['E3']);
      const messages = report.problems.map((p) => p.message);
      const annPath = path.join(corpus, 'a.ann');
      for (const id of ['E1', 'E2']) assert.ok(messages.includes(`${annPath}: ${id} points at an annotation that is not exported; left out of the export`), messages.join('\n'));
    } finally {
      fs.rmSync(corpus, { recursive: true, force: true });
    }
  });

  it('takes an .ann input as its .txt, and reports missing inputs and a .ann without text', async () => {
    const stray = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-stray-'));
    fs.writeFileSync(path.join(stray, 'alone.ann'), 'T1\tPER 0 1\tx\n');
    try {
      const report = await exportArticles({
        inputs: [path.join(CORPUS, 'other.ann'), path.join(CORPUS, 'nope.txt'), path.join(stray, 'alone.ann')],
        format: 'conll',
        outDir: out,
      });
      assert.equal(report.articles, 1);
      assert.equal(read('other.conll'), 'زار O\nترامب O\nبغداد B-GPE\n\n');
      assert.deepEqual(report.failed, [path.join(CORPUS, 'nope.txt'), path.join(stray, 'alone.ann')]);
      assert.match(report.problems[0].message, /nope\.txt: no such file or folder$/);
      assert.match(report.problems[1].message, /alone\.ann: no alone\.txt beside this \.ann/);
    } finally {
      fs.rmSync(stray, { recursive: true, force: true });
    }
  });

  it('refuses an output folder inside an input folder, and never overwrites an input', async () => {
    const inside = await exportArticles({ inputs: [CORPUS], format: 'brat', outDir: path.join(CORPUS, 'out') });
    assert.equal(inside.articles, 0);
    assert.match(inside.problems[0].message, /is inside the input folder/);
    assert.equal(fs.existsSync(path.join(CORPUS, 'out')), false);

    const sameFolder = await exportArticles({ inputs: [path.join(CORPUS, 'other.txt')], format: 'brat', outDir: CORPUS });
    assert.equal(sameFolder.articles, 0);
    assert.deepEqual(sameFolder.filesWritten, []);
    assert.ok(sameFolder.problems.some((p) => /other\.txt is one of the inputs; not overwritten/.test(p.message)));

    // Exported next to the corpus's own annotation.conf: the articles go out, the conf stays.
    const parentConf = await exportArticles({ inputs: [path.join(CORPUS, 'news', 'visit.txt')], format: 'brat', outDir: CORPUS, schemaRoot: CORPUS });
    try {
      assert.equal(parentConf.articles, 1);
      assert.ok(parentConf.problems.some((p) => p.message.startsWith(`${path.join(CORPUS, 'annotation.conf')} is one of the inputs`)));
      assert.deepEqual(parentConf.filesWritten, [path.join(CORPUS, 'visit.txt'), path.join(CORPUS, 'visit.ann'), path.join(CORPUS, 'visual.conf')]);
    } finally {
      for (const f of parentConf.filesWritten) fs.rmSync(f);
    }
  });

  it('reports a text that cannot be read, and exports the others', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-bad-'));
    fs.writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0xc3, 0x28]));
    fs.writeFileSync(path.join(dir, 'good.txt'), 'بغداد');
    try {
      const report = await exportArticles({ inputs: [dir], format: 'jsonl', outDir: out });
      assert.equal(report.articles, 1);
      assert.deepEqual(report.failed, [path.join(dir, 'bad.txt')]);
      assert.match(report.problems[0].message, /bad\.txt: is not valid UTF-8 text/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports progress and stops when cancelled; a cancelled JSONL export writes nothing', async () => {
    const seen: [number, number][] = [];
    const report = await exportArticles({
      inputs: [CORPUS],
      format: 'jsonl',
      outDir: out,
      onProgress: (done, total) => seen.push([done, total]),
      isCancelled: () => seen.length === 1,
    });
    assert.deepEqual(seen, [[1, 3]]);
    assert.equal(report.cancelled, true);
    assert.equal(report.articles, 1);
    assert.deepEqual(report.filesWritten, []);
  });
});
