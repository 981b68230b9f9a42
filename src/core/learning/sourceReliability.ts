// How far the annotator's decisions bear out each kind of suggestion. Every suggestion comes from a
// source (the tagger, the gazetteer, a rule) with a type; when the annotator accepts it as it is,
// that kind was right once, and when they reject it, retype it or annotate another span over it,
// it was wrong; either way it was expected to be right with its confidence. A kind right less often
// than its confidences promise counts for less from then on: its confidences are multiplied by
//   (right + PRIOR) / (expected + PRIOR), at most 1,
// so an annotator whose conventions differ from a rule's (ministries are not organizations, a
// gazetteer word is a common noun in their texts) stops seeing that rule's suggestions after
// rejecting a handful, and a kind that is right as often as it says is left alone. Suggestions
// hidden under the minimum confidence that the annotator then annotates by hand count as right,
// so a kind can come back. The rules themselves never change. The tagger's suggestions are not
// weighed: it learns from the same decisions, so weighing them would count each decision twice,
// and against a model that has changed since (its confident suggestions would be held down for
// mistakes it no longer makes).

import type { Suggestion, TypedSpan } from '../model';
import { SpanSet } from '../spanSet';

/**
 * How many suggestions' worth of trust a kind's own confidences keep against the annotator's
 * decisions. Chosen a priori; on ANERcorp dev (npm run bench:learning) 3, 5, 10 and 20 give the
 * same corrections over articles 1–9, and 5 is between the best (3) and the mildest over 10–20.
 */
export const RELIABILITY_PRIOR = 5;

export interface SourceOutcome {
  readonly source: string;
  readonly type: string;
  /** The suggestion's confidence as the engine gave it (before any reliability factor). */
  readonly confidence: number;
  readonly right: boolean;
}

/** What the engine reads: the factor of a kind of suggestion (1: as the engine says). */
export interface SourceWeights {
  factor(source: string, type: string): number;
}

interface Counts {
  right: number;
  expected: number;
  decided: number;
}

export const RELIABILITY_FORMAT = 'tawsim-source-reliability';

/** Whether the decisions on a source's suggestions weigh them (not the tagger's: it learns). */
const isWeighed = (source: string): boolean => !source.startsWith('model');

export class SourceReliability implements SourceWeights {
  private readonly counts = new Map<string, Counts>();

  factor(source: string, type: string): number {
    if (!isWeighed(source)) return 1;
    const c = this.counts.get(key(source, type));
    return c ? Math.min(1, (c.right + RELIABILITY_PRIOR) / (c.expected + RELIABILITY_PRIOR)) : 1;
  }

  /** Counts the outcomes of a decision; `sign` -1 takes them back (the decision was undone). */
  add(outcomes: readonly SourceOutcome[], sign: 1 | -1 = 1): void {
    for (const o of outcomes) {
      const k = key(o.source, o.type);
      const c = this.counts.get(k) ?? { right: 0, expected: 0, decided: 0 };
      c.right += sign * (o.right ? 1 : 0);
      c.expected += sign * o.confidence;
      c.decided += sign;
      if (c.decided <= 0) this.counts.delete(k);
      else this.counts.set(k, c);
    }
  }

  clear(): void {
    this.counts.clear();
  }

  toJSON(): object {
    return { format: RELIABILITY_FORMAT, version: 1, kinds: [...this.counts].map(([k, c]) => [...k.split('\u0000'), c.right, c.expected, c.decided]) };
  }

  /** Reads what toJSON wrote; throws on anything else. */
  static fromJSON(data: unknown): SourceReliability {
    const d = data as { format?: unknown; version?: unknown; kinds?: unknown };
    if (d?.format !== RELIABILITY_FORMAT || d.version !== 1 || !Array.isArray(d.kinds)) throw new Error('not a Tawsim source reliability file of version 1');
    const out = new SourceReliability();
    for (const row of d.kinds as unknown[]) {
      if (!Array.isArray(row) || row.length !== 5) throw new Error('a malformed entry');
      const [source, type, right, expected, decided] = row as unknown[];
      if (typeof source !== 'string' || typeof type !== 'string' || ![right, expected, decided].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) {
        throw new Error('a malformed entry');
      }
      out.counts.set(key(source, type), { right: right as number, expected: expected as number, decided: decided as number });
    }
    return out;
  }
}

const key = (source: string, type: string) => `${source}\u0000${type}`;

/**
 * What a decision said of the pending suggestions the tagger did not make, from the annotations after it: a
 * suggestion now accepted with its span and type was right; one now rejected, or overlapped by an
 * accepted annotation of another span or type, was wrong (shown ones only: a hidden suggestion the
 * annotator never saw was not rejected); the others are undecided.
 */
export function decisionOutcomes(
  before: { readonly shown: readonly Suggestion[]; readonly hidden: readonly Suggestion[] },
  after: { readonly accepted: readonly TypedSpan[]; readonly rejected: readonly TypedSpan[] },
): SourceOutcome[] {
  // Sets and a span index: a decision on a long article can take thousands of suggestions at once.
  const keyOf = (s: TypedSpan) => `${s.start}:${s.end}:${s.type}`;
  const accepted = new Set(after.accepted.map(keyOf));
  const rejected = new Set(after.rejected.map(keyOf));
  const covered = new SpanSet(after.accepted);
  const out: SourceOutcome[] = [];
  const judge = (s: Suggestion, shown: boolean) => {
    if (!isWeighed(s.source)) return;
    const right = accepted.has(keyOf(s));
    const wrong = !right && shown && (rejected.has(keyOf(s)) || covered.overlapsAny(s));
    if (right || wrong) out.push({ source: s.source, type: s.type, confidence: s.baseConfidence ?? s.confidence, right });
  };
  for (const s of before.shown) judge(s, true);
  for (const s of before.hidden) judge(s, false);
  return out;
}
