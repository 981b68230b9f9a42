// Waiting in the extension host for what the editor and the language server do asynchronously:
// editors, article states, closed documents. Shared by the extension-host tests.

import * as vscode from 'vscode';
import type { TawsimApi } from '../../src/client/extension';
import type { ArticleState } from '../../src/shared/protocol';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 50 ms until it returns something, or fails after `ms` naming `what`. */
export async function until<T>(what: string, check: () => T | undefined | false, ms = 15000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The visible editor of `uri`, if any. */
export function visibleEditor(uri: vscode.Uri): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
}

/** The article state the client holds for the visible editor of `uri`. */
function currentState(api: TawsimApi, uri: vscode.Uri): ArticleState | undefined {
  const editor = visibleEditor(uri);
  return editor ? api.states.current(editor) : undefined;
}

/** The first complete state (not still suggesting) of `uri` that passes `test`. */
export function completeStateWhere(api: TawsimApi, uri: vscode.Uri, what: string, test: (s: ArticleState) => boolean): Promise<ArticleState> {
  return until(what, () => {
    const s = currentState(api, uri);
    return s && !s.suggesting && test(s) ? s : undefined;
  });
}

/** Closes every editor, waits for the document of `uri` to close and for the client to forget its state. */
export async function closeAllAndForget(api: TawsimApi, uri: vscode.Uri): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.toString() === uri.toString()) {
        sub.dispose();
        resolve();
      }
    });
  });
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await Promise.race([closed, sleep(20000).then(() => { throw new Error('the article was not closed'); })]);
  await until('the server to forget the article', () => !api.states.get(uri));
}
