// The sample article copied under a name of its own, so that a test's annotations and the other
// tests' do not meet.

import * as fs from 'fs';
import * as vscode from 'vscode';

/** A copy of samples/kadhimi-washington.txt as samples/<name>, without a .ann. */
export function sampleCopy(name: string): vscode.Uri {
  const samples = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'samples');
  const uri = vscode.Uri.joinPath(samples, name);
  fs.copyFileSync(vscode.Uri.joinPath(samples, 'kadhimi-washington.txt').fsPath, uri.fsPath);
  fs.rmSync(uri.fsPath.replace(/\.txt$/, '.ann'), { force: true });
  return uri;
}
