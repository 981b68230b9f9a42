// An article in two editors side by side, and moving from suggestion to suggestion through events.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { TawsimApi } from '../../src/client/extension';
import type { ArticleState } from '../../src/shared/protocol';
import { canSeePage, evaluateInPage } from './page';
import { sampleCopy } from './sampleCopy';
import { closeAllAndForget, completeStateWhere, sleep, until, visibleEditor } from './waits';

/** Per editor group of the page, the marks drawn in its visible lines (decoration overlays). */
const MARKS_PER_GROUP = `[...document.querySelectorAll('.editor-group-container')].map((g) => g.querySelectorAll('.view-overlays div[class*="ced-"]').length)`;

describe('an article in two editors', function () {
  this.timeout(90000);
  let api: TawsimApi;
  let uri: vscode.Uri;

  const stateWhere = (what: string, test: (s: ArticleState) => boolean) => completeStateWhere(api, uri, what, test);
  const editorsOf = () => vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri.toString());

  before(async () => {
    api = await vscode.extensions.getExtension<TawsimApi>('tawsim.tawsim')!.activate();
    uri = sampleCopy('editors-sample.txt');
  });

  after(() => closeAllAndForget(api, uri));

  it('keeps the marks of both editors in step when a type loses its last suggestion', async () => {
    await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
    await stateWhere('suggestions', (s) => s.items.some((i) => i.type === 'GPE' && i.status === 'suggested'));
    await vscode.commands.executeCommand('workbench.action.splitEditor');
    const editors = await until('two editors of the article', () => editorsOf().length === 2 && editorsOf());
    await until('GPE marks in both editors', () => editors.every((e) => api.decorations.usedOn(e).some((d) => d.startsWith('GPE|suggested'))));
    const gpe = api.tree.getChildren().find((n) => n.kind === 'type' && n.type.name === 'GPE');
    assert.ok(gpe, 'no GPE node in the tree');
    // What the page draws: both editors show the same lines, so the same marks.
    const drawnUntil = async (what: string, ok: (marks: number[]) => boolean) => {
      let marks: number[] = [];
      for (const deadline = Date.now() + 15000; Date.now() < deadline; await sleep(200)) {
        marks = await evaluateInPage<number[]>(MARKS_PER_GROUP);
        if (ok(marks)) return marks;
      }
      assert.fail(`${what}: marks per editor ${marks}`);
    };
    const before = canSeePage() ? await drawnUntil('both editors marked alike', (m) => m.length === 2 && m[0] > 0 && m[0] === m[1]) : undefined;
    await vscode.commands.executeCommand('tawsim.rejectType', gpe);
    await stateWhere('no GPE suggestion left', (s) => !s.items.some((i) => i.type === 'GPE' && i.status === 'suggested'));
    await until('no GPE suggestion marks in either editor', () => editors.every((e) => !api.decorations.usedOn(e).some((d) => d.startsWith('GPE|suggested'))));
    if (before) await drawnUntil(`fewer marks than ${before}, alike in both editors`, (m) => m[0] < before[0] && m[1] === m[0]);
    await vscode.commands.executeCommand('tawsim.undoDecision');
    await until('GPE marks back in both editors', () => editors.every((e) => api.decorations.usedOn(e).some((d) => d.startsWith('GPE|suggested'))));
  });

  it('goes to the next suggestion through event triggers too', async () => {
    const s = await stateWhere('event suggestions', (x) => x.events.some((e) => e.status === 'suggested'));
    const entityStarts = s.items.filter((i) => i.status === 'suggested').map((i) => i.spans[0].start);
    // A suggested trigger with no entity suggestion just before it.
    const event = s.events.find((e) => e.status === 'suggested' && !entityStarts.some((p) => p >= e.trigger.spans[0].start - 1 && p <= e.trigger.spans[0].start));
    assert.ok(event, 'no suggested event to go to');
    const visible = await until('the article editor', () => visibleEditor(uri));
    const editor = await vscode.window.showTextDocument(visible.document, visible.viewColumn);
    const before = editor.document.positionAt(event.trigger.spans[0].start - 1);
    editor.selection = new vscode.Selection(before, before);
    await vscode.commands.executeCommand('tawsim.nextSuggestion');
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.offsetAt(active.selection.start), event.trigger.spans[0].start, `selection not on the trigger «${event.trigger.text}»`);
  });
});

