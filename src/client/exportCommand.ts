// "Tawsim: Export Annotations…": the current article or a folder, to brat, JSONL or CoNLL.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportArticles, type ExportFormat, type ExportReport, unseenSummary } from '../core/export';
import { SaveAnnotationsRequest } from '../shared/protocol';
import { ARTICLE_LANGUAGE } from './articleLanguage';

/** Arguments that skip the questions (for scripts and tests). */
export interface ExportArgs {
  readonly inputs: readonly string[];
  readonly format: ExportFormat;
  readonly outDir: string;
}

const FORMATS: { format: ExportFormat; label: string; detail: string }[] = [
  { format: 'brat', label: 'brat standoff', detail: '.txt + .ann + annotation.conf per article (code-point offsets), readable by brat and INCEpTION' },
  { format: 'jsonl', label: 'JSONL', detail: 'one JSON object per article: text and spans, in UTF-16 and in code points' },
  { format: 'conll', label: 'CoNLL (BIO)', detail: 'one token a line, clitics split off as their own tokens; entities only' },
];

export function registerExportCommand(client: LanguageClient, context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('tawsim.export', async (args?: ExportArgs): Promise<ExportReport | undefined> => {
      const request = args ?? (await ask());
      if (!request) return undefined;
      await saveOpenArticles(client, request.inputs);
      const report = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Tawsim: exporting annotations', cancellable: true },
        (progress, token) =>
          exportArticles({
            inputs: [...request.inputs],
            format: request.format,
            outDir: request.outDir,
            schemaRoot: vscode.workspace.getWorkspaceFolder(vscode.Uri.file(request.inputs[0]))?.uri.fsPath,
            isCancelled: () => token.isCancellationRequested,
            onProgress: (done, total, file) => progress.report({ message: `${done}/${total} ${file}`, increment: 100 / Math.max(total, 1) }),
          }),
      );
      const problems = report.problems.length ? ` ${report.problems.length} problem(s): ${report.problems.slice(0, 3).map((p) => p.message).join('; ')}` : '';
      const summary = `${report.cancelled ? 'Export cancelled after' : 'Exported'} ${report.articles} article(s) to ${request.outDir} (${request.format}).${unseenSummary(report)}${problems}`;
      if (report.problems.length) void vscode.window.showWarningMessage(`Tawsim: ${summary}`);
      else if (!args) void vscode.window.showInformationMessage(`Tawsim: ${summary}`, 'Open Folder').then((choice) => {
        if (choice) void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(request.outDir));
      });
      return report;
    }),
  );
}

async function ask(): Promise<ExportArgs | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const scopes: (vscode.QuickPickItem & { scope: 'article' | 'folder' })[] = [];
  if (active?.languageId === ARTICLE_LANGUAGE && active.uri.scheme === 'file') {
    scopes.push({ scope: 'article', label: 'Current article', description: vscode.workspace.asRelativePath(active.uri) });
  }
  scopes.push({ scope: 'folder', label: 'A folder of articles…', description: 'every .txt with its .ann, recursively' });
  const scope = scopes.length === 1 ? scopes[0] : await vscode.window.showQuickPick(scopes, { title: 'Export which annotations?' });
  if (!scope) return undefined;
  let inputs: string[];
  if (scope.scope === 'article') {
    inputs = [active!.uri.fsPath];
  } else {
    const folder = await vscode.window.showOpenDialog({
      canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export this folder',
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    if (!folder?.length) return undefined;
    inputs = [folder[0].fsPath];
  }
  const format = await vscode.window.showQuickPick(FORMATS, { title: 'Export format' });
  if (!format) return undefined;
  const out = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export here', title: 'Output folder' });
  if (!out?.length) return undefined;
  return { inputs, format: format.format, outDir: out[0].fsPath };
}

/** Makes sure the .ann files on disk hold what the editor shows before they are read. */
async function saveOpenArticles(client: LanguageClient, inputs: readonly string[]): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.languageId !== ARTICLE_LANGUAGE || document.uri.scheme !== 'file') continue;
    if (!inputs.some((input) => document.uri.fsPath === input || document.uri.fsPath.startsWith(input.endsWith('/') ? input : `${input}/`))) continue;
    if (document.isDirty) await document.save();
    else await client.sendRequest(SaveAnnotationsRequest, { uri: document.uri.toString() });
  }
}
