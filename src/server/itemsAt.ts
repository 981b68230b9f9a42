// Which annotations and suggestions sit at an offset or touch a range.

import type { Span } from '../core/model';
import type { ItemView } from '../shared/protocol';
import type { ArticleHost } from './articleHost';
import { itemViews } from './stateView';

/**
 * Items touching a range, innermost first. An empty range is a cursor: it touches the spans it is
 * inside or at either edge of. Rejections are left out.
 */
export function itemsAt(host: ArticleHost, range: Span): ItemView[] {
  const touches = (s: Span) =>
    range.start === range.end
      ? s.start <= range.start && range.start <= s.end
      : s.start < range.end && range.start < s.end;
  return itemViews(host)
    .filter((i) => i.status !== 'rejected' && i.spans.some(touches))
    .sort((a, b) => width(a) - width(b));
}

function width(i: ItemView): number {
  return i.spans[i.spans.length - 1].end - i.spans[0].start;
}