describe('Arabic lines with brackets and quotation marks', function () {
  this.timeout(60000);
  let uri: vscode.Uri;

  before(() => {
    uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'samples', 'brackets.txt');
    fs.writeFileSync(uri.fsPath, 'قال الرئيس المصري «سنعود إلى القاهرة» أمس (وفق المصدر) [مصدر].\n');
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('renders a line with « » ( ) [ ] as one run of text: colouring the brackets would reorder its words', async function () {
    await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
    await until('article mode', () => vscode.window.activeTextEditor?.document.languageId === 'arabic-article');
    assert.strictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'arabic-article' }).get('bracketPairColorization.enabled'), false);
    assert.strictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'brat-ann' }).get('bracketPairColorization.enabled'), false);
    if (!canSeePage()) this.skip();
    const runs = `[...document.querySelectorAll('.view-line')].filter((l) => l.textContent.includes('سنعود')).map((l) => l.querySelector(':scope > span').children.length)`;
    let drawn: number[] = [];
    for (const deadline = Date.now() + 15000; !drawn.length && Date.now() < deadline; await sleep(200)) drawn = await evaluateInPage<number[]>(runs);
    await sleep(1000); // bracket colours come after the text
    assert.deepEqual(await evaluateInPage<number[]>(runs), [1]);
  });
});

describe('leaving Article mode with unsaved text', function () {
  this.timeout(90000);
  let api: TawsimApi;
  let uri: vscode.Uri;

  before(async () => {
    api = await vscode.extensions.getExtension<TawsimApi>('tawsim.tawsim')!.activate();
    uri = sampleCopy('toggle-sample.txt');
  });

  after(async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllAndForget(api, uri);
  });

  it('asks before leaving, so that the decisions made on the unsaved text are not dropped without a word', async () => {
    await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
    const editor = await until('the editor', () => visibleEditor(uri));
    await completeStateWhere(api, uri, 'suggestions', (x) => x.counts.suggested > 0);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'عاجل: '));
    const shifted = await completeStateWhere(api, uri, 'the state of the edited text', (x) => x.version === editor.document.version);
    const place = shifted.items.find((i) => i.status === 'suggested' && i.type === 'GPE');
    assert.ok(place, 'no GPE suggestion');
    const p = editor.document.positionAt(place.spans[0].start + 1);
    editor.selection = new vscode.Selection(p, p);
    await vscode.commands.executeCommand('tawsim.acceptAtCursor');
    await completeStateWhere(api, uri, 'the accepted place', (x) => x.counts.accepted === 1);
    // Extension tests cannot answer a modal dialog: VS Code refuses to show it, and the command stops there.
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('tawsim.toggleArticle')), /unsaved changes\. The annotation decisions made since it was last saved/);
    assert.equal(editor.document.languageId, 'arabic-article');
    assert.ok(editor.document.isDirty);
    assert.equal(api.states.get(uri)?.counts.accepted, 1);
  });
});

describe('renaming an article', function () {
  this.timeout(90000);
  let api: TawsimApi;
  let folder: vscode.Uri;

  before(async () => {
    api = await vscode.extensions.getExtension<TawsimApi>('tawsim.tawsim')!.activate();
    folder = vscode.workspace.workspaceFolders![0].uri;
  });

  it('moves its .ann and its rejections with it, and reopens with its annotations', async () => {
    const uri = sampleCopy('rename-me.txt');
    const renamed = vscode.Uri.joinPath(folder, 'samples', 'moved', 'renamed.txt');
    await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
    const s = await completeStateWhere(api, uri, 'suggestions', (x) => x.items.filter((i) => i.status === 'suggested').length >= 2);
    const [accepted, rejected] = s.items.filter((i) => i.status === 'suggested');
    const target = (i: typeof accepted) => ({ start: i.spans[0].start, end: i.spans[0].end, type: i.type });
    const editor = await until('the editor', () => visibleEditor(uri));
    for (const [item, command] of [[accepted, 'tawsim.acceptAtCursor'], [rejected, 'tawsim.rejectAtCursor']] as const) {
      const p = editor.document.positionAt(item.spans[0].start + 1);
      editor.selection = new vscode.Selection(p, p);
      await vscode.commands.executeCommand(command);
    }
    await completeStateWhere(api, uri, 'one accepted, one rejected', (x) => x.counts.accepted === 1 && x.counts.rejected === 1);
    await until('the .ann', () => fs.existsSync(uri.fsPath.replace(/\.txt$/, '.ann')));
    // As the Explorer renames: a workspace edit.
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(fs.existsSync(renamed.fsPath.replace(/\.txt$/, '.ann')), 'the .ann did not move');
    assert.ok(!fs.existsSync(uri.fsPath.replace(/\.txt$/, '.ann')), 'the old .ann stayed');
    assert.ok(fs.existsSync(vscode.Uri.joinPath(folder, 'samples', 'moved', '.tawsim', 'renamed.json').fsPath), 'the rejections did not move');
    await vscode.commands.executeCommand('vscode.open', renamed, { preview: false });
    const reopened = await completeStateWhere(api, renamed, 'the annotations under the new name', (x) => x.counts.accepted === 1);
    assert.equal(reopened.counts.rejected, 1);
    assert.deepEqual(target(reopened.items.find((i) => i.status === 'accepted')!), target(accepted));
    await closeAllAndForget(api, renamed);
  });
});

