// The client's view of an article: every annotation and suggestion with its text and line.

import type { EventTypeDef, TypeDef } from '../core/schema/types';
import { type ArticleState, type EventTypeView, type EventView, eventSuggestionId, type ItemView, suggestionId, type TypeView } from '../shared/protocol';
import type { ArticleHost } from './articleHost';

export function typeViews(types: readonly TypeDef[]): TypeView[] {
  return types.filter((e) => !e.abstract).map(({ name, label, arabicLabel, color, themeColor, shortcut }) => ({
    name, label, arabicLabel, color, themeColor, shortcut,
  }));
}

export function itemViews(host: ArticleHost): ItemView[] {
  const { session, document } = host;
  const items: ItemView[] = [];
  for (const a of session.store.all()) {
    if (a.status === 'accepted' && session.isTrigger(a)) continue;
    items.push({
      id: a.id,
      status: a.status,
      type: a.type,
      spans: a.spans,
      text: session.textOf(a.spans),
      line: document.positionAt(a.spans[0].start).line,
      problem: a.problem,
      unseen: a.unseen,
    });
  }
  for (const s of session.suggestions()) {
    items.push({
      id: suggestionId(s),
      status: 'suggested',
      type: s.type,
      spans: [{ start: s.start, end: s.end }],
      text: session.textOf([s]),
      line: document.positionAt(s.start).line,
      confidence: s.confidence,
      baseConfidence: s.baseConfidence,
      source: s.source,
    });
  }
  return items.sort((x, y) => x.spans[0].start - y.spans[0].start || x.spans[0].end - y.spans[0].end);
}

function eventTypeViews(events: readonly EventTypeDef[]): EventTypeView[] {
  const chosen = events.filter((e) => !e.abstract);
  const views = typeViews(chosen);
  return chosen.map((e, i) => ({
    ...views[i],
    roles: e.roles.map(({ name, targets, max }) => ({ name, targets, max: Number.isFinite(max) ? max : null })),
  }));
}

export function eventViews(host: ArticleHost): EventView[] {
  const { session, document } = host;
  const { store } = session;
  const spansOf = (id: string) => store.get(id)?.spans ?? [];
  const views: EventView[] = store.events().map((e) => {
    const trigger = spansOf(e.trigger);
    return {
      id: e.id,
      status: 'accepted',
      type: e.type,
      trigger: { id: e.trigger, spans: trigger, text: session.textOf(trigger) },
      line: document.positionAt(trigger[0].start).line,
      arguments: e.args.map((a) => {
        const target = store.get(a.target);
        return { role: a.role, id: a.target, type: target?.type ?? '', spans: target?.spans ?? [], text: target ? session.textOf(target.spans) : a.target };
      }),
    };
  });
  for (const e of session.eventSuggestions()) {
    views.push({
      id: eventSuggestionId(e.trigger, e.type),
      status: 'suggested',
      type: e.type,
      trigger: { spans: [e.trigger], text: session.textOf([e.trigger]) },
      line: document.positionAt(e.trigger.start).line,
      arguments: e.arguments.map((a) => {
        const accepted = session.entities().find((x) => x.spans.length === 1 && x.spans[0].start === a.start && x.spans[0].end === a.end);
        return { role: a.role, id: accepted?.id, type: a.type, spans: [{ start: a.start, end: a.end }], text: session.textOf([a]) };
      }),
      confidence: e.confidence,
      source: e.source,
    });
  }
  return views.sort((x, y) => x.trigger.spans[0].start - y.trigger.spans[0].start);
}

export function articleState(host: ArticleHost): ArticleState {
  const items = itemViews(host);
  const events = eventViews(host);
  const count = (status: string) => items.filter((i) => i.status === status).length + events.filter((e) => e.status === status).length;
  return {
    uri: host.uri,
    version: host.document.version,
    schemaOrigin: host.session.schema.origin,
    entityTypes: typeViews(host.session.schema.entities),
    items,
    eventTypes: eventTypeViews(host.session.schema.events),
    events,
    counts: { accepted: count('accepted'), suggested: count('suggested'), rejected: count('rejected') },
    annPath: host.paths?.ann,
    problems: host.session.suggestionFailure ? [...host.problems, host.session.suggestionFailure.message] : host.problems,
    suggesting: host.session.suggesting,
    ...host.session.undoable,
  };
}
