// What the annotator's decisions said of each kind of suggestion (src/core/learning/sourceReliability.ts):
// kept per workspace in `.tawsim/model/sources.json`, beside what the tagger learnt, and taken back
// with the decision that said it. A file that cannot be read is reported and kept aside, never
// written over.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeFiles } from '../core/io/removeFiles';
import { writeFileAtomic } from '../core/io/atomicWrite';
import { keepAside } from '../core/io/keepAside';
import { SourceReliability, type SourceOutcome } from '../core/learning/sourceReliability';
import { MODEL_STATE_FOLDER, prepareStateFolder } from './learning';

const FILE = 'sources.json';
/** Decisions whose outcomes can be taken back by undo (an article keeps at most 200 decisions). */
const MAX_REMEMBERED = 1000;
/** A change of a kind's factor smaller than this does not make the other articles suggest again. */
const VISIBLE_CHANGE = 0.01;

export interface ReliabilityHostOptions {
  readonly workspaceRoot?: string;
  readonly warn: (message: string) => void;
}

export class ReliabilityHost {
  readonly weights: SourceReliability;
  private readonly byDecision = new Map<number, readonly SourceOutcome[]>();
  /** False when an unreadable file could not be moved aside: it is not written over. */
  private writable = true;

  constructor(private readonly options: ReliabilityHostOptions) {
    this.weights = this.read() ?? new SourceReliability();
  }

  private get file(): string | undefined {
    return this.options.workspaceRoot && path.join(this.options.workspaceRoot, MODEL_STATE_FOLDER, FILE);
  }

  /** Counts what decision `decision` said; returns whether a kind's weight changed visibly. */
  judge(decision: number, outcomes: readonly SourceOutcome[]): boolean {
    if (outcomes.length === 0) return false;
    const changed = this.changes(() => this.weights.add(outcomes), outcomes);
    this.byDecision.set(decision, outcomes);
    if (this.byDecision.size > MAX_REMEMBERED) this.byDecision.delete(this.byDecision.keys().next().value!);
    this.save();
    return changed;
  }

  /** The decision was undone: what it said no longer counts. Returns whether a kind's weight changed visibly. */
  unjudge(decision: number): boolean {
    const outcomes = this.byDecision.get(decision);
    if (!outcomes) return false;
    this.byDecision.delete(decision);
    const changed = this.changes(() => this.weights.add(outcomes, -1), outcomes);
    this.save();
    return changed;
  }

  /** Forgets every decision's weight; returns the file if it could not be deleted. */
  reset(): string[] {
    this.weights.clear();
    this.byDecision.clear();
    return this.file && this.writable ? removeFiles([this.file]) : [];
  }

  private changes(update: () => void, outcomes: readonly SourceOutcome[]): boolean {
    const kinds = [...new Map(outcomes.map((o) => [`${o.source}\u0000${o.type}`, o])).values()];
    const before = kinds.map((o) => this.weights.factor(o.source, o.type));
    update();
    return kinds.some((o, i) => Math.abs(this.weights.factor(o.source, o.type) - before[i]) >= VISIBLE_CHANGE);
  }

  private read(): SourceReliability | undefined {
    const file = this.file;
    if (!file || !fs.existsSync(file)) return undefined;
    try {
      return SourceReliability.fromJSON(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch (e) {
      let kept: string;
      try {
        kept = `it is kept as ${keepAside(file)}`;
      } catch {
        this.writable = false;
        kept = 'it is left as it is, and not written';
      }
      this.options.warn(`${file} cannot be read (${(e as Error).message}); Tawsim starts counting your decisions afresh, and ${kept}.`);
      return undefined;
    }
  }

  private save(): void {
    const file = this.file;
    if (!file || !this.writable) return;
    try {
      prepareStateFolder(path.dirname(file));
      writeFileAtomic(file, `${JSON.stringify(this.weights.toJSON())}\n`);
    } catch (e) {
      this.options.warn(`Tawsim could not save what your decisions said of its suggestions: ${(e as Error).message}`);
    }
  }
}