describe('renaming an article with unsaved text', function () {
  this.timeout(90000);

  it('keeps the decisions made on the unsaved text, and saving writes them beside the new name', async () => {
    const api = await vscode.extensions.getExtension<TawsimApi>('tawsim.tawsim')!.activate();
    const uri = sampleCopy('dirty-rename.txt');
    const renamed = vscode.Uri.joinPath(uri, '..', 'dirty-renamed.txt');
    await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
    await completeStateWhere(api, uri, 'suggestions', (x) => x.counts.suggested > 0);
    const editor = await until('the editor', () => visibleEditor(uri));
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'عاجل: '));
    const s = await completeStateWhere(api, uri, 'the state of the edited text', (x) => x.version === editor.document.version);
    const item = s.items.find((i) => i.status === 'suggested' && i.type === 'GPE')!;
    const p = editor.document.positionAt(item.spans[0].start + 1);
    editor.selection = new vscode.Selection(p, p);
    await vscode.commands.executeCommand('tawsim.acceptAtCursor');
    await completeStateWhere(api, uri, 'the decision', (x) => x.counts.accepted === 1);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await completeStateWhere(api, renamed, 'the article under its new name', () => true);
    assert.equal(after.counts.accepted, 1, 'the decision made on the unsaved text was lost');
    assert.deepEqual(after.problems, []);
    const moved = await until('the renamed editor', () => visibleEditor(renamed));
    assert.ok(moved.document.isDirty);
    await moved.document.save();
    const ann = await until('the .ann beside the new name', () => {
      const file = renamed.fsPath.replace(/\.txt$/, '.ann');
      return fs.existsSync(file) && fs.readFileSync(file, 'utf8');
    });
    assert.match(ann, new RegExp(`^T1\\tGPE ${item.spans[0].start} ${item.spans[0].end}\\t${item.text}$`, 'm'));
    await closeAllAndForget(api, renamed);
  });
});

describe('revealing a mention from the tree', function () {
  this.timeout(60000);
  let api: TawsimApi;

  before(async () => {
    api = await vscode.extensions.getExtension<TawsimApi>('tawsim.tawsim')!.activate();
  });

  it('selects it in the editor that shows the article, without opening another beside it', async () => {
    const uri = sampleCopy('reveal-sample.txt');
    const notes = vscode.Uri.joinPath(uri, '..', 'notes.md');
    fs.writeFileSync(notes.fsPath, '# notes\n');
    // Opened as a user does: a document opened by openTextDocument stays open after its editor closes.
    await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: vscode.ViewColumn.One, preview: false });
    const s = await completeStateWhere(api, uri, 'suggestions', (x) => x.counts.suggested > 0);
    await vscode.commands.executeCommand('vscode.open', notes, { viewColumn: vscode.ViewColumn.Two, preview: false });
    await until('the notes active', () => vscode.window.activeTextEditor?.document.uri.toString() === notes.toString());
    const item = s.items.find((i) => i.status === 'suggested')!;
    await vscode.commands.executeCommand('tawsim.reveal', uri.toString(), item.spans[0].start, item.spans[0].end);
    const shown = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri.toString());
    assert.deepEqual(shown.map((e) => e.viewColumn), [vscode.ViewColumn.One]);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.equal(shown[0].document.offsetAt(shown[0].selection.start), item.spans[0].start);
    await closeAllAndForget(api, uri);
  });
});
