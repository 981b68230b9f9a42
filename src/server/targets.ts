import type { TypedSpan } from '../core/model';
import type { ItemView } from '../shared/protocol';

/** The span and type that address a suggestion in an action. */
export function targetOf(item: ItemView, type = item.type): TypedSpan {
  return { start: item.spans[0].start, end: item.spans[item.spans.length - 1].end, type };
}
