// Events whose trigger holds an offset or touches a range, and what their actions look like.

import type { Span } from '../core/model';
import type { EventView } from '../shared/protocol';
import type { ArticleHost } from './articleHost';
import { eventViews } from './stateView';

export function eventsAt(host: ArticleHost, range: Span): EventView[] {
  const touches = (s: Span) =>
    range.start === range.end ? s.start <= range.start && range.start <= s.end : s.start < range.end && range.start < s.end;
  return eventViews(host).filter((e) => e.trigger.spans.some(touches));
}
