// Arabic articles get their own language id, so Tawsim's settings (no unicode highlighting, no
// control characters, word wrap…) and keybindings apply to them only. Plain-text files that are
// mostly Arabic switch to it on open; a command switches any file in or out, and is remembered.

import * as vscode from 'vscode';
import { isMostlyArabic } from '../core/text/arabicShare';

export const ARTICLE_LANGUAGE = 'arabic-article';
const OPTED_OUT = 'tawsim.optedOut';
const OPTED_IN = 'tawsim.optedIn';

function remembered(context: vscode.ExtensionContext, key: string): string[] {
  return context.workspaceState.get<string[]>(key, []);
}

async function remember(context: vscode.ExtensionContext, key: string, uri: string, on: boolean): Promise<void> {
  const set = new Set(remembered(context, key));
  if (on) set.add(uri);
  else set.delete(uri);
  await context.workspaceState.update(key, [...set]);
}

/** Switches a document into or out of article mode and remembers the choice. */
export async function setArticleMode(context: vscode.ExtensionContext, document: vscode.TextDocument, on: boolean): Promise<void> {
  const uri = document.uri.toString();
  // An untitled document's name (Untitled-1) is given again to the next new one: nothing to remember.
  if (document.uri.scheme !== 'untitled') {
    await remember(context, OPTED_OUT, uri, !on);
    await remember(context, OPTED_IN, uri, on);
  }
  await vscode.languages.setTextDocumentLanguage(document, on ? ARTICLE_LANGUAGE : 'plaintext');
}

/** Puts a plain-text document in article mode when it is mostly Arabic or the user chose so. */
export async function detectArticle(context: vscode.ExtensionContext, document: vscode.TextDocument): Promise<void> {
  if (document.languageId !== 'plaintext') return;
  const uri = document.uri.toString();
  if (remembered(context, OPTED_OUT).includes(uri)) return;
  const auto = vscode.workspace.getConfiguration('tawsim').get<boolean>('autoDetectArabic', true);
  if (remembered(context, OPTED_IN).includes(uri) || (auto && isMostlyArabic(document.getText()))) {
    await vscode.languages.setTextDocumentLanguage(document, ARTICLE_LANGUAGE);
  }
}
