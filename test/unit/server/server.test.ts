import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, DidOpenTextDocumentNotification, ExecuteCommandRequest, HoverRequest, type MarkupContent, MessageType, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import { APPLY_ACTION_COMMAND, ApplyActionRequest, type ArticleState, type ItemView, SaveAnnotationsRequest, WillRenameArticleNotification } from '../../../src/shared/protocol';
import { eventually, LspHarness, REPO } from './lspHarness';
import { DEFAULT_MODEL_FILE, loadModel, saveModel } from '../../../src/core/tagger';

const SAMPLE = fs.readFileSync(path.join(REPO, 'samples', 'kadhimi-washington.txt'), 'utf8');

function suggestionOf(state: ArticleState, text: string, type?: string): ItemView {
  const item = state.items.find((i) => i.status === 'suggested' && i.text === text && (!type || i.type === type));
  assert.ok(item, `no suggestion «${text}» ${type ?? ''} among ${state.items.filter((i) => i.status === 'suggested').map((i) => `${i.text}/${i.type}`).join(', ')}`);
  return item;
}
const target = (i: ItemView) => ({ start: i.spans[0].start, end: i.spans[0].end, type: i.type });

describe('language server (in-process LSP)', function () {
  this.timeout(20000);
  let dir: string;
  let article: string;
  let lsp: LspHarness;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-lsp-'));
    article = path.join(dir, 'article.txt');
    fs.writeFileSync(article, SAMPLE);
    lsp = await LspHarness.start(dir);
  });
  afterEach(() => {
    lsp.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('suggests persons, places, organizations and dates for the sample article', async () => {
    const state = await lsp.open(article, SAMPLE);
    const types = new Set(state.items.filter((i) => i.status === 'suggested').map((i) => i.type));
    for (const t of ['PER', 'GPE', 'ORG', 'DATE']) assert.ok(types.has(t), `no ${t} suggestion`);
    assert.equal(state.counts.suggested, state.items.length + state.events.filter((e) => e.status === 'suggested').length);
    assert.equal(state.annPath, path.join(dir, 'article.ann'));
    for (const i of state.items) assert.equal(SAMPLE.slice(i.spans[0].start, i.spans[0].end), i.text);
  });

  it('suggests a long article in rounds: an early first state with its progress, events once entities are complete', async () => {
    // 60 different copies of the sample (a number on each line): about 350 KB.
    const long = Array.from({ length: 60 }, (_, k) => SAMPLE.split('\n').map((l) => (l ? `${l} ${k}` : l)).join('\n')).join('\n');
    const file = path.join(dir, 'long.txt');
    fs.writeFileSync(file, long);
    const rounds: ArticleState[] = [];
    const last = lsp.nextState(lsp.uri(file), (s) => (rounds.push(s), !s.suggesting), 120000);
    const first = await lsp.open(file, long, false);
    const { doneLines, totalLines } = first.suggesting!;
    assert.ok(doneLines < totalLines, `${doneLines} of ${totalLines} lines`);
    assert.deepEqual(first.events, [], 'no events before the entities are complete');
    const complete = await last;
    assert.ok(rounds.length >= 2);
    assert.ok(complete.counts.suggested > first.counts.suggested);
    assert.ok(complete.events.length > 0);
    const once = await lsp.open(article, SAMPLE);
    const perCopy = once.items.filter((i) => i.status === 'suggested').length;
    assert.ok(complete.items.length > 50 * perCopy, `${complete.items.length} items, ${perCopy} per copy`);
  });

  it('accepts a suggestion, writes the .ann, and restores it on reopen', async () => {
    const opened = await lsp.open(article, SAMPLE);
    const washington = suggestionOf(opened, 'واشنطن', 'GPE');
    const updated = lsp.nextState(lsp.uri(article), (s) => s.counts.accepted === 1);
    const result = await lsp.client.sendRequest(ApplyActionRequest, { uri: lsp.uri(article), action: { kind: 'accept', target: target(washington) } });
    assert.ok(result.changed, result.message);
    const state = await updated;
    assert.ok(!state.items.some((i) => i.status === 'suggested' && i.spans[0].start === washington.spans[0].start));
    const ann = await eventually(() => fs.existsSync(path.join(dir, 'article.ann')) && fs.readFileSync(path.join(dir, 'article.ann'), 'utf8'));
    assert.equal(ann, `T1\tGPE ${washington.spans[0].start} ${washington.spans[0].end}\tواشنطن\n`);
    await lsp.close(article);
    const reopened = await lsp.open(article, SAMPLE);
    assert.deepEqual(reopened.items.filter((i) => i.status === 'accepted').map((i) => [i.id, i.text, i.type]), [['T1', 'واشنطن', 'GPE']]);
  });

  it('writes the decisions still waiting for their save when the client shuts the server down', async () => {
    lsp.dispose();
    lsp = await LspHarness.start(dir, {}, path.join(REPO, 'models'), 60000);
    const opened = await lsp.open(article, SAMPLE);
    const washington = suggestionOf(opened, 'واشنطن', 'GPE');
    await lsp.client.sendRequest(ApplyActionRequest, { uri: lsp.uri(article), action: { kind: 'accept', target: target(washington) } });
    assert.equal(fs.existsSync(path.join(dir, 'article.ann')), false, 'the save waits');
    await lsp.client.sendRequest(ShutdownRequest.type);
    assert.equal(fs.readFileSync(path.join(dir, 'article.ann'), 'utf8'), `T1\tGPE ${washington.spans[0].start} ${washington.spans[0].end}\tواشنطن\n`);
  });

  it('undoes and redoes a decision: the state says what each would do, and the .ann follows', async () => {
    const opened = await lsp.open(article, SAMPLE);
    assert.deepEqual([opened.undo, opened.redo], [undefined, undefined]);
    const washington = suggestionOf(opened, 'واشنطن', 'GPE');
    const uri = lsp.uri(article);
    const annPath = path.join(dir, 'article.ann');
    const readAnn = () => (fs.existsSync(annPath) ? fs.readFileSync(annPath, 'utf8') : undefined);
    let next = lsp.nextState(uri, (s) => s.counts.accepted === 1);
    await lsp.client.sendRequest(ApplyActionRequest, { uri, action: { kind: 'accept', target: target(washington) } });
    assert.equal((await next).undo, 'Accepted «واشنطن» as GPE.');
    const written = `T1\tGPE ${washington.spans[0].start} ${washington.spans[0].end}\tواشنطن\n`;
    await eventually(() => readAnn() === written);

    next = lsp.nextState(uri, (s) => s.counts.accepted === 0);
    const undone = await lsp.client.sendRequest(ApplyActionRequest, { uri, action: { kind: 'undo' } });
    assert.deepEqual(undone, { changed: true, message: 'Undone: Accepted «واشنطن» as GPE.' });
    const afterUndo = await next;
    assert.deepEqual([afterUndo.undo, afterUndo.redo], [undefined, 'Accepted «واشنطن» as GPE.']);
    suggestionOf(afterUndo, 'واشنطن', 'GPE');
    await eventually(() => readAnn() === '');

    next = lsp.nextState(uri, (s) => s.counts.accepted === 1);
    await lsp.client.sendRequest(ApplyActionRequest, { uri, action: { kind: 'redo' } });
    await next;
    await eventually(() => readAnn() === written);
  });

  it('remembers a rejection across reopening without touching the .ann', async () => {
    const opened = await lsp.open(article, SAMPLE);
    const baghdad = suggestionOf(opened, 'بغداد');
    await lsp.client.sendRequest(ApplyActionRequest, { uri: lsp.uri(article), action: { kind: 'reject', target: target(baghdad) } });
    const statePath = path.join(dir, '.tawsim', 'article.json');
    await eventually(() => fs.existsSync(statePath));
    assert.ok(!fs.existsSync(path.join(dir, 'article.ann')));
    await lsp.close(article);
    const reopened = await lsp.open(article, SAMPLE);
    assert.equal(reopened.counts.rejected, 1);
    assert.ok(!reopened.items.some((i) => i.status === 'suggested' && i.spans[0].start === baghdad.spans[0].start && i.type === baghdad.type));
  });

  it('moves annotations with edits and writes the moved offsets when the text is saved', async () => {
    const opened = await lsp.open(article, SAMPLE);
    const trump = suggestionOf(opened, 'دونالد ترامب');
    await lsp.client.sendRequest(ApplyActionRequest, { uri: lsp.uri(article), action: { kind: 'accept', target: target(trump) } });
    await eventually(() => fs.existsSync(path.join(dir, 'article.ann')));
    const state = await lsp.change(article, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'عاجل: ' }]);
    const moved = state.items.find((i) => i.status === 'accepted')!;
    assert.equal(moved.spans[0].start, trump.spans[0].start + 6);
    assert.equal(moved.text, 'دونالد ترامب');
    // Not written while the text on disk is the old one.
    const before = fs.readFileSync(path.join(dir, 'article.ann'), 'utf8');
    assert.match(before, new RegExp(`PER ${trump.spans[0].start} `));
    fs.writeFileSync(article, 'عاجل: ' + SAMPLE);
    await lsp.save(article);
    await eventually(() => fs.readFileSync(path.join(dir, 'article.ann'), 'utf8').includes(`PER ${trump.spans[0].start + 6} `));
  });

  it('hovers with the type, the source and command links, escaping the article text', async () => {
    const text = 'قال الرئيس الأميركي دونالد ترامب *اليوم*';
    fs.writeFileSync(article, text);
    const state = await lsp.open(article, text);
    const trump = suggestionOf(state, 'دونالد ترامب');
    const hover = await lsp.client.sendRequest(HoverRequest.type, {
      textDocument: { uri: lsp.uri(article) },
      position: { line: 0, character: trump.spans[0].start + 2 },
    });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /\*\*PER\*\* — Person · شخص/);
    assert.match(value, /Suggested · confidence \d\.\d\d · source `[a-z:-]+`/);
    assert.match(value, /\[Accept\]\(command:tawsim\.applyAction\?/);
    assert.match(value, /\[Reject\]\(command:tawsim\.applyAction\?/);
    assert.match(value, /\[Change type…\]\(command:tawsim\.changeType\?/);
    const sentenceLink = /\[Accept sentence \((\d+)\)\]\(command:tawsim\.applyAction\?([^)]+)\)/.exec(value);
    assert.ok(sentenceLink, value);
    assert.equal(Number(sentenceLink[1]), state.items.filter((i) => i.status === 'suggested').length);
    assert.equal(JSON.parse(decodeURIComponent(sentenceLink[2]))[0].action.kind, 'acceptWithin');
    const star = text.indexOf('*');
    await lsp.client.sendRequest(ApplyActionRequest, { uri: lsp.uri(article), action: { kind: 'annotate', target: { start: star, end: text.length, type: 'DATE' } } });
    const accepted = await lsp.client.sendRequest(HoverRequest.type, { textDocument: { uri: lsp.uri(article) }, position: { line: 0, character: star + 2 } });
    const shown = (accepted?.contents as MarkupContent).value;
    assert.ok(shown.includes('«\\*اليوم\\*»'), shown);
    assert.match(shown, /\[Delete\]\(command:tawsim\.applyAction\?/);
    const reject = /\[Reject\]\(command:tawsim\.applyAction\?([^)]+)\)/.exec(shown);
    assert.ok(reject, shown);
    const rejected = await lsp.client.sendRequest(ApplyActionRequest, JSON.parse(decodeURIComponent(reject[1]))[0]);
    assert.equal(rejected.message, 'Rejected «*اليوم*» as DATE (it was accepted).');
  });

  it('says once that its model fails while suggesting, shows the rules\' suggestions, lists it under Problems, and keeps annotating by hand', async () => {
    // A model whose rules' data lacks a file loads, then fails on the first sentence it tags.
    const models = path.join(dir, 'models');
    fs.mkdirSync(models);
    const broken = loadModel(path.join(REPO, 'models', DEFAULT_MODEL_FILE));
    (broken.extractor.rules!.data.files as Map<string, string>).delete('curated/dates.tsv');
    saveModel(broken, path.join(models, DEFAULT_MODEL_FILE));
    lsp.dispose();
    lsp = await LspHarness.start(dir, {}, models);
    const text = 'وصل الرئيس إلى بغداد مساء الاثنين.';
    fs.writeFileSync(article, text);
    const state = await lsp.open(article, text);
    assert.deepEqual(state.items.map((i) => [i.text, i.type, i.source]), [['بغداد', 'GPE', 'gazetteer'], ['مساء الاثنين', 'DATE', 'rule:date']]);
    assert.equal(state.problems.length, 1, state.problems.join('\n'));
    assert.match(state.problems[0], /^Tawsim's trained model could not suggest for this article \(the model's rule data has no curated\/dates\.tsv\); only the rules' entity suggestions are shown\./);
    const leader = text.indexOf('الرئيس');
    await lsp.client.sendRequest(ApplyActionRequest, { uri: lsp.uri(article), action: { kind: 'annotate', target: { start: leader, end: leader + 6, type: 'PER' } } });
    const ann = await eventually(() => fs.existsSync(path.join(dir, 'article.ann')) && fs.readFileSync(path.join(dir, 'article.ann'), 'utf8'));
    assert.equal(ann, `T1\tPER ${leader} ${leader + 6}\tالرئيس\n`);
    const errors = lsp.questions.filter((m) => m.type === MessageType.Error);
    assert.equal(errors.length, 1, 'shown once, not at every state');
    assert.match(errors[0].message, /the model's rule data has no curated\/dates\.tsv.*Please report it with the Tawsim output\.$/);
    assert.ok(lsp.logs.some((l) => l.includes('curated/dates.tsv') && l.includes('\n    at ')), 'the stack is in the output');
  });

  it('counts in Accept sentence (N) the events it accepts with the entities', async () => {
    const text = 'اغتيل الباحث هشام الهاشمي في بغداد مساء الاثنين.';
    fs.writeFileSync(article, text);
    const state = await lsp.open(article, text);
    assert.ok(state.events.some((e) => e.status === 'suggested'), 'no suggested event');
    const name = suggestionOf(state, 'هشام الهاشمي');
    const hover = await lsp.client.sendRequest(HoverRequest.type, { textDocument: { uri: lsp.uri(article) }, position: { line: 0, character: name.spans[0].start + 2 } });
    const link = /\[Accept sentence \((\d+)\)\]\(command:tawsim\.applyAction\?([^)]+)\)/.exec((hover?.contents as MarkupContent).value);
    assert.ok(link);
    const result = await lsp.client.sendRequest(ApplyActionRequest, JSON.parse(decodeURIComponent(link[2]))[0]);
    const [, entities, events] = /^Accepted (\d+) entit(?:y|ies) and (\d+) events? in this sentence\.$/.exec(result.message) ?? [];
    assert.equal(Number(link[1]), Number(entities) + Number(events), result.message);
  });

  it('offers code actions that change annotations through workspace/executeCommand', async () => {
    const state = await lsp.open(article, SAMPLE);
    const kadhimi = suggestionOf(state, 'مصطفى الكاظمي');
    const position = { line: state.items.find((i) => i === kadhimi)!.line, character: 0 };
    const lineStart = SAMPLE.split('\n').slice(0, position.line).join('\n').length + (position.line ? 1 : 0);
    position.character = kadhimi.spans[0].start - lineStart + 1;
    const actions = (await lsp.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: lsp.uri(article) },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    })) as { title: string; command?: { command: string; arguments?: unknown[] } }[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Accept «مصطفى الكاظمي» as PER'), titles.join('\n'));
    assert.ok(titles.includes('Reject «مصطفى الكاظمي» as PER'));
    assert.ok(titles.includes('Change type → ORG (Organization)'));
    const sentence = titles.find((t) => /^Accept all \d+ suggestions in this sentence$/.test(t));
    assert.ok(sentence, titles.join('\n'));
    assert.ok(titles.includes(sentence.replace('Accept', 'Reject')), titles.join('\n'));
    const changeToOrg = actions.find((a) => a.title === 'Change type → ORG (Organization)')!;
    assert.equal(changeToOrg.command?.command, APPLY_ACTION_COMMAND);
    const updated = lsp.nextState(lsp.uri(article), (s) => s.counts.accepted === 1);
    await lsp.client.sendRequest(ExecuteCommandRequest.type, { command: APPLY_ACTION_COMMAND, arguments: changeToOrg.command!.arguments });
    const accepted = (await updated).items.find((i) => i.status === 'accepted')!;
    assert.deepEqual([accepted.text, accepted.type], ['مصطفى الكاظمي', 'ORG']);
    const onAnnotation = (await lsp.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: lsp.uri(article) },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    })) as { title: string }[];
    const annotationTitles = onAnnotation.map((a) => a.title);
    assert.ok(annotationTitles.includes('Delete «مصطفى الكاظمي» (ORG)'), annotationTitles.join('\n'));
    assert.ok(annotationTitles.includes('Reject «مصطفى الكاظمي» as ORG: delete it, not to be suggested again'), annotationTitles.join('\n'));
  });

  it('keeps unreadable .ann lines, reports them, and writes them back', async () => {
    const text = 'وصل الكاظمي إلى واشنطن';
    fs.writeFileSync(article, text);
    const ann = 'T1\tPER 4 11\tالكاظمي\nT2\tGPE 17 99\tواشنطن\nE1\tVisit:T1 Place:T2\nthis is not brat\n';
    fs.writeFileSync(path.join(dir, 'article.ann'), ann);
    const state = await lsp.open(article, text);
    assert.equal(state.counts.accepted, 1);
    assert.equal(state.problems.length, 3, state.problems.join('\n'));
    assert.ok(state.problems.some((p) => p.includes('article.ann:2')));
    assert.ok(state.problems.some((p) => p.includes('article.ann:3') && p.includes('E1 points at T2')));
    const washington = suggestionOf(state, 'واشنطن');
    await lsp.client.sendRequest(ApplyActionRequest, { uri: lsp.uri(article), action: { kind: 'accept', target: target(washington) } });
    const written = await eventually(() => {
      const now = fs.readFileSync(path.join(dir, 'article.ann'), 'utf8');
      return now !== ann ? now : undefined;
    });
    for (const line of ann.trim().split('\n')) assert.ok(written.includes(line), `lost: ${line}\n${written}`);
    assert.match(written, /\tGPE 16 22\tواشنطن/);
  });

  it('asks before overwriting a .ann changed outside the editor', async () => {
    const opened = await lsp.open(article, SAMPLE);
    const washington = suggestionOf(opened, 'واشنطن', 'GPE');
    fs.writeFileSync(path.join(dir, 'article.ann'), 'T1\tPER 0 6\tصواريخ\n');
    lsp.answer = (q) => q.actions?.find((a) => a.title.startsWith('Reload'))?.title;
    await lsp.client.sendRequest(ApplyActionRequest, { uri: lsp.uri(article), action: { kind: 'accept', target: target(washington) } });
    const reloaded = await lsp.nextState(lsp.uri(article), (s) => s.items.some((i) => i.status === 'accepted' && i.text === 'صواريخ'));
    const conflicts = lsp.questions.filter((q) => /changed outside the editor/.test(q.message));
    assert.equal(conflicts.length, 1);
    assert.equal(reloaded.counts.accepted, 1);
    assert.equal(fs.readFileSync(path.join(dir, 'article.ann'), 'utf8'), 'T1\tPER 0 6\tصواريخ\n');
  });

  it('says why it cannot save an article whose text is not saved', async () => {
    await lsp.open(article, SAMPLE);
    await lsp.change(article, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    const result = await lsp.client.sendRequest(SaveAnnotationsRequest, { uri: lsp.uri(article) });
    assert.equal(result.saved, false);
    assert.match(result.message, /Save the article first/);
  });

  it('uses the annotation.conf of the article folder or a parent', async () => {
    fs.writeFileSync(path.join(dir, 'annotation.conf'), '[entities]\nPerson\nPlace\n[relations]\n[events]\n[attributes]\n');
    const text = 'وصل الرئيس الأميركي دونالد ترامب إلى بغداد';
    const nested = path.join(dir, 'news', 'a.txt');
    fs.mkdirSync(path.dirname(nested));
    fs.writeFileSync(nested, text);
    const state = await lsp.open(nested, text);
    assert.deepEqual(state.entityTypes.map((t) => t.name), ['Person', 'Place']);
    assert.equal(state.schemaOrigin, path.join(dir, 'annotation.conf'));
    assert.ok(state.items.every((i) => i.type === 'Person' || i.type === 'Place'), 'suggestions of types the schema lacks');
    const r = await lsp.client.sendRequest(ApplyActionRequest, { uri: lsp.uri(nested), action: { kind: 'annotate', target: { start: 0, end: 3, type: 'PER' } } });
    assert.equal(r.changed, false);
    assert.match(r.message, /no entity type PER/);
  });

  it('opens an article when .tawsim is a file, not a folder: there are no rejections to read', async () => {
    fs.writeFileSync(path.join(dir, '.tawsim'), 'not a folder\n');
    const state = await lsp.open(article, SAMPLE);
    assert.ok(state.counts.suggested > 0);
    assert.deepEqual(state.problems, []);
  });

  it('carries an article renamed with unsaved text over to its new name, decisions on that text included', async () => {
    const opened = await lsp.open(article, SAMPLE);
    const edited = await lsp.change(article, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'عاجل: ' }]);
    const text = 'عاجل: ' + SAMPLE;
    const place = suggestionOf(edited, 'واشنطن', 'GPE');
    assert.ok(opened && place);
    await lsp.client.sendRequest(ApplyActionRequest, { uri: lsp.uri(article), action: { kind: 'accept', target: target(place) } });
    const other = path.join(dir, 'renamed.txt');
    fs.renameSync(article, other);
    await lsp.client.sendNotification(WillRenameArticleNotification, { from: lsp.uri(article), to: lsp.uri(other) });
    await lsp.close(article);
    const state = await lsp.open(other, text);
    assert.deepEqual(state.items.filter((i) => i.status === 'accepted').map((i) => [i.text, i.spans[0].start]), [['واشنطن', place.spans[0].start]]);
    assert.deepEqual(state.problems, []);
    assert.equal(state.annPath, path.join(dir, 'renamed.ann'));
  });

  it('never annotates a .ann as an article: its annotations would be written into itself', async () => {
    const ann = path.join(dir, 'article.ann');
    const content = 'T1\tGPE 0 6\tواشنطن\n';
    fs.writeFileSync(ann, content);
    await lsp.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: lsp.uri(ann), languageId: 'arabic-article', version: 1, text: content } });
    await eventually(() => lsp.questions.find((q) => q.message.includes('article.ann holds the annotations of the .txt beside it')));
    const result = await lsp.client.sendRequest(ApplyActionRequest, { uri: lsp.uri(ann), action: { kind: 'annotate', target: { start: 0, end: 2, type: 'PER' } } });
    assert.equal(result.changed, false);
    assert.equal(lsp.states.get(lsp.uri(ann)), undefined);
    assert.equal(fs.readFileSync(ann, 'utf8'), content);
  });

  it('names the file and line of a malformed annotation.conf and keeps the news schema', async () => {
    fs.writeFileSync(path.join(dir, 'annotation.conf'), '[entities]\nPerson\n[events]\nAttack\tVictim{x}:PER\n');
    const state = await lsp.open(article, SAMPLE);
    assert.equal(state.schemaOrigin, 'built-in');
    assert.ok(state.entityTypes.some((t) => t.name === 'GPE'));
    assert.ok(state.problems.some((p) => p.startsWith(`${path.join(dir, 'annotation.conf')}:4: `)), state.problems.join('\n'));
    assert.ok(state.problems.some((p) => p.startsWith(`${path.join(dir, 'annotation.conf')}: section [relations] is missing`)), 'a whole-file problem names no line');
  });
});
