// The client's view of an article: every annotation and suggestion with its text and line.

import type { Schema } from '../core/schema/types';
import { type ArticleState, type ItemView, suggestionId, type TypeView } from '../shared/protocol';
import type { ArticleHost } from './articleHost';

export function typeViews(schema: Schema): TypeView[] {
  return schema.entities.filter((e) => !e.abstract).map(({ name, label, arabicLabel, color, themeColor, shortcut }) => ({
    name, label, arabicLabel, color, themeColor, shortcut,
  }));
}

export function itemViews(host: ArticleHost): ItemView[] {
  const { session, document } = host;
  const items: ItemView[] = [];
  for (const a of session.store.all()) {
    items.push({
      id: a.id,
      status: a.status,
      type: a.type,
      spans: a.spans,
      text: session.textOf(a.spans),
      line: document.positionAt(a.spans[0].start).line,
      problem: a.problem,
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
      source: s.source,
    });
  }
  return items.sort((x, y) => x.spans[0].start - y.spans[0].start || x.spans[0].end - y.spans[0].end);
}

export function articleState(host: ArticleHost): ArticleState {
  const items = itemViews(host);
  const count = (status: string) => items.filter((i) => i.status === status).length;
  return {
    uri: host.uri,
    version: host.document.version,
    schemaOrigin: host.session.schema.origin,
    entityTypes: typeViews(host.session.schema),
    items,
    counts: { accepted: count('accepted'), suggested: count('suggested'), rejected: count('rejected') },
    annPath: host.paths?.ann,
    problems: host.problems,
  };
}
