// Spans to ask "does any of them overlap this one?" in O(log n): a long article holds thousands of
// annotations, and every suggestion is checked against them.

import type { Span } from './model';

export class SpanSet {
  /** The spans by start. */
  private readonly spans: Span[];
  /** maxEnd[i]: the largest end among spans[0..i]. */
  private readonly maxEnd: number[] = [];

  constructor(spans: Iterable<Span>) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
    let max = -Infinity;
    for (const s of this.spans) this.maxEnd.push((max = Math.max(max, s.end)));
  }

  /** Whether some span overlaps `s` in the sense of `overlaps` (model.ts). */
  overlapsAny(s: Span): boolean {
    // The last span starting before s.end; any span up to it that ends after s.start overlaps.
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start < s.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnd[lo - 1] > s.start;
  }
}
