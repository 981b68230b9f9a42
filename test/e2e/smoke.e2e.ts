// First extension-host test: the right VS Code, the extension present, Arabic text rendered.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { requestScreenshot } from './page';

const host = process.env.TAWSIM_E2E_HOST; // 'code-server' | 'electron' (set by the runner scripts)

describe('smoke', () => {
  it('runs in the pinned VS Code', () => {
    assert.ok(host === 'code-server' || host === 'electron', `TAWSIM_E2E_HOST not set in the extension host (got ${host})`);
    if (host !== 'electron') assert.strictEqual(vscode.version, '1.100.3');
  });

  it('has the Tawsim extension', () => {
    assert.ok(vscode.extensions.getExtension('tawsim.tawsim'), 'extension tawsim.tawsim not found');
  });

  it('opens the Arabic sample and takes a screenshot', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder open');
    if (process.env.TAWSIM_E2E_WORKSPACE) assert.strictEqual(path.resolve(folder.uri.fsPath), path.resolve(process.env.TAWSIM_E2E_WORKSPACE));
    const uri = vscode.Uri.joinPath(folder.uri, 'samples', 'kadhimi-washington.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /[\u0600-\u06FF]/, 'sample has no Arabic text');
    await vscode.window.showTextDocument(doc, { preview: false });
    await new Promise((r) => setTimeout(r, 2000));
    const taken = await requestScreenshot('smoke');
    assert.strictEqual(taken, host === 'code-server', `screenshot taken=${taken} on host ${host}`);
  });
});
