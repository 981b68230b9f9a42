// Marks annotations in the editor with the only styles that keep an Arabic line intact:
// background, border and overview-ruler colour (see docs on Arabic rendering in the README).

import * as vscode from 'vscode';
import type { ItemStatus, TypeView } from '../shared/protocol';
import type { ArticleStates } from './articleStates';

type Shown = Exclude<ItemStatus, 'rejected'> | 'suggestedTrigger' | 'trigger' | 'argument';
/** The marks of annotations, suggestions and triggers; the outlines of the arguments of the event at the cursor. */
type Group = 'marks' | 'arguments';

export class Decorations implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  /**
   * Per editor (an article can be open in two), the decoration types set on it per group (marks,
   * argument outlines), to clear the ones no longer used.
   */
  private readonly used = new WeakMap<vscode.TextEditor, Map<Group, Set<string>>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly states: ArticleStates) {
    this.subscriptions.push(
      states.onDidChange((uri) => this.refreshUri(uri)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.refresh(e))),
      vscode.window.onDidChangeTextEditorSelection((e) => this.refreshArguments(e.textEditor)),
    );
  }

  private refreshUri(uri: string): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri) this.refresh(editor);
  }

  refresh(editor: vscode.TextEditor): void {
    const state = this.states.get(editor.document.uri);
    if (!state) {
      this.clear(editor);
      return;
    }
    // A state computed for an older text would misplace the marks; VS Code moves the current ones
    // with the edit until the server's next state arrives.
    if (state.version !== editor.document.version) return;
    const ranges = new Map<string, vscode.DecorationOptions[]>();
    const byName = new Map(state.entityTypes.map((t) => [t.name, t]));
    for (const item of state.items) {
      if (item.status === 'rejected') continue;
      const type = byName.get(item.type) ?? { name: item.type, label: item.type, arabicLabel: item.type, color: '#888888' };
      const id = this.decorationType(type, item.status);
      const list = ranges.get(id) ?? [];
      for (const s of item.spans) {
        list.push({ range: new vscode.Range(editor.document.positionAt(s.start), editor.document.positionAt(s.end)) });
      }
      ranges.set(id, list);
    }
    const eventTypes = new Map(state.eventTypes.map((t) => [t.name, t]));
    for (const event of state.events) {
      const type = eventTypes.get(event.type) ?? { name: event.type, label: event.type, arabicLabel: event.type, color: '#888888' };
      const id = this.decorationType(type, event.status === 'accepted' ? 'trigger' : 'suggestedTrigger');
      const list = ranges.get(id) ?? [];
      for (const s of event.trigger.spans) list.push({ range: new vscode.Range(editor.document.positionAt(s.start), editor.document.positionAt(s.end)) });
      ranges.set(id, list);
    }
    this.apply(editor, 'marks', ranges);
    this.refreshArguments(editor);
  }

  /** Outlines the arguments of the event whose trigger holds the cursor. */
  refreshArguments(editor: vscode.TextEditor): void {
    const state = this.states.current(editor);
    const ranges = new Map<string, vscode.DecorationOptions[]>();
    if (state) {
      const cursor = editor.document.offsetAt(editor.selection.active);
      const event = state.events.find((e) => e.trigger.spans.some((s) => s.start <= cursor && cursor <= s.end));
      if (event) {
        const type = state.eventTypes.find((t) => t.name === event.type) ?? { name: event.type, label: event.type, arabicLabel: event.type, color: '#888888' };
        const id = this.decorationType(type, 'argument');
        ranges.set(id, event.arguments.flatMap((a) => a.spans.map((s) => ({
          range: new vscode.Range(editor.document.positionAt(s.start), editor.document.positionAt(s.end)),
          hoverMessage: `${a.role} of ${event.type}`,
        }))));
      }
    }
    this.apply(editor, 'arguments', ranges);
  }

  /** Sets the decorations of one group on an editor, clearing those of the group it no longer uses. */
  private apply(editor: vscode.TextEditor, group: Group, ranges: Map<string, vscode.DecorationOptions[]>): void {
    const groups = this.used.get(editor) ?? new Map<Group, Set<string>>();
    this.used.set(editor, groups);
    for (const id of groups.get(group) ?? []) if (!ranges.has(id)) editor.setDecorations(this.types.get(id)!, []);
    for (const [id, list] of ranges) editor.setDecorations(this.types.get(id)!, list);
    groups.set(group, new Set(ranges.keys()));
  }

  private clear(editor: vscode.TextEditor): void {
    for (const ids of this.used.get(editor)?.values() ?? []) for (const id of ids) editor.setDecorations(this.types.get(id)!, []);
    this.used.delete(editor);
  }

  /** The id of the decoration type for a type and status, created on first use. */
  private decorationType(type: TypeView, status: Shown): string {
    const id = `${type.name}|${status}|${type.themeColor ?? type.color}`;
    if (!this.types.has(id)) this.types.set(id, vscode.window.createTextEditorDecorationType(decorationOptions(type, status)));
    return id;
  }

  /** Names of the decoration types in use on an editor (for tests and diagnostics). */
  usedOn(editor: vscode.TextEditor): string[] {
    return [...(this.used.get(editor)?.get('marks') ?? [])];
  }

  dispose(): void {
    for (const d of this.types.values()) d.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function decorationOptions(type: TypeView, status: Shown): vscode.DecorationRenderOptions {
  const color = (suffix: string, alpha: string) =>
    type.themeColor ? new vscode.ThemeColor(`${type.themeColor}${suffix}`) : `${type.color}${alpha}`;
  const common: vscode.DecorationRenderOptions = {
    overviewRulerColor: color('', ''),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
  switch (status) {
    case 'suggested':
      return { ...common, border: '1px dashed', borderColor: color('', ''), backgroundColor: color('.suggestedBackground', '1f') };
    case 'accepted':
      return { ...common, backgroundColor: color('.acceptedBackground', '59'), border: '1px solid', borderColor: color('.acceptedBackground', '59') };
    // Triggers: thicker borders, the only safe way to set them apart on an Arabic line.
    case 'suggestedTrigger':
      return { ...common, border: '2px dashed', borderColor: color('', '') };
    case 'trigger':
      return { ...common, border: '3px double', borderColor: color('', ''), backgroundColor: color('.triggerBackground', '33') };
    case 'argument':
      return { outline: '1px solid', outlineColor: color('', ''), rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
  }
}
