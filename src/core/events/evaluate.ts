// Scoring annotated documents against gold ones (`tawsim eval`). Every category counts units:
// a predicted unit is correct when the gold has the same unit; P = correct / predicted,
// R = correct / gold, F1 their harmonic mean (in percent, as conlleval prints them).
//
// Tokens are whitespace tokens: maximal runs of non-space characters of the text. A span covers
// the tokens it overlaps (بالقاهرة covers its token whether the span starts at ب or at ا).
//   entities (strict)   unit = exact span + type.
//   entities (tokens)   unit = one token + type, for every token an entity of that type covers:
//                       an entity found with the wrong boundaries still earns the tokens it shares.
//   triggers            unit = event type + token range of the trigger.
//   triggers (untyped)  unit = token range of the trigger (was an event found there at all).
//   arguments           unit = event type + trigger token range + role + token range of the
//                       argument: an argument counts only through a trigger that matches.

import { isSpace } from '../text';
import { firstEndingAfter, type Span } from '../model';
import type { TypeScores } from '../tagger/evaluate';
import type { AnnDocument } from './annDocument';

export interface CategoryScores {
  readonly all: TypeScores;
  /** By entity type, event type, or event type and role (`Attack.Target`). */
  readonly byType: Readonly<Record<string, TypeScores>>;
}

export interface AnnEvaluation {
  readonly entities: CategoryScores;
  readonly entityTokens: CategoryScores;
  readonly triggers: CategoryScores;
  readonly untypedTriggers: CategoryScores;
  readonly arguments: CategoryScores;
  readonly argumentsByRole: CategoryScores;
}

/** A unit and the type it is counted under. */
type Unit = readonly [key: string, type: string];

/** Scores each predicted document against its gold document (same text). */
export function evaluateDocuments(pairs: readonly { readonly gold: AnnDocument; readonly pred: AnnDocument }[]): AnnEvaluation {
  const counters = {
    entities: new Counter(),
    entityTokens: new Counter(),
    triggers: new Counter(),
    untypedTriggers: new Counter(),
    arguments: new Counter(),
    argumentsByRole: new Counter(),
  };
  pairs.forEach(({ gold, pred }, d) => {
    if (gold.text !== pred.text) throw new Error(`document ${d + 1}: the gold and predicted texts differ`);
    const tokens = whitespaceTokens(gold.text);
    const units = (doc: AnnDocument) => documentUnits(doc, tokens, `${d}:`);
    const g = units(gold);
    const p = units(pred);
    for (const k of Object.keys(counters) as (keyof typeof counters)[]) counters[k].add(g[k], p[k]);
  });
  return {
    entities: counters.entities.scores(),
    entityTokens: counters.entityTokens.scores(),
    triggers: counters.triggers.scores(),
    untypedTriggers: counters.untypedTriggers.scores(),
    arguments: counters.arguments.scores(),
    argumentsByRole: counters.argumentsByRole.scores(),
  };
}

function documentUnits(doc: AnnDocument, tokens: readonly Span[], prefix: string): Record<keyof AnnEvaluation, Unit[]> {
  const range = (s: Span) => {
    const [first, last] = tokenRange(tokens, s);
    return `${prefix}${first}-${last}`;
  };
  const entityTokens: Unit[] = [];
  for (const e of doc.entities) {
    const covered = new Set<number>();
    for (const f of e.fragments) {
      const [first, last] = tokenRange(tokens, f);
      for (let t = first; t <= last; t++) covered.add(t);
    }
    for (const t of covered) entityTokens.push([`${prefix}${t}:${e.type}`, e.type]);
  }
  const args: Unit[] = [];
  const byRole: Unit[] = [];
  for (const ev of doc.events) {
    const trigger = `${range(ev.trigger)}:${ev.type}`;
    for (const a of ev.args) {
      const key = `${trigger}:${a.role}:${range(a.target)}`;
      args.push([key, ev.type]);
      byRole.push([key, `${ev.type}.${a.role}`]);
    }
  }
  return {
    entities: doc.entities.map((e) => [`${prefix}${e.fragments.map((f) => `${f.start}-${f.end}`).join(';')}:${e.type}`, e.type]),
    entityTokens,
    triggers: doc.events.map((ev) => [`${range(ev.trigger)}:${ev.type}`, ev.type]),
    untypedTriggers: doc.events.map((ev) => [range(ev.trigger), 'any']),
    arguments: args,
    argumentsByRole: byRole,
  };
}

/** The whitespace tokens of a text, in order. */
export function whitespaceTokens(text: string): Span[] {
  const tokens: Span[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text[i]);
    if (!space && start < 0) start = i;
    else if (space && start >= 0) {
      tokens.push({ start, end: i });
      start = -1;
    }
  }
  return tokens;
}

/** First and last index of the tokens a span overlaps (a span of spaces only: the token after it). */
function tokenRange(tokens: readonly Span[], span: Span): [number, number] {
  const lo = firstEndingAfter(tokens, span.start);
  let last = lo;
  while (last + 1 < tokens.length && tokens[last + 1].start < span.end) last++;
  return [lo, last];
}

/** Distinct units per type: gold, predicted, and both. */
class Counter {
  private readonly gold = new Map<string, Set<string>>();
  private readonly pred = new Map<string, Set<string>>();

  add(gold: readonly Unit[], pred: readonly Unit[]): void {
    for (const [key, type] of gold) setOf(this.gold, type).add(key);
    for (const [key, type] of pred) setOf(this.pred, type).add(key);
  }

  scores(): CategoryScores {
    const byType: Record<string, TypeScores> = {};
    const total = { gold: 0, pred: 0, correct: 0 };
    for (const type of [...new Set([...this.gold.keys(), ...this.pred.keys()])].sort()) {
      const g = this.gold.get(type) ?? new Set<string>();
      const p = this.pred.get(type) ?? new Set<string>();
      let correct = 0;
      for (const key of p) if (g.has(key)) correct++;
      byType[type] = percentages(g.size, p.size, correct);
      total.gold += g.size;
      total.pred += p.size;
      total.correct += correct;
    }
    return { all: percentages(total.gold, total.pred, total.correct), byType };
  }
}

function setOf(map: Map<string, Set<string>>, type: string): Set<string> {
  let set = map.get(type);
  if (!set) map.set(type, (set = new Set()));
  return set;
}

function percentages(gold: number, pred: number, correct: number): TypeScores {
  const p = pred ? (100 * correct) / pred : 0;
  const r = gold ? (100 * correct) / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, gold, pred, correct };
}
