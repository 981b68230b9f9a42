// Code actions on events: accept, retype or reject a suggested one; retype, add or remove an
// argument of an accepted one, delete it; make an event from a selected trigger. Every action is
// a plain command, so editors without Tawsim's client get them too.

import { type CodeAction, CodeActionKind } from 'vscode-languageserver';
import { sentencesAround } from '../core/learning/sentenceTokens';
import { overlaps, type Span } from '../core/model';
import type { AnnotationAction } from '../core/session/actions';
import { eventType, roleAccepts } from '../core/session/eventEditing';
import { APPLY_ACTION_COMMAND, eventTarget, type EventView } from '../shared/protocol';
import type { ArticleHost } from './articleHost';
import { eventsAt } from './eventsAt';
import { itemViews } from './stateView';

export function eventCodeActions(host: ArticleHost, start: number, end: number): CodeAction[] {
  const make = (title: string, action: AnnotationAction, preferred = false): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    isPreferred: preferred || undefined,
    command: { title, command: APPLY_ACTION_COMMAND, arguments: [{ uri: host.uri, action }] },
  });
  const { schema } = host.session;
  const actions: CodeAction[] = [];
  const here = eventsAt(host, { start, end });
  for (const e of here) {
    const quoted = `${e.type} «${e.trigger.text}»`;
    const others = schema.events.filter((t) => t.name !== e.type && !t.abstract);
    if (e.status === 'suggested') {
      const n = e.arguments.length;
      actions.push(make(`Accept ${quoted} with ${n} argument${n === 1 ? '' : 's'}`, { kind: 'acceptEvent', event: eventTarget(e) }, true));
      if (n) actions.push(make(`Accept ${quoted} without arguments`, { kind: 'acceptEvent', event: { ...eventTarget(e), arguments: [] } }));
      for (const t of others) actions.push(make(`Change event type → ${t.name} (${t.label})`, { kind: 'acceptEvent', event: eventTarget(e, t.name) }));
      actions.push(make(`Reject ${quoted}`, { kind: 'rejectEvent', target: { ...eventTarget(e).trigger, type: e.type } }));
    } else {
      for (const t of others) actions.push(make(`Change event type → ${t.name} (${t.label})`, { kind: 'changeEventType', id: e.id, type: t.name }));
      for (const c of argumentCandidates(host, e)) actions.push(make(`Add «${c.text}» as ${c.role} of ${quoted}`, { kind: 'addArgument', id: e.id, role: c.role, target: c.target }));
      for (const a of e.arguments) actions.push(make(`Remove «${a.text}» as ${a.role} of ${quoted}`, { kind: 'removeArgument', id: e.id, role: a.role, target: a.id! }));
      actions.push(make(`Delete ${quoted}`, { kind: 'deleteEvent', id: e.id }));
    }
  }
  if (start < end && here.length === 0) {
    const text = host.session.text.slice(start, end).trim();
    for (const t of schema.events.filter((x) => !x.abstract)) {
      actions.push(make(`Make «${text}» the trigger of a new ${t.name} event (${t.label})`, { kind: 'createEvent', target: { start, end, type: t.name } }));
    }
  }
  return actions;
}

/**
 * Entities in the trigger's sentence (accepted or suggested) that could fill a role of the event
 * they do not fill yet, by the role's types.
 */
function argumentCandidates(host: ArticleHost, e: EventView) {
  const def = eventType(host.session.schema, e.type);
  if (!def) return [];
  const trigger: Span = { start: e.trigger.spans[0].start, end: e.trigger.spans[e.trigger.spans.length - 1].end };
  const sentence = sentencesAround(host.session.text, [trigger]).find((s) => overlaps(s, trigger) || s.start === trigger.start);
  if (!sentence) return [];
  const entities = itemViews(host).filter((i) => i.status !== 'rejected' && overlaps(i.spans[0], sentence) && !overlaps(i.spans[0], trigger));
  return def.roles.flatMap((role) =>
    entities
      .filter((i) => roleAccepts(role, i.type) && !e.arguments.some((a) => a.role === role.name && a.spans[0].start === i.spans[0].start))
      .map((i) => ({ role: role.name, text: i.text, target: { start: i.spans[0].start, end: i.spans[i.spans.length - 1].end, type: i.type } })),
  );
}
