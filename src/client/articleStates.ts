// The latest state the server sent for each open article, and an event when one changes.

import * as vscode from 'vscode';
import type { ArticleState, ItemView } from '../shared/protocol';

export class ArticleStates implements vscode.Disposable {
  private readonly states = new Map<string, ArticleState>();
  private readonly emitter = new vscode.EventEmitter<string>();
  /** Fires with the URI of the article whose state changed or was dropped. */
  readonly onDidChange = this.emitter.event;

  set(state: ArticleState): void {
    this.states.set(state.uri, state);
    this.emitter.fire(state.uri);
  }

  delete(uri: string): void {
    if (this.states.delete(uri)) this.emitter.fire(uri);
  }

  get(uri: vscode.Uri | string): ArticleState | undefined {
    return this.states.get(typeof uri === 'string' ? uri : uri.toString());
  }

  /** The state of an editor's document, only if it was computed for the text the editor shows. */
  current(editor: vscode.TextEditor | undefined): ArticleState | undefined {
    if (!editor) return undefined;
    const state = this.get(editor.document.uri);
    return state && state.version === editor.document.version ? state : undefined;
  }

  /** Items of the editor's article at the cursor (or touching the selection), innermost first. */
  itemsAtSelection(editor: vscode.TextEditor, state: ArticleState): ItemView[] {
    const start = editor.document.offsetAt(editor.selection.start);
    const end = editor.document.offsetAt(editor.selection.end);
    return state.items
      .filter((i) => i.status !== 'rejected')
      .filter((i) => i.spans.some((s) => (start === end ? s.start <= start && start <= s.end : s.start < end && start < s.end)))
      .sort((a, b) => a.spans[a.spans.length - 1].end - a.spans[0].start - (b.spans[b.spans.length - 1].end - b.spans[0].start));
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
