// Code actions (Ctrl+.) on suggestions and accepted annotations.

import { type CodeAction, CodeActionKind } from 'vscode-languageserver';
import { decidedCount, suggestionsWithin } from '../core/session/decideWithin';
import type { AnnotationAction } from '../core/session/actions';
import { APPLY_ACTION_COMMAND, type ItemView } from '../shared/protocol';
import type { ArticleHost } from './articleHost';
import { itemsAt } from './itemsAt';
import { targetOf } from './targets';

export function codeActionsFor(host: ArticleHost, start: number, end: number): CodeAction[] {
  const actions: CodeAction[] = [];
  const make = (title: string, action: AnnotationAction, preferred = false): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    isPreferred: preferred || undefined,
    command: { title, command: APPLY_ACTION_COMMAND, arguments: [{ uri: host.uri, action }] },
  });
  for (const item of itemsAt(host, { start, end })) {
    const others = host.session.schema.entities.filter((e) => e.name !== item.type);
    const quoted = `«${item.text}»`;
    if (item.status === 'suggested') {
      const target = targetOf(item);
      actions.push(make(`Accept ${quoted} as ${item.type}`, { kind: 'accept', target }, true));
      const same = sameSuggestions(host, item);
      if (same > 1) actions.push(make(`Accept all ${same} suggestions of ${quoted} as ${item.type}`, { kind: 'acceptAllSame', target }));
      for (const e of others) actions.push(make(`Change type → ${e.name} (${e.label})`, { kind: 'accept', target: targetOf(item, e.name) }));
      actions.push(make(`Reject ${quoted} as ${item.type}`, { kind: 'reject', target }));
    } else {
      for (const e of others) actions.push(make(`Change type → ${e.name} (${e.label})`, { kind: 'changeType', id: item.id, type: e.name }));
      actions.push(make(`Delete ${quoted} (${item.type})`, { kind: 'delete', id: item.id }));
      if (item.status === 'accepted') actions.push(make(`Reject ${quoted} as ${item.type}: delete it, not to be suggested again`, { kind: 'reject', target: targetOf(item) }));
      const resize = (edge: 'start' | 'end', delta: number, label: string) =>
        actions.push(make(`${label} ${quoted}`, { kind: 'resize', id: item.id, edge, delta }));
      resize('start', 1, 'Grow start by one character:');
      if (item.text.length > 1) resize('start', -1, 'Shrink start by one character:');
      resize('end', 1, 'Grow end by one character:');
      if (item.text.length > 1) resize('end', -1, 'Shrink end by one character:');
      const clitic = procliticChoice(host, item);
      if (clitic) actions.push(make(clitic, { kind: 'toggleProclitic', id: item.id }));
    }
  }
  const within = suggestionsWithin(host.session, { start, end });
  if (within && decidedCount(within, 'reject') > 1) {
    actions.push(make(`Accept all ${decidedCount(within, 'accept')} suggestions in ${within.place}`, { kind: 'acceptWithin', range: { start, end } }));
    actions.push(make(`Reject all ${decidedCount(within, 'reject')} suggestions in ${within.place}`, { kind: 'rejectWithin', range: { start, end } }));
  }
  return actions;
}

function sameSuggestions(host: ArticleHost, item: ItemView): number {
  const text = item.text;
  return host.session.suggestions().filter((s) => s.type === item.type && host.session.text.slice(s.start, s.end) === text).length;
}

/** "Include the proclitic و" or "Exclude the proclitic و", when the first word has one. */
function procliticChoice(host: ArticleHost, item: ItemView): string | undefined {
  const toggle = host.session.procliticToggle(item.id);
  return toggle && `${toggle.include ? 'Include' : 'Exclude'} the proclitic «${toggle.clitic}»`;
}
