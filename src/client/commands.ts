// Tawsim's commands: keyboard actions at the cursor, tree context menus, saving and filters.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AnnotationAction } from '../core/session/actions';
import { DEFAULT_ACCEPT_CONFIDENT_ABOVE } from '../core/suggest/types';
import { segmentProclitics } from '../core/text/clitics';
import {
  type ActionResult,
  ApplyActionRequest,
  type ArticleState,
  CHANGE_TYPE_COMMAND,
  eventTarget,
  type ItemView,
  ResetLearningRequest,
  RetrainModelRequest,
  SaveAnnotationsRequest,
} from '../shared/protocol';
import type { ArticleStates } from './articleStates';
import { ARTICLE_LANGUAGE, setArticleMode } from './articleLanguage';
import type { AnnotationsTree, EventTypeNode, Filter, GroupNode, MentionNode, TypeNode } from './tree';
import { pickType } from './typePicker';
import { eventAtCursor, registerEventCommands } from './eventCommands';

export function registerCommands(client: LanguageClient, states: ArticleStates, tree: AnnotationsTree, context: vscode.ExtensionContext): void {
  /** Sends an action; says why when nothing changed, and with `tell` what changed too (for actions on many annotations at once). */
  const apply = async (uri: string, action: AnnotationAction, tell = false): Promise<ActionResult> => {
    const result = await client.sendRequest(ApplyActionRequest, { uri, action });
    if (!result.changed || tell) void vscode.window.setStatusBarMessage(`Tawsim: ${result.message}`, 4000);
    return result;
  };
  const target = (item: ItemView, type = item.type) => ({ start: item.spans[0].start, end: item.spans[item.spans.length - 1].end, type });

  /** The article editor and its up-to-date state, or a message saying why there is none. */
  const activeArticle = (): { editor: vscode.TextEditor; state: ArticleState } | undefined => {
    const editor = vscode.window.activeTextEditor;
    const state = states.current(editor);
    if (!editor || !state) {
      void vscode.window.showInformationMessage(
        editor?.document.languageId === ARTICLE_LANGUAGE
          ? 'Tawsim is still reading this article; try again in a moment.'
          : 'Open an Arabic article (a .txt file) first, or run “Tawsim: Toggle Arabic Article Mode” on this file.',
      );
      return undefined;
    }
    return { editor, state };
  };

  const suggestionAtCursor = () => {
    const article = activeArticle();
    if (!article) return undefined;
    const item = states.itemsAtSelection(article.editor, article.state).find((i) => i.status === 'suggested');
    if (!item) void vscode.window.setStatusBarMessage('Tawsim: no suggestion at the cursor.', 4000);
    return item && { uri: article.state.uri, item };
  };

  const changeType = async (arg: { uri: string; item: ItemView } | MentionNode | undefined) => {
    const picked = arg ?? itemAtCursor();
    if (!picked) return;
    const state = states.get(picked.uri);
    if (!state) return;
    const type = await pickType(state.entityTypes.filter((t) => t.name !== picked.item.type), `Change the type of «${picked.item.text}»`, picked.item.type);
    if (!type) return;
    // A suggestion, or a rejected one, becomes an annotation of the new type; an annotation is retyped.
    return apply(
      picked.uri,
      picked.item.status === 'accepted'
        ? { kind: 'changeType', id: picked.item.id, type: type.name }
        : { kind: 'annotate', target: target(picked.item, type.name) },
    );
  };

  const itemAtCursor = () => {
    const article = activeArticle();
    const item = article && states.itemsAtSelection(article.editor, article.state)[0];
    return item && { uri: article.state.uri, item };
  };

  /**
   * Selects the next (or previous) suggestion — an entity, or the trigger of an event — after the
   * selection's start; `cursorOnly`: puts the cursor on the first suggestion from the selection's
   * end on, without selecting it.
   */
  const step = (direction: 1 | -1, cursorOnly = false) => {
    const article = activeArticle();
    if (!article) return;
    const { editor, state } = article;
    const suggestions = [
      ...state.items.filter((i) => i.status === 'suggested'),
      ...state.events.filter((e) => e.status === 'suggested').map((e) => e.trigger),
    ].sort((a, b) => a.spans[0].start - b.spans[0].start);
    if (!suggestions.length) {
      void vscode.window.setStatusBarMessage('Tawsim: no suggestions left in this article.', 4000);
      return;
    }
    const from = editor.document.offsetAt(cursorOnly ? editor.selection.end : editor.selection.start);
    const next =
      direction === 1
        ? suggestions.find((s) => (cursorOnly ? s.spans[0].start >= from : s.spans[0].start > from)) ?? suggestions[0]
        : suggestions.findLast((s) => s.spans[0].start < from) ?? suggestions[suggestions.length - 1];
    select(editor, next.spans[0].start, cursorOnly ? next.spans[0].start : next.spans[next.spans.length - 1].end);
  };

  const register = (id: string, fn: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn as (...args: unknown[]) => unknown));

  /**
   * After a decision at the cursor, the next suggestion is selected; after a decision on a sentence
   * or selection, the cursor goes to the next suggestion, so that the same key takes its sentence
   * (unless the annotator turned moving on off).
   */
  const thenNext = async (decision: Promise<ActionResult> | undefined, onSentence = false) => {
    const result = await decision;
    if (result?.changed && vscode.workspace.getConfiguration('tawsim').get<boolean>('review.moveToNext', true)) step(1, onSentence);
    return result;
  };
  // At the cursor: an entity suggestion, else a suggested event whose trigger is there.
  register('tawsim.acceptAtCursor', () => {
    const event = eventAtCursor(states);
    if (event?.event.status === 'suggested') return thenNext(apply(event.uri, { kind: 'acceptEvent', event: eventTarget(event.event) }));
    const at = suggestionAtCursor();
    return thenNext(at && apply(at.uri, { kind: 'accept', target: target(at.item) }));
  });
  // A suggestion, else an accepted annotation (one accepted unseen with the confident ones): rejected, it is not suggested again.
  register('tawsim.rejectAtCursor', () => {
    const event = eventAtCursor(states);
    if (event?.event.status === 'suggested') return thenNext(apply(event.uri, { kind: 'rejectEvent', target: { ...eventTarget(event.event).trigger, type: event.event.type } }));
    const article = activeArticle();
    if (!article) return;
    const items = states.itemsAtSelection(article.editor, article.state);
    const item = items.find((i) => i.status === 'suggested') ?? items.find((i) => i.status === 'accepted');
    if (!item) return void vscode.window.setStatusBarMessage('Tawsim: no suggestion or annotation at the cursor.', 4000);
    return thenNext(apply(article.state.uri, { kind: 'reject', target: target(item) }));
  });
  // The selection, or with none the sentence at the cursor: accept (or reject) what is left in it.
  for (const kind of ['acceptWithin', 'rejectWithin'] as const) {
    register(`tawsim.${kind}`, () => {
      const article = activeArticle();
      if (!article) return;
      const { editor, state } = article;
      const range = { start: editor.document.offsetAt(editor.selection.start), end: editor.document.offsetAt(editor.selection.end) };
      return thenNext(apply(state.uri, { kind, range }, true), true);
    });
  }
  // Before reviewing: accept the entity suggestions the engine is surest of, in the selection or with none the whole article.
  register('tawsim.acceptConfident', () => {
    const article = activeArticle();
    if (!article) return;
    const { editor, state } = article;
    const { document, selection } = editor;
    const range = selection.isEmpty ? { start: 0, end: document.getText().length } : { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) };
    const minConfidence = vscode.workspace.getConfiguration('tawsim', document.uri).get<number>('suggestions.acceptConfidentAbove', DEFAULT_ACCEPT_CONFIDENT_ABOVE);
    return thenNext(apply(state.uri, { kind: 'acceptWithin', range, minConfidence }, true));
  });
  // Undo and redo of decisions on the active article (Ctrl+Z stays the undo of the text).
  for (const kind of ['undo', 'redo'] as const) {
    register(`tawsim.${kind}Decision`, () => {
      const article = activeArticle();
      return article && apply(article.state.uri, { kind }, true);
    });
  }
  // The Annotations view shows Undo and Redo buttons while the active article has a decision to undo or redo.
  const undoContext = { undo: false, redo: false };
  const updateUndoContext = () => {
    const state = states.current(vscode.window.activeTextEditor);
    for (const kind of ['undo', 'redo'] as const) {
      const can = Boolean(state?.[kind]);
      if (can === undoContext[kind]) continue;
      undoContext[kind] = can;
      void vscode.commands.executeCommand('setContext', `tawsim.can${kind === 'undo' ? 'Undo' : 'Redo'}Decision`, can);
    }
  };
  context.subscriptions.push(states.onDidChange(updateUndoContext), vscode.window.onDidChangeActiveTextEditor(updateUndoContext));
  registerEventCommands(context, states, apply);
  register('tawsim.nextSuggestion', () => step(1));
  register('tawsim.previousSuggestion', () => step(-1));
  register('tawsim.annotateSelection', async (typeName?: string) => {
    const article = activeArticle();
    if (!article) return;
    const { editor, state } = article;
    const range = editor.selection.isEmpty ? wordAtCursor(editor) : editor.selection;
    if (!range) {
      void vscode.window.showInformationMessage('Select the text to annotate, or put the cursor in a word.');
      return;
    }
    const type = typeName
      ? state.entityTypes.find((t) => t.name === typeName)
      : await pickType(state.entityTypes, `Annotate «${editor.document.getText(range)}» as…`);
    if (!type) return;
    const start = editor.document.offsetAt(range.start);
    const end = editor.document.offsetAt(range.end);
    return apply(state.uri, { kind: 'annotate', target: { start, end, type: type.name } });
  });
  register(CHANGE_TYPE_COMMAND, changeType);

  // Tree context menus: one mention, or a whole group of mentions of the same text.
  register('tawsim.accept', (node: MentionNode) => apply(node.uri, { kind: 'accept', target: target(node.item) }));
  register('tawsim.reject', (node: MentionNode) => apply(node.uri, { kind: 'reject', target: target(node.item) }));
  register('tawsim.delete', (node: MentionNode) => apply(node.uri, { kind: 'delete', id: node.item.id }));
  register('tawsim.forgetRejection', (node: MentionNode) => apply(node.uri, { kind: 'delete', id: node.item.id }, true));
  register('tawsim.toggleProclitic', (node: MentionNode) => apply(node.uri, { kind: 'toggleProclitic', id: node.item.id }));
  for (const [id, edge, delta] of [['growStart', 'start', 1], ['shrinkStart', 'start', -1], ['growEnd', 'end', 1], ['shrinkEnd', 'end', -1]] as const) {
    register(`tawsim.${id}`, (node: MentionNode) => apply(node.uri, { kind: 'resize', id: node.item.id, edge, delta }));
  }
  // A type's node in the tree (entity or event type): every suggestion of that type in the article.
  for (const kind of ['acceptWithin', 'rejectWithin'] as const) {
    register(kind === 'acceptWithin' ? 'tawsim.acceptType' : 'tawsim.rejectType', (node: TypeNode | EventTypeNode) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === node.uri);
      return document && apply(node.uri, { kind, range: { start: 0, end: document.getText().length }, type: node.type.name }, true);
    });
  }
  register('tawsim.acceptGroup', (node: GroupNode) => forGroup(node, 'acceptAllSame'));
  register('tawsim.rejectGroup', (node: GroupNode) => forGroup(node, 'rejectAllSame'));
  const forGroup = (node: GroupNode, kind: 'acceptAllSame' | 'rejectAllSame') => {
    const first = node.mentions.find((m) => m.item.status === 'suggested');
    return first && apply(node.uri, { kind, target: target(first.item) });
  };

  register('tawsim.reveal', async (uri: string, start: number, end: number) => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    // In the editor that shows the article already (the active one first), not a new one beside it.
    const shown = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((e) => e?.document.uri.toString() === uri);
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: false, ...(shown?.viewColumn ? { viewColumn: shown.viewColumn } : {}) });
    select(editor, start, end);
  });

  register('tawsim.saveAnnotations', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== ARTICLE_LANGUAGE) {
      void vscode.window.showInformationMessage('Open an Arabic article to save its annotations.');
      return;
    }
    if (editor.document.isDirty) {
      // Saving the text makes the server write the .ann, with offsets that match the saved file.
      await editor.document.save();
      return { saved: true, message: 'Saved the article and its annotations.' };
    }
    const result = await client.sendRequest(SaveAnnotationsRequest, { uri: editor.document.uri.toString() });
    void vscode.window.setStatusBarMessage(`Tawsim: ${result.message}`, 4000);
    return result;
  });

  register('tawsim.toggleArticle', async (uri?: vscode.Uri) => {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) return;
    const on = document.languageId !== ARTICLE_LANGUAGE;
    if (on && /\.ann$/i.test(document.uri.path)) {
      void vscode.window.showInformationMessage('A .ann file holds the annotations of the .txt beside it; open the .txt to annotate it.');
      return;
    }
    // Leaving Article mode closes the article for Tawsim: decisions made on text not yet saved go
    // to the .ann only with that text.
    if (!on && document.isDirty && states.get(document.uri)) {
      const save = 'Save and Leave';
      const choice = await vscode.window.showWarningMessage(
        `${path.basename(document.uri.path)} has unsaved changes. The annotation decisions made since it was last saved are written to its .ann only when the text is saved.`,
        { modal: true },
        save,
        'Leave Without Saving',
      );
      if (!choice || (choice === save && !(await document.save()))) return;
    }
    await setArticleMode(context, document, on);
  });

  register('tawsim.resetLearning', async () => {
    const answer = await vscode.window.showWarningMessage(
      'Forget everything the tagger learnt from your decisions in this workspace (and any retrained model)?', { modal: true }, 'Forget');
    if (answer !== 'Forget') return;
    const { message } = await client.sendRequest(ResetLearningRequest);
    void vscode.window.showInformationMessage(message);
  });
  register('tawsim.retrainModel', async () => {
    const result = await client.sendRequest(RetrainModelRequest);
    if (result.trained) void vscode.window.showInformationMessage(result.message);
    else void vscode.window.showWarningMessage(result.message);
    return result;
  });

  for (const filter of ['all', 'suggested', 'accepted', 'rejected'] as Filter[]) {
    register(`tawsim.filter.${filter}`, () => tree.setFilter(filter));
  }
}

function select(editor: vscode.TextEditor, start: number, end: number): void {
  const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The word at the cursor, without its proclitics (و ب ل…), for annotating with no selection. */
function wordAtCursor(editor: vscode.TextEditor): vscode.Range | undefined {
  const range = editor.document.getWordRangeAtPosition(editor.selection.active);
  if (!range) return undefined;
  const word = editor.document.getText(range);
  const skip = segmentProclitics(word).entityStart;
  return new vscode.Range(range.start.translate(0, skip), range.end);
}
