// Accepted · suggested · rejected counts of the active article (and the progress of suggesting a
// long one); a click focuses the tree. The tooltip also says how much the tagger has learnt from the
// annotator's reviewed sentences.

import * as vscode from 'vscode';
import type { ArticleStates } from './articleStates';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tawsim.counts', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  /** Sentences the tagger learnt from since the server started. */
  private learnedSentences = 0;

  constructor(private readonly states: ArticleStates) {
    this.item.name = 'Tawsim annotations';
    this.item.command = 'tawsim.annotations.focus';
    this.subscriptions = [
      this.item,
      states.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const state = editor && this.states.get(editor.document.uri);
    if (!state) {
      this.item.hide();
      return;
    }
    const { accepted, suggested, rejected } = state.counts;
    const progress = state.suggesting && Math.floor((100 * state.suggesting.doneLines) / state.suggesting.totalLines);
    const icon = progress === undefined ? '$(tag)' : `$(sync~spin) suggesting ${progress < 100 ? `${progress}%` : '(refining)'} ·`;
    this.item.text = `${icon} ${accepted} accepted · ${suggested} suggested · ${rejected} rejected`;
    this.item.tooltip =
      `Tawsim: ${accepted} accepted annotations, ${suggested} suggestions to review, ${rejected} rejected suggestions.` +
      (progress === undefined ? '' : ` Still suggesting: ${state.suggesting!.doneLines} of ${state.suggesting!.totalLines} lines done.`) +
      (this.learnedSentences ? ` The tagger has learnt from ${plural(this.learnedSentences, 'sentence')} you reviewed in this session (kept in .tawsim/model/).` : '') +
      (state.undo ? ` Undo (Tawsim: Undo Last Annotation Decision) would take back: ${state.undo}` : '') +
      ' Click to show the Annotations view.';
    this.item.show();
  }

  /** The tagger learnt from reviewed sentences: say so briefly, and keep the total in the tooltip. */
  learned(sentences: number, total: number): void {
    this.learnedSentences = total;
    void vscode.window.setStatusBarMessage(`$(mortar-board) Tawsim learnt from ${plural(sentences, 'reviewed sentence')}`, 3000);
    this.update();
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : '';
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
