// Events whose trigger holds an offset or touches a range, and what their actions look like.

import type { Span } from '../core/model';
import type { EventTarget } from '../core/session/actions';
import type { EventView } from '../shared/protocol';
import type { ArticleHost } from './articleHost';
import { eventViews } from './stateView';

export function eventsAt(host: ArticleHost, range: Span): EventView[] {
  const touches = (s: Span) =>
    range.start === range.end ? s.start <= range.start && range.start <= s.end : s.start < range.end && range.start < s.end;
  return eventViews(host).filter((e) => e.trigger.spans.some(touches));
}

/** The action form of a suggested event, with its arguments (optionally of another type). */
export function eventTarget(e: EventView, type = e.type): EventTarget {
  return {
    type,
    trigger: { start: e.trigger.spans[0].start, end: e.trigger.spans[e.trigger.spans.length - 1].end },
    arguments: e.arguments.map((a) => ({ role: a.role, start: a.spans[0].start, end: a.spans[a.spans.length - 1].end, type: a.type })),
  };
}
