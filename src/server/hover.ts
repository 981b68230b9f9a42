// Hover on an annotation or suggestion: its type, status, confidence and source, and command links.

import { type Hover, MarkupKind } from 'vscode-languageserver';
import { decidedCount, suggestionsWithin } from '../core/session/decideWithin';
import type { AnnotationAction } from '../core/session/actions';
import type { Schema } from '../core/schema/types';
import {
  ADD_ARGUMENT_COMMAND,
  APPLY_ACTION_COMMAND,
  CHANGE_EVENT_TYPE_COMMAND,
  CHANGE_TYPE_COMMAND,
  type EventView,
  eventTarget,
  type ItemView,
  REMOVE_ARGUMENT_COMMAND,
} from '../shared/protocol';
import { eventsAt } from './eventsAt';
import type { ArticleHost } from './articleHost';
import { itemsAt } from './itemsAt';
import { targetOf } from './targets';

export function hoverAt(host: ArticleHost, offset: number): Hover | null {
  const events = eventsAt(host, { start: offset, end: offset });
  const items = itemsAt(host, { start: offset, end: offset });
  if (items.length === 0 && events.length === 0) return null;
  const sections = [...events.map((e) => describeEvent(host, e)), ...items.map((item) => describe(host, item))];
  const spans = events.length ? events[0].trigger.spans : items[0].spans;
  const first = spans[0];
  const last = spans[spans.length - 1];
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: { start: host.document.positionAt(first.start), end: host.document.positionAt(last.end) },
  };
}

function describe(host: ArticleHost, item: ItemView): string {
  const type = typeLine(host.session.schema, item.type);
  const status =
    item.status === 'suggested'
      ? `Suggested · confidence ${item.confidence?.toFixed(2)}${item.baseConfidence !== undefined ? ` (${item.baseConfidence.toFixed(2)} before your decisions on \`${item.source}\` ${item.type} suggestions weighed it)` : ''} · source \`${item.source}\``
      : `Accepted${item.unseen ? ' unseen (Accept Confident Entity Suggestions; any decision in its sentence reviews it)' : ''} · \`${item.id}\``;
  const lines = [type, status, `«${escapeMarkdown(item.text)}»`];
  if (item.problem) lines.push(`⚠ ${escapeMarkdown(item.problem)}`);
  lines.push(links(host, item).join(' · '));
  return lines.join('\n\n');
}

function describeEvent(host: ArticleHost, e: EventView): string {
  const type = typeLine(host.session.schema, e.type, 'event');
  const status = e.status === 'suggested' ? `Suggested event · confidence ${e.confidence?.toFixed(2)} · source \`${e.source}\`` : `Accepted event · \`${e.id}\``;
  const args = e.arguments.length
    ? e.arguments.map((a) => `- ${escapeMarkdown(a.role)}: «${escapeMarkdown(a.text)}» (${escapeMarkdown(a.type)})`).join('\n')
    : '_No arguments._';
  const lines = [type, status, `«${escapeMarkdown(e.trigger.text)}»`, args];
  const uri = host.uri;
  const act = (title: string, action: AnnotationAction) => commandLink(title, APPLY_ACTION_COMMAND, { uri, action });
  const changeType = commandLink('Change type…', CHANGE_EVENT_TYPE_COMMAND, { uri, event: e });
  if (e.status === 'suggested') {
    const trigger = eventTarget(e).trigger;
    lines.push([act('Accept event', { kind: 'acceptEvent', event: eventTarget(e) }), changeType, act('Reject', { kind: 'rejectEvent', target: { ...trigger, type: e.type } })].join(' · '));
  } else {
    lines.push([
      changeType,
      commandLink('Add argument…', ADD_ARGUMENT_COMMAND, { uri, event: e }),
      ...(e.arguments.length ? [commandLink('Remove argument…', REMOVE_ARGUMENT_COMMAND, { uri, event: e })] : []),
      act('Delete event', { kind: 'deleteEvent', id: e.id }),
    ].join(' · '));
  }
  return lines.join('\n\n');
}

function typeLine(schema: Schema, name: string, kind: 'entity' | 'event' = 'entity'): string {
  const def = (kind === 'event' ? schema.events : schema.entities).find((e) => e.name === name);
  return def ? `**${name}** — ${escapeMarkdown(def.label)} · ${escapeMarkdown(def.arabicLabel)}` : `**${escapeMarkdown(name)}** (not in the schema)`;
}

function links(host: ArticleHost, item: ItemView): string[] {
  const uri = host.uri;
  const act = (title: string, action: AnnotationAction) => commandLink(title, APPLY_ACTION_COMMAND, { uri, action });
  const changeType = commandLink('Change type…', CHANGE_TYPE_COMMAND, { uri, item });
  if (item.status === 'suggested') {
    const target = targetOf(item);
    const at = { start: target.start, end: target.start };
    const within = suggestionsWithin(host.session, at);
    const inSentence = within ? decidedCount(within, 'accept') : 0;
    const acceptSentence = inSentence > 1 ? [act(`Accept sentence (${inSentence})`, { kind: 'acceptWithin', range: at })] : [];
    return [act('Accept', { kind: 'accept', target }), ...acceptSentence, changeType, act('Reject', { kind: 'reject', target })];
  }
  // Rejecting an accepted annotation also keeps it from being suggested again; deleting one does not.
  const reject = item.status === 'accepted' ? [act('Reject', { kind: 'reject', target: targetOf(item) })] : [];
  return [changeType, ...reject, act('Delete', { kind: 'delete', id: item.id })];
}

function commandLink(title: string, command: string, arg: unknown): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify([arg]))})`;
}

/** Article text shown in a hover must not be read as Markdown or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}
