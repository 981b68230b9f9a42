// Events in real VS Code: suggested on the sample article, accepted, saved as brat T + E lines,
// restored on reopening, arguments added and removed through commands.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { TawsimApi } from '../../src/client/extension';
import type { ArticleState, EventView } from '../../src/shared/protocol';
import { requestScreenshot } from './page';
import { sampleCopy } from './sampleCopy';
import { closeAllAndForget, completeStateWhere, sleep, until, visibleEditor } from './waits';

describe('events in the sample article', function () {
  this.timeout(90000);
  let api: TawsimApi;
  let uri: vscode.Uri;
  let annPath: string;

  const stateWhere = (what: string, test: (s: ArticleState) => boolean) => completeStateWhere(api, uri, what, test);
  const open = async () => {
    await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
    return stateWhere('suggestions', (s) => s.counts.suggested > 0);
  };
  const close = () => closeAllAndForget(api, uri);
  const cursorOn = async (offset: number) => {
    const editor = await until('editor', () => visibleEditor(uri));
    const p = editor.document.positionAt(offset);
    editor.selection = new vscode.Selection(p, p);
  };

  before(async () => {
    api = await vscode.extensions.getExtension<TawsimApi>('tawsim.tawsim')!.activate();
    uri = sampleCopy('events-sample.txt');
    annPath = uri.fsPath.replace(/\.txt$/, '.ann');
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('suggests Attack and Transport events with their triggers marked', async () => {
    const s = await open();
    const types = new Set(s.events.filter((e) => e.status === 'suggested').map((e) => e.type));
    assert.ok(types.has('Attack'), [...types].join(', '));
    assert.ok(types.has('Transport'), [...types].join(', '));
    const editor = vscode.window.activeTextEditor!;
    const used = api.decorations.usedOn(editor);
    assert.ok(used.some((d) => d.startsWith('Attack|suggestedTrigger')), used.join(', '));
    const events = api.tree.getChildren().find((n) => n.kind === 'events');
    assert.ok(events, 'no Events section in the tree');
  });

  it('accepts an event with its arguments and saves T and E lines', async () => {
    const s = await stateWhere('state', () => true);
    const attack = s.events.find((e) => e.status === 'suggested' && e.type === 'Attack' && e.arguments.length > 0);
    assert.ok(attack, 'no suggested Attack with arguments');
    await cursorOn(attack.trigger.spans[0].start + 1);
    await vscode.commands.executeCommand('tawsim.acceptAtCursor');
    const after = await stateWhere('accepted event', (x) => x.events.some((e) => e.status === 'accepted'));
    const accepted = after.events.find((e) => e.status === 'accepted')!;
    assert.equal(accepted.type, 'Attack');
    assert.equal(accepted.arguments.length, attack.arguments.length);
    const used = api.decorations.usedOn(vscode.window.activeTextEditor!);
    assert.ok(used.some((d) => d.startsWith('Attack|trigger')), used.join(', '));
    await vscode.commands.executeCommand('tawsim.saveAnnotations');
    const ann = await until('.ann with an E line', () => fs.existsSync(annPath) && /^E1\tAttack:T\d+/m.test(fs.readFileSync(annPath, 'utf8')) && fs.readFileSync(annPath, 'utf8'));
    const trigger = /^E1\tAttack:(T\d+)/m.exec(ann)![1];
    assert.match(ann, new RegExp(`^${trigger}\\tAttack \\d+ \\d+\\t${attack.trigger.text}$`, 'm'));
  });

  it('shows triggers, the arguments of the event under the cursor and the Events tree (screenshot)', async () => {
    const s = await stateWhere('state', () => true);
    const accepted = s.events.find((e) => e.status === 'accepted')!;
    await vscode.commands.executeCommand('tawsim.annotations.focus');
    const events = api.tree.getChildren().find((n) => n.kind === 'events')!;
    for (const type of api.tree.getChildren(events)) await api.tree.view.reveal(type, { expand: true, select: false, focus: false });
    await api.tree.view.reveal(events, { expand: true, select: false, focus: false });
    const editor = visibleEditor(uri)!;
    await vscode.window.showTextDocument(editor.document, { preview: false });
    await cursorOn(accepted.trigger.spans[0].start + 1);
    editor.revealRange(new vscode.Range(editor.selection.active, editor.selection.active), vscode.TextEditorRevealType.InCenter);
    await sleep(1500);
    await requestScreenshot('events');
  });

  it('restores the event after closing and reopening', async () => {
    await close();
    const s = await open();
    const events = s.events.filter((e) => e.status === 'accepted');
    assert.equal(events.length, 1);
    assert.equal(events[0].type, 'Attack');
  });

  it('adds and removes an argument through commands', async () => {
    const s = await stateWhere('state', () => true);
    const event = s.events.find((e) => e.status === 'accepted')!;
    const used = new Set(event.arguments.map((a) => a.spans[0].start));
    const time = s.items.find((i) => i.type === 'DATE' && i.line === event.line && !used.has(i.spans[0].start));
    const place = s.items.find((i) => ['GPE', 'LOC', 'FAC'].includes(i.type) && i.line === event.line && !used.has(i.spans[0].start));
    const candidate = time ?? place;
    assert.ok(candidate, 'no free DATE or place on the line of the accepted Attack');
    const role = candidate === time ? 'Time' : 'Place';
    const span = candidate.spans[0];
    await vscode.commands.executeCommand('tawsim.addArgument', { uri: uri.toString(), event, role, target: { start: span.start, end: span.end, type: candidate.type } });
    const added = await stateWhere('argument added', (x) => x.events.some((e) => e.id === event.id && e.arguments.some((a) => a.role === role && a.spans[0].start === span.start)));
    const argument = added.events.find((e) => e.id === event.id)!.arguments.find((a) => a.role === role && a.spans[0].start === span.start)!;
    const node = { kind: 'argument', uri: uri.toString(), event: added.events.find((e) => e.id === event.id) as EventView, argument };
    await vscode.commands.executeCommand('tawsim.removeArgument', node);
    await stateWhere('argument removed', (x) => !x.events.some((e) => e.id === event.id && e.arguments.some((a) => a.role === role && a.spans[0].start === span.start)));
  });
});
