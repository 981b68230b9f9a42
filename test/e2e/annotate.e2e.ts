// The annotator's loop in real VS Code: open the sample article, see suggestions, accept, save,
// reopen, reject, edit, export. Runs under code-server (npm test) and desktop VS Code
// (npm run test:electron).

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TawsimApi } from '../../src/client/extension';
import type { Node } from '../../src/client/tree';
import type { ArticleState, ItemView } from '../../src/shared/protocol';
import { requestScreenshot } from './page';
import { closeAllAndForget, completeStateWhere, sleep, until, visibleEditor } from './waits';

describe('annotating the sample article', function () {
  this.timeout(90000);
  let api: TawsimApi;
  let sampleUri: vscode.Uri;
  let annPath: string;

  const stateWhere = (what: string, test: (s: ArticleState) => boolean) => completeStateWhere(api, sampleUri, what, test);
  const editor = () => until('the sample editor', () => visibleEditor(sampleUri));
  const suggestion = (s: ArticleState, text: string, type?: string): ItemView => {
    const item = s.items.find((i) => i.status === 'suggested' && i.text === text && (!type || i.type === type));
    assert.ok(item, `no suggestion «${text}»`);
    return item;
  };
  const putCursorIn = async (item: ItemView) => {
    const e = await editor();
    const p = e.document.positionAt(item.spans[0].start + 1);
    e.selection = new vscode.Selection(p, p);
  };
  const openSample = async () => {
    // Opened like a user does (not with openTextDocument, whose reference keeps the document alive
    // for minutes after its editor closes), so that closing the editor closes the document.
    await vscode.commands.executeCommand('vscode.open', sampleUri, { preview: false });
    await until('article mode', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === sampleUri.toString() && d.languageId === 'arabic-article'));
    return stateWhere('suggestions', (s) => s.counts.suggested > 0);
  };
  const closeSample = () => closeAllAndForget(api, sampleUri);

  before(async () => {
    const extension = vscode.extensions.getExtension<TawsimApi>('tawsim.tawsim');
    assert.ok(extension);
    api = await extension.activate();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    sampleUri = vscode.Uri.joinPath(folder, 'samples', 'kadhimi-washington.txt');
    annPath = sampleUri.fsPath.replace(/\.txt$/, '.ann');
    fs.rmSync(annPath, { force: true });
    fs.rmSync(path.join(path.dirname(annPath), '.tawsim'), { recursive: true, force: true });
  });

  it('opens a mostly-Arabic .txt as an article with suggestion decorations', async () => {
    const s = await openSample();
    const types = new Set(s.items.map((i) => i.type));
    for (const t of ['PER', 'GPE', 'ORG', 'DATE']) assert.ok(types.has(t), `no ${t} suggestion`);
    const used = api.decorations.usedOn(await editor());
    assert.ok(used.some((d) => d.startsWith('PER|suggested')), used.join(', '));
    assert.ok(used.some((d) => d.startsWith('GPE|suggested')), used.join(', '));
    assert.match(api.statusBar.text, new RegExp(`0 accepted · ${s.counts.suggested} suggested · 0 rejected`));
  });

  it('registers every command the manifest contributes', async () => {
    const manifest = vscode.extensions.getExtension('tawsim.tawsim')!.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
  });

  it('lists types with counts in the tree, then texts, then mentions', async () => {
    const s = await stateWhere('state', () => true);
    const roots = api.tree.getChildren();
    const types = roots.filter((n): n is Extract<Node, { kind: 'type' }> => n.kind === 'type');
    assert.ok(types.length >= 4);
    for (const t of types) {
      const count = s.items.filter((i) => i.type === t.type.name && i.status !== 'rejected').length;
      assert.equal(api.tree.getTreeItem(t).description, `(${count})`);
    }
    const gpe = types.find((t) => t.type.name === 'GPE')!;
    const baghdad = gpe.groups.find((g) => g.text === 'بغداد');
    assert.ok(baghdad && baghdad.mentions.length >= 3, 'بغداد should be one group with its mentions');
    const mention = api.tree.getTreeItem(baghdad.mentions[0]);
    assert.match(String(mention.description), /^line \d+$/);
    assert.equal(mention.command?.command, 'tawsim.reveal');
    assert.equal(api.tree.view.badge?.value, s.counts.suggested);
  });

  it('shows a hover with the type and command links, and code actions', async () => {
    const s = await stateWhere('state', () => true);
    const trump = suggestion(s, 'دونالد ترامب');
    const e = await editor();
    const position = e.document.positionAt(trump.spans[0].start + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', sampleUri, position);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /PER\*\* — Person · شخص/);
    assert.match(text, /command:tawsim\.applyAction/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', sampleUri, new vscode.Range(position, position));
    assert.ok(actions.some((a) => a.title === 'Accept «دونالد ترامب» as PER'), actions.map((a) => a.title).join('\n'));
  });

  it('accepts the suggestion at the cursor and saves it to the .ann', async () => {
    const s = await stateWhere('state', () => true);
    const washington = suggestion(s, 'واشنطن', 'GPE');
    await putCursorIn(washington);
    await vscode.commands.executeCommand('tawsim.acceptAtCursor');
    const after = await stateWhere('accepted', (x) => x.counts.accepted === 1);
    assert.equal(after.items.find((i) => i.status === 'accepted')?.text, 'واشنطن');
    // The next suggestion is selected, ready for the next decision.
    const e = await editor();
    const next = after.items.filter((i) => i.status === 'suggested' && i.spans[0].start > washington.spans[0].start).sort((a, b) => a.spans[0].start - b.spans[0].start)[0];
    await until('the next suggestion selected', () => e.document.offsetAt(e.selection.start) === next.spans[0].start && e.document.offsetAt(e.selection.end) === next.spans[next.spans.length - 1].end);
    const used = api.decorations.usedOn(await editor());
    assert.ok(used.some((d) => d.startsWith('GPE|accepted')), used.join(', '));
    await vscode.commands.executeCommand('tawsim.saveAnnotations');
    const ann = await until('.ann', () => fs.existsSync(annPath) && fs.readFileSync(annPath, 'utf8'));
    assert.equal(ann, `T1\tGPE ${washington.spans[0].start} ${washington.spans[0].end}\tواشنطن\n`);
  });

  it('annotates a selection with a type', async () => {
    const e = await editor();
    const text = e.document.getText();
    const start = text.indexOf('الفصائل العراقية');
    e.selection = new vscode.Selection(e.document.positionAt(start), e.document.positionAt(start + 'الفصائل'.length));
    await vscode.commands.executeCommand('tawsim.annotateSelection', 'ORG');
    const s = await stateWhere('two accepted', (x) => x.counts.accepted === 2);
    assert.ok(s.items.some((i) => i.status === 'accepted' && i.text === 'الفصائل' && i.type === 'ORG'));
  });

  it('restores the annotations after closing and reopening', async () => {
    await until('.ann with both annotations', () => fs.readFileSync(annPath, 'utf8').split('\n').filter(Boolean).length === 2);
    await closeSample();
    const s = await openSample();
    assert.deepEqual(s.items.filter((i) => i.status === 'accepted').map((i) => `${i.type} ${i.text}`).sort(), ['GPE واشنطن', 'ORG الفصائل']);
  });

  it('keeps a rejected suggestion rejected after reopening', async () => {
    const s = await stateWhere('state', () => true);
    const victoria = s.items.find((i) => i.status === 'suggested' && i.text.includes('فكتوريا'))!;
    assert.ok(victoria, 'no suggestion of قاعدة فكتوريا');
    await putCursorIn(victoria);
    await vscode.commands.executeCommand('tawsim.rejectAtCursor');
    await stateWhere('rejected', (x) => x.counts.rejected === 1);
    await until('rejections saved', () => fs.existsSync(path.join(path.dirname(annPath), '.tawsim', 'kadhimi-washington.json')));
    await closeSample();
    const reopened = await openSample();
    assert.equal(reopened.counts.rejected, 1);
    assert.ok(!reopened.items.some((i) => i.status === 'suggested' && i.spans[0].start === victoria.spans[0].start && i.type === victoria.type));
    assert.match(api.statusBar.text, /2 accepted · \d+ suggested · 1 rejected/);
  });

  it('moves annotations with edits, and undo brings a deleted one back', async () => {
    const e = await editor();
    const before = await stateWhere('state', () => true);
    const washington = before.items.find((i) => i.status === 'accepted' && i.text === 'واشنطن')!;
    await e.edit((b) => b.insert(new vscode.Position(0, 0), 'عاجل: '));
    const moved = await stateWhere('moved', (x) => x.items.some((i) => i.id === washington.id && i.spans[0].start === washington.spans[0].start + 6));
    assert.equal(moved.items.find((i) => i.id === washington.id)?.text, 'واشنطن');
    const range = new vscode.Range(e.document.positionAt(washington.spans[0].start + 6), e.document.positionAt(washington.spans[0].end + 6));
    await e.edit((b) => b.delete(range));
    await stateWhere('deleted', (x) => !x.items.some((i) => i.id === washington.id));
    await vscode.commands.executeCommand('undo');
    await stateWhere('restored', (x) => x.items.some((i) => i.id === washington.id && i.text === 'واشنطن'));
    await vscode.commands.executeCommand('undo');
    await stateWhere('back in place', (x) => x.items.some((i) => i.id === washington.id && i.spans[0].start === washington.spans[0].start));
    assert.equal(e.document.isDirty, false);
  });

  /** The mentions the tree shows. */
  const mentions = () => api.tree.getChildren().flatMap((t) => api.tree.getChildren(t)).flatMap((g) => api.tree.getChildren(g))
    .filter((m): m is Extract<Node, { kind: 'mention' }> => m.kind === 'mention');

  it('filters the tree and accepts a whole group from it', async () => {
    await vscode.commands.executeCommand('tawsim.filter.accepted');
    assert.ok(mentions().length > 0 && mentions().every((m) => m.item.status === 'accepted'));
    await vscode.commands.executeCommand('tawsim.filter.suggested');
    assert.ok(mentions().length > 0 && mentions().every((m) => m.item.status === 'suggested'));
    await vscode.commands.executeCommand('tawsim.filter.all');
    const statuses = new Set(mentions().map((m) => m.item.status));
    assert.deepEqual([...statuses].sort(), ['accepted', 'suggested']);
    const gpe = api.tree.getChildren().find((n) => n.kind === 'type' && n.type.name === 'GPE')!;
    const iran = api.tree.getChildren(gpe).find((g) => g.kind === 'group' && g.text === 'إيران');
    assert.ok(iran && iran.kind === 'group' && iran.mentions.length > 2, 'no group of إيران mentions');
    const before = (await stateWhere('state', () => true)).counts.accepted;
    await vscode.commands.executeCommand('tawsim.acceptGroup', iran);
    const after = await stateWhere('group accepted', (x) => x.counts.accepted === before + iran.mentions.length);
    assert.ok(!after.items.some((i) => i.status === 'suggested' && i.text === 'إيران' && i.type === 'GPE'));
  });

  /** The paragraph the rejection test rejected, for the undo test after it. */
  let rejectedParagraph: { before: ArticleState; line: number; after: ArticleState } | undefined;
  const suggestedOn = (x: ArticleState, line: number) => x.items.filter((i) => i.status === 'suggested' && i.line === line);
  /** Selects the first (or last) paragraph with two suggestions or more. */
  const selectParagraph = async (last = false) => {
    const s = await stateWhere('state', () => true);
    const lines = [...new Set(s.items.map((i) => i.line))];
    const line = (last ? lines.reverse() : lines).find((l) => suggestedOn(s, l).length >= 2);
    assert.ok(line !== undefined, 'no paragraph with two suggestions left');
    const e = await editor();
    e.selection = new vscode.Selection(new vscode.Position(line, 0), e.document.lineAt(line).range.end);
    return { s, e, line };
  };

  it('accepts every suggestion of a selected paragraph in one step', async () => {
    const { s, e, line } = await selectParagraph();
    const taken = suggestedOn(s, line);
    await vscode.commands.executeCommand('tawsim.acceptWithin');
    const after = await stateWhere('paragraph accepted', (x) => x.counts.accepted >= s.counts.accepted + taken.length);
    assert.deepEqual(suggestedOn(after, line), []);
    for (const t of taken) assert.ok(after.items.some((i) => i.status === 'accepted' && i.spans[0].start === t.spans[0].start && i.type === t.type), `«${t.text}» not accepted`);
    const acceptedElsewhere = (x: ArticleState) => x.items.filter((i) => i.status === 'accepted' && i.line !== line).map((i) => i.id).sort();
    assert.deepEqual(acceptedElsewhere(after), acceptedElsewhere(s), 'nothing outside the selection was accepted');
    // The cursor goes on to the next suggestion, with nothing selected: the same key would take its sentence.
    const paragraphEnd = e.document.offsetAt(e.document.lineAt(line).range.end);
    const next = after.items.filter((i) => i.status === 'suggested' && i.spans[0].start >= paragraphEnd).sort((a, b) => a.spans[0].start - b.spans[0].start)[0];
    await until('the cursor on the next suggestion', () => e.selection.isEmpty && e.document.offsetAt(e.selection.active) === next.spans[0].start);
    e.selection = new vscode.Selection(0, 0, 0, 0);
    // The paragraph's sentences are now fully reviewed: the tagger learns them and the status bar says so.
    await until('the status bar tooltip to tell what was learnt', () => /learnt from \d+ sentences? you reviewed/.test(api.statusBar.tooltip));
  });

  it('rejects every suggestion of a selected paragraph in one step', async () => {
    const { s, e, line } = await selectParagraph(true);
    const dropped = suggestedOn(s, line);
    await vscode.commands.executeCommand('tawsim.rejectWithin');
    const after = await stateWhere('paragraph rejected', (x) => x.counts.rejected >= s.counts.rejected + dropped.length);
    // A rejected suggestion may uncover a weaker one under it (مطار بغداد as FAC → بغداد as GPE): those stay to review.
    const still = dropped.filter((d) => after.items.some((i) => i.status === 'suggested' && i.spans[0].start === d.spans[0].start && i.type === d.type));
    assert.deepEqual(still.map((i) => i.text), []);
    assert.equal(after.counts.accepted, s.counts.accepted);
    assert.match(after.undo ?? '', /^Rejected \d+ entit(y|ies)( and \d+ events?)? in the selection\.$/);
    rejectedParagraph = { before: s, line, after };
    e.selection = new vscode.Selection(0, 0, 0, 0);
  });

  it('undoes the paragraph’s rejection in one step, and redoes it', async () => {
    const { before, line, after } = rejectedParagraph!;
    const suggestionsOn = (x: ArticleState) => suggestedOn(x, line).map((i) => `${i.type} ${i.spans[0].start}`).sort();
    await until('the status bar tooltip to name what undo would take back', () => api.statusBar.tooltip.includes(`would take back: ${after.undo}`));
    await vscode.commands.executeCommand('tawsim.undoDecision');
    const undone = await stateWhere('rejection undone', (x) => x.counts.rejected === before.counts.rejected);
    assert.deepEqual(suggestionsOn(undone), suggestionsOn(before));
    assert.equal(undone.redo, after.undo);
    await vscode.commands.executeCommand('tawsim.redoDecision');
    const redone = await stateWhere('rejection redone', (x) => x.counts.rejected === after.counts.rejected);
    assert.deepEqual(suggestionsOn(redone), suggestionsOn(after));
  });

  it('lists the rejected suggestions under their own filter, and forgets one so that it is suggested again', async () => {
    const { line } = rejectedParagraph!;
    const s = await stateWhere('state', () => true);
    await vscode.commands.executeCommand('tawsim.filter.rejected');
    const rejected = mentions();
    assert.deepEqual(new Set(rejected.map((m) => m.item.status)), new Set(['rejected']));
    const one = rejected.find((m) => m.item.line === line && s.entityTypes.some((t) => t.name === m.item.type));
    assert.ok(one, `no rejected entity of line ${line + 1} in the tree`);
    await vscode.commands.executeCommand('tawsim.forgetRejection', one);
    const after = await stateWhere('rejection forgotten', (x) => x.counts.rejected === s.counts.rejected - 1);
    assert.ok(after.items.some((i) => i.status === 'suggested' && i.spans[0].start === one.item.spans[0].start && i.type === one.item.type), `«${one.item.text}» not suggested again`);
    await until('the forgotten rejection to leave the tree', () => !mentions().some((m) => m.item.id === one.item.id));
    await vscode.commands.executeCommand('tawsim.filter.all');
  });

  it('accepts every suggestion of one type from its node in the tree, and undoes that in one step', async () => {
    const s = await stateWhere('state', () => true);
    const dates = s.items.filter((i) => i.status === 'suggested' && i.type === 'DATE');
    assert.ok(dates.length >= 2, 'fewer than two DATE suggestions');
    const node = api.tree.getChildren().find((n) => n.kind === 'type' && n.type.name === 'DATE')!;
    assert.equal(api.tree.getTreeItem(node).contextValue, 'type.withSuggestions');
    const accepted = (x: ArticleState, d: ItemView) => x.items.some((i) => i.status === 'accepted' && i.type === 'DATE' && i.spans[0].start === d.spans[0].start);
    await vscode.commands.executeCommand('tawsim.acceptType', node);
    // (An accepted date may make the engine suggest its other mentions: those come to review.)
    const after = await stateWhere('dates accepted', (x) => x.counts.accepted === s.counts.accepted + dates.length);
    assert.deepEqual(dates.filter((d) => !accepted(after, d)).map((d) => d.text), []);
    assert.equal(after.undo, `Accepted ${dates.length} DATE entities in the article.`);
    await vscode.commands.executeCommand('tawsim.undoDecision');
    const undone = await stateWhere('dates back to review', (x) => x.counts.accepted === s.counts.accepted);
    assert.deepEqual(dates.filter((d) => !undone.items.some((i) => i.status === 'suggested' && i.spans[0].start === d.spans[0].start && i.type === 'DATE')).map((d) => d.text), []);
  });

  it('accepts the confident suggestions of the article in one step; rejecting one of them deletes it for good; undo takes both back', async () => {
    const s = await stateWhere('state', () => true);
    const e = await editor();
    e.selection = new vscode.Selection(0, 0, 0, 0);
    const min = vscode.workspace.getConfiguration('tawsim').get<number>('suggestions.acceptConfidentAbove')!;
    const sure = s.items.filter((i) => i.status === 'suggested' && i.confidence! >= min);
    const unsure = s.items.filter((i) => i.status === 'suggested' && i.confidence! < min);
    assert.ok(sure.length >= 2 && unsure.length >= 2, `${sure.length} suggestions at ${min} or more, ${unsure.length} below`);
    const acceptedAs = (x: ArticleState, d: ItemView) => x.items.find((i) => i.status === 'accepted' && i.type === d.type && i.spans[0].start === d.spans[0].start);
    await vscode.commands.executeCommand('tawsim.acceptConfident');
    const after = await stateWhere('confident suggestions accepted', (x) => x.counts.accepted === s.counts.accepted + sure.length);
    assert.deepEqual(sure.filter((d) => !acceptedAs(after, d)).map((d) => d.text), []);
    assert.deepEqual(unsure.filter((d) => acceptedAs(after, d)).map((d) => d.text), [], 'an unsure suggestion was accepted');
    assert.deepEqual(sure.filter((d) => !acceptedAs(after, d)!.unseen).map((d) => d.text), [], 'taken, but not marked unseen');
    assert.equal(after.undo, `Accepted ${sure.length} entities of confidence ${Math.round(min * 100)}% or more in the article.`);
    // The tree shows what was taken unseen.
    await vscode.commands.executeCommand('tawsim.annotations.focus');
    const groups = () => api.tree.getChildren().filter((n) => n.kind === 'type').flatMap((t) => api.tree.getChildren(t));
    const group = await until('a tree group holding an unseen mention', () => groups().find((g) => g.kind === 'group' && g.mentions.some((m) => m.item.unseen)));
    const mention = api.tree.getChildren(group).find((m) => m.kind === 'mention' && m.item.unseen)!;
    assert.match(String(api.tree.getTreeItem(mention).description), /· unseen$/);
    await api.tree.view.reveal(mention, { expand: true, select: false, focus: false });
    await vscode.window.showTextDocument(e.document, { preview: false, preserveFocus: false });
    e.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await sleep(1000);
    await requestScreenshot('confident');

    const wrong = acceptedAs(after, sure[0])!;
    await putCursorIn(wrong);
    await vscode.commands.executeCommand('tawsim.rejectAtCursor');
    const rejected = await stateWhere('an accepted one rejected', (x) => x.counts.rejected === after.counts.rejected + 1);
    assert.deepEqual(rejected.items.filter((i) => i.type === wrong.type && i.spans[0].start === wrong.spans[0].start).map((i) => i.status), ['rejected']);
    await vscode.commands.executeCommand('tawsim.undoDecision');
    await stateWhere('the rejection undone', (x) => x.counts.rejected === after.counts.rejected);
    await vscode.commands.executeCommand('tawsim.undoDecision');
    const undone = await stateWhere('the confident ones back to review', (x) => x.counts.accepted === s.counts.accepted);
    assert.deepEqual(sure.filter((d) => !undone.items.some((i) => i.status === 'suggested' && i.type === d.type && i.spans[0].start === d.spans[0].start)).map((d) => d.text), []);
  });

  it('exports the article to brat, JSONL and CoNLL', async () => {
    const folder = path.dirname(sampleUri.fsPath);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-export-'));
    for (const format of ['brat', 'jsonl', 'conll']) {
      await vscode.commands.executeCommand('tawsim.export', { inputs: [folder], format, outDir: path.join(out, format) });
    }
    const files = (dir: string): string[] => fs.readdirSync(dir, { recursive: true }).map(String).sort();
    assert.ok(files(path.join(out, 'brat')).includes('kadhimi-washington.ann'), files(path.join(out, 'brat')).join(', '));
    assert.ok(files(path.join(out, 'brat')).includes('annotation.conf'));
    const jsonl = fs.readFileSync(path.join(out, 'jsonl', files(path.join(out, 'jsonl')).find((f) => f.endsWith('.jsonl'))!), 'utf8');
    assert.match(jsonl, /"label":"GPE"/);
    const conll = fs.readFileSync(path.join(out, 'conll', files(path.join(out, 'conll')).find((f) => f.endsWith('.conll'))!), 'utf8');
    assert.match(conll, /^واشنطن B-GPE$/m);
  });

  it('shows the article with its marks and the tree (screenshot)', async () => {
    const s = await stateWhere('state', () => true);
    for (const text of ['مصطفى الكاظمي', 'دونالد ترامب', 'مطار بغداد']) {
      const item = s.items.find((i) => i.status === 'suggested' && i.text === text);
      if (item) await vscode.commands.executeCommand('tawsim.applyAction', { uri: sampleUri.toString(), action: { kind: 'accept', target: { start: item.spans[0].start, end: item.spans[0].end, type: item.type } } });
    }
    await vscode.commands.executeCommand('tawsim.annotations.focus');
    const per = api.tree.getChildren().find((n) => n.kind === 'type' && n.type.name === 'PER');
    const group = per && api.tree.getChildren(per).find((g) => g.kind === 'group' && g.mentions.length > 1);
    if (group) await api.tree.view.reveal(api.tree.getChildren(group)[0], { expand: true, select: false, focus: false });
    const e = await editor();
    await vscode.window.showTextDocument(e.document, { preview: false, preserveFocus: false });
    e.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await sleep(1500);
    await requestScreenshot('screenshot');
    const hovered = (await stateWhere('state', () => true)).items.find((i) => i.status === 'suggested' && i.type === 'PER');
    if (hovered) {
      await putCursorIn(hovered);
      e.revealRange(new vscode.Range(e.selection.active, e.selection.active), vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.showHover');
      await sleep(1500);
      await requestScreenshot('hover');
    }
  });
});
