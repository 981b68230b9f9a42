// Renaming or moving an article moves its annotations with it: X.txt → Y.txt takes X.ann to Y.ann
// and .tawsim/X.json (its rejections) to Y's folder, in the same workspace edit as the rename, so
// that the article reopened under its new name finds them (and undoing the rename takes them back).

import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { articlePaths } from '../core/session/articleFiles';
import { SaveAnnotationsRequest, WillRenameArticleNotification } from '../shared/protocol';
import type { ArticleStates } from './articleStates';

export function registerSidecarRenames(client: LanguageClient, states: ArticleStates, context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.onWillRenameFiles((e) => e.waitUntil(sidecarEdit(e.files, client, states))));
}

async function sidecarEdit(files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[], client: LanguageClient, states: ArticleStates): Promise<vscode.WorkspaceEdit> {
  const edit = new vscode.WorkspaceEdit();
  for (const { oldUri, newUri } of files) {
    const open = states.get(oldUri) !== undefined;
    // Another file of the same name (X.md beside X.txt) shares X.ann's name, not its annotations.
    if (oldUri.scheme !== 'file' || newUri.scheme !== 'file' || (!open && !/\.txt$/i.test(oldUri.path))) continue;
    // Decisions waiting for their save go into the .ann before it moves; the session follows the
    // article (decisions on text not yet saved cannot be written).
    if (open) {
      await client.sendRequest(SaveAnnotationsRequest, { uri: oldUri.toString() });
      await client.sendNotification(WillRenameArticleNotification, { from: oldUri.toString(), to: newUri.toString() });
    }
    const from = articlePaths(oldUri.fsPath);
    const to = articlePaths(newUri.fsPath);
    for (const [source, target] of [[from.ann, to.ann], [from.state, to.state]]) {
      if (source !== target && fs.existsSync(source) && !fs.existsSync(target)) edit.renameFile(vscode.Uri.file(source), vscode.Uri.file(target));
    }
  }
  return edit;
}
