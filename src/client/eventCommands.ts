// Commands on events: from the tree, from hover links, or at the cursor.

import * as vscode from 'vscode';
import type { AnnotationAction } from '../core/session/actions';
import {
  ADD_ARGUMENT_COMMAND,
  type ArticleState,
  CHANGE_EVENT_TYPE_COMMAND,
  eventTarget,
  type EventView,
  REMOVE_ARGUMENT_COMMAND,
} from '../shared/protocol';
import type { ArticleStates } from './articleStates';
import type { ArgumentNode, EventNode } from './tree';
import { pickType } from './typePicker';

type Apply = (uri: string, action: AnnotationAction) => Promise<unknown>;
/** How a command names its event: a tree node, a hover link's `{ uri, event }`, or nothing (the cursor). */
type EventArg = EventNode | { uri: string; event: EventView } | undefined;

/** The event whose trigger holds the cursor in the active article. */
export function eventAtCursor(states: ArticleStates): { uri: string; event: EventView; state: ArticleState } | undefined {
  const editor = vscode.window.activeTextEditor;
  const state = states.current(editor);
  if (!editor || !state) return undefined;
  const cursor = editor.document.offsetAt(editor.selection.active);
  const event = state.events.find((e) => e.trigger.spans.some((s) => s.start <= cursor && cursor <= s.end));
  return event && { uri: state.uri, event, state };
}

export function registerEventCommands(context: vscode.ExtensionContext, states: ArticleStates, apply: Apply): void {
  const resolve = (arg: EventArg) => {
    const picked = arg ?? eventAtCursor(states);
    if (!picked) {
      void vscode.window.setStatusBarMessage('Tawsim: put the cursor on an event trigger.', 4000);
      return undefined;
    }
    const state = states.get(picked.uri);
    return state && { uri: picked.uri, event: picked.event, state };
  };
  const register = (id: string, fn: (arg: never) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn as (arg: unknown) => unknown));

  register('tawsim.acceptEvent', (arg: EventArg) => {
    const at = resolve(arg);
    return at && at.event.status === 'suggested' && apply(at.uri, { kind: 'acceptEvent', event: eventTarget(at.event) });
  });
  register('tawsim.rejectEvent', (arg: EventArg) => {
    const at = resolve(arg);
    return at && at.event.status === 'suggested' && apply(at.uri, { kind: 'rejectEvent', target: { ...eventTarget(at.event).trigger, type: at.event.type } });
  });
  register('tawsim.deleteEvent', (arg: EventArg) => {
    const at = resolve(arg);
    return at && at.event.status === 'accepted' && apply(at.uri, { kind: 'deleteEvent', id: at.event.id });
  });

  register(CHANGE_EVENT_TYPE_COMMAND, async (arg: EventArg) => {
    const at = resolve(arg);
    if (!at) return;
    const type = await pickType(at.state.eventTypes.filter((t) => t.name !== at.event.type), `Change the type of the event «${at.event.trigger.text}»`, at.event.type);
    if (!type) return;
    return apply(
      at.uri,
      at.event.status === 'suggested'
        ? { kind: 'acceptEvent', event: eventTarget(at.event, type.name) }
        : { kind: 'changeEventType', id: at.event.id, type: type.name },
    );
  });

  register(ADD_ARGUMENT_COMMAND, async (arg: EventArg & { role?: string; target?: { start: number; end: number; type: string } }) => {
    const at = resolve(arg);
    if (!at || at.event.status !== 'accepted') return;
    const def = at.state.eventTypes.find((t) => t.name === at.event.type);
    if (!def) return;
    // Scripts may name the role and the entity; otherwise the annotator picks them.
    if (arg && 'role' in arg && arg.role && arg.target) return apply(at.uri, { kind: 'addArgument', id: at.event.id, role: arg.role, target: arg.target });
    const candidates = at.state.items.filter((i) => i.status !== 'rejected' && i.line === at.event.line && def.roles.some((r) => r.targets.length === 0 || r.targets.includes(i.type)));
    if (!candidates.length) {
      void vscode.window.showInformationMessage(`No entity on the trigger's line fits a role of ${at.event.type}; annotate it first.`);
      return;
    }
    const entity = await vscode.window.showQuickPick(
      candidates.map((i) => ({ label: i.text, description: `${i.type} · ${i.status}`, item: i })),
      { title: `Add an argument to ${at.event.type} «${at.event.trigger.text}»: which entity?` },
    );
    if (!entity) return;
    const roles = def.roles.filter((r) => r.targets.length === 0 || r.targets.includes(entity.item.type));
    const role = roles.length === 1 ? roles[0] : await vscode.window.showQuickPick(roles.map((r) => ({ label: r.name, description: r.max === 1 ? 'one' : 'any number', role: r })), { title: `«${entity.item.text}» as…` }).then((p) => p?.role);
    if (!role) return;
    const span = entity.item.spans;
    return apply(at.uri, { kind: 'addArgument', id: at.event.id, role: role.name, target: { start: span[0].start, end: span[span.length - 1].end, type: entity.item.type } });
  });

  register(REMOVE_ARGUMENT_COMMAND, async (arg: EventArg | ArgumentNode) => {
    if (arg && 'argument' in arg) return apply(arg.uri, { kind: 'removeArgument', id: arg.event.id, role: arg.argument.role, target: arg.argument.id! });
    const at = resolve(arg);
    if (!at || at.event.status !== 'accepted' || !at.event.arguments.length) return;
    const picked = await vscode.window.showQuickPick(
      at.event.arguments.map((a) => ({ label: `${a.role}: ${a.text}`, description: a.type, argument: a })),
      { title: `Remove which argument of ${at.event.type} «${at.event.trigger.text}»?` },
    );
    return picked && apply(at.uri, { kind: 'removeArgument', id: at.event.id, role: picked.argument.role, target: picked.argument.id! });
  });

  register('tawsim.createEvent', async (typeName?: string) => {
    const editor = vscode.window.activeTextEditor;
    const state = states.current(editor);
    if (!editor || !state || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Select the trigger word of the event first.');
      return;
    }
    const type = typeName
      ? state.eventTypes.find((t) => t.name === typeName)
      : await pickType(state.eventTypes, `Make «${editor.document.getText(editor.selection)}» the trigger of…`);
    if (!type) return;
    const start = editor.document.offsetAt(editor.selection.start);
    const end = editor.document.offsetAt(editor.selection.end);
    return apply(state.uri, { kind: 'createEvent', target: { start, end, type: type.name } });
  });
}
