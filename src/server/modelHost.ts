// The trained tagger in the server: which model the engine uses, what it learns from the
// annotator's decisions, and retraining it on the workspace's annotations.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { labelSentence, reviewedSentences } from '../core/learning/examples';
import { sentencesAround } from '../core/learning/sentenceTokens';
import { overlaps, type Span, typedSpanOf } from '../core/model';
import type { TaggerSource } from '../core/suggest';
import { DEFAULT_MODEL_FILE, type LabelledExample, type TaggerModel } from '../core/tagger';
import type { ArticleHost } from './articleHost';
import { Learning, RETRAIN_COMMAND } from './learning';

export interface ModelHostOptions {
  /** The extension's `models` folder: the shipped model and ANERcorp for retraining. */
  readonly modelsDir: string;
  /** dist/cli.js, which retraining runs in a child process. */
  readonly cliPath: string;
  readonly workspaceRoot?: string;
  readonly warn: (message: string) => void;
  /** The model changed: suggestions must be recomputed. */
  readonly onChange: () => void;
  /** The model learnt from `sentences` reviewed sentences, `total` since the server started. */
  readonly onLearned?: (sentences: number, total: number) => void;
}

/**
 * More sentences than this finished by one decision (a whole long article accepted at once) are not
 * learnt online: learning takes about 1 s per 100 sentences on the server's thread, and so many can
 * hardly have been reviewed. Retraining learns from them.
 */
const MAX_SENTENCES_PER_DECISION = 100;

/** Learning steps remembered with the decision that taught them, so that undoing it can take them back. */
const MAX_TAUGHT = 20;

export class ModelHost {
  modelEnabled = true;
  learningEnabled = true;
  private generation = 0;
  private broken = false;
  private readonly learning: Learning;
  private retraining = false;
  private learnedSentences = 0;
  /** The last learning steps, with the decision that taught each (decision numbers are unique across articles); last at the end. */
  private taught: { readonly decision: number; readonly step: number; readonly sentences: number }[] = [];
  /** Learning about to run, by decision (it runs after the decision's update is sent). */
  private readonly pending = new Map<number, NodeJS.Timeout>();
  /**
   * While a retrain runs, what each decision taught: the retrain read the workspace before, so the
   * new model is taught these once it is in use.
   */
  private taughtWhileRetraining: Map<number, LabelledExample[]> | undefined;
  readonly source: TaggerSource;

  constructor(private readonly options: ModelHostOptions) {
    this.learning = new Learning({
      baseModelFile: path.join(options.modelsDir, DEFAULT_MODEL_FILE),
      workspaceRoot: options.workspaceRoot,
      warn: options.warn,
      onChange: () => this.changed(),
    });
    const self = this;
    this.source = {
      model: () => self.model(),
      get generation() {
        return self.generation;
      },
    };
  }

  private model(): TaggerModel | undefined {
    if (!this.modelEnabled || this.broken) return undefined;
    try {
      return this.learning.getModel();
    } catch (e) {
      this.broken = true;
      this.options.warn(`Tawsim's trained model cannot be used (${(e as Error).message}); suggestions come from the rules alone.`);
      return undefined;
    }
  }

  private changed(): void {
    this.generation++;
    this.options.onChange();
  }

  setEnabled(model: boolean, learning: boolean): void {
    if (model !== this.modelEnabled) {
      this.modelEnabled = model;
      this.changed();
    }
    this.learningEnabled = learning;
  }

  /**
   * Teaches the model the sentences of an article that the annotator's decision touched and that
   * are now fully reviewed. Runs after the decision's own update has been sent.
   */
  teach(host: ArticleHost, touched: readonly Span[], decision: number): void {
    const model = this.learningEnabled && touched.length ? this.model() : undefined;
    if (!model) return;
    const { session } = host;
    // Lines still waiting for suggestions would look reviewed.
    if (session.suggesting) return;
    // An annotation whose recorded text disagrees with the text (edited outside Tawsim) says nothing
    // sure about its sentence: that sentence is not learnt.
    const flawed = session.accepted().filter((a) => a.problem !== undefined).flatMap((a) => a.spans);
    const reviewed = reviewedSentences(sentencesAround(session.text, touched), touched, session.suggestions()).filter((s) => !flawed.some((f) => overlaps(f, s)));
    if (reviewed.length === 0) return;
    if (reviewed.length > MAX_SENTENCES_PER_DECISION) {
      this.options.warn(
        `Tawsim learns from at most ${MAX_SENTENCES_PER_DECISION} sentences per decision, as the annotator reviews them; ` +
          `the ${reviewed.length} sentences accepted or rejected at once were not learnt. ` +
          `${RETRAIN_COMMAND} learns from all of them.`,
      );
      return;
    }
    const accepted = session.accepted().map(typedSpanOf);
    const examples = reviewed.map((s) => labelSentence(s, accepted, model.types));
    this.pending.set(decision, setTimeout(() => {
      this.pending.delete(decision);
      let step: number;
      try {
        step = this.learning.learn(examples);
      } catch (e) {
        // In a timer, an exception would take the server down with the decisions not yet saved.
        this.options.warn(`Tawsim could not learn from this decision (${(e as Error).message}); the tagger goes on with what it knew.`);
        return;
      }
      this.taughtWhileRetraining?.set(decision, examples);
      if (step) this.taught.push({ decision, step, sentences: examples.length });
      if (this.taught.length > MAX_TAUGHT) this.taught.shift();
      this.learnedSentences += examples.length;
      this.options.onLearned?.(examples.length, this.learnedSentences);
    }, 0));
  }

  /**
   * The annotator undid a decision: takes back what it taught, if nothing was learnt since (later
   * learning built on it). Returns whether the tagger no longer holds anything the decision taught.
   */
  unlearn(decision: number): boolean {
    this.taughtWhileRetraining?.delete(decision);
    const timer = this.pending.get(decision);
    if (timer) {
      clearTimeout(timer);
      this.pending.delete(decision);
      return true;
    }
    const last = this.taught.at(-1);
    if (!last || last.decision !== decision || !this.learning.forget(last.step)) return false;
    this.taught.pop();
    this.learnedSentences -= last.sentences;
    return true;
  }

  /** Forgets what was learnt; returns the files that could not be deleted. */
  reset(): string[] {
    this.broken = false;
    this.taught = [];
    return this.learning.reset();
  }

  /** Trains a model on ANERcorp plus the workspace folders' .txt + .ann files, then uses it. */
  async retrain(folders: readonly string[], report: (message: string) => void): Promise<{ trained: boolean; message: string }> {
    const out = this.learning.retrainedModelFile();
    if (!out) return { trained: false, message: 'Open a folder first: the retrained model is kept in the workspace.' };
    if (this.retraining) return { trained: false, message: 'Retraining is already running.' };
    this.retraining = true;
    this.taughtWhileRetraining = new Map();
    const temp = `${out}.training`;
    try {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const corpus = path.join(this.options.modelsDir, 'anercorp');
      // The workspace's types as the shipped model's (ANERcorp's), and only the sentences the annotator worked on.
      const args = [this.options.cliPath, 'train', '--conll', path.join(corpus, 'train.conll'), ...folders, '--dev', path.join(corpus, 'dev.conll'), '--tagset', 'anercorp', '--reviewed-only', '--out', temp];
      const code = await runWithProgress(args, report);
      if (code !== 0) return { trained: false, message: `Retraining failed (exit ${code}); the current model stays in use.` };
      fs.renameSync(temp, out);
      this.broken = false;
      this.taught = [];
      this.learning.adoptRetrained();
      const since = [...this.taughtWhileRetraining.values()].flat();
      if (since.length) this.learning.learn(since);
      return { trained: true, message: `Retrained on ANERcorp and this workspace's annotations${since.length ? `, then taught the ${since.length} sentence(s) reviewed meanwhile` : ''}: ${out}` };
    } finally {
      fs.rmSync(temp, { force: true });
      this.retraining = false;
      this.taughtWhileRetraining = undefined;
    }
  }

  dispose(): void {
    this.learning.dispose();
  }
}

/** Runs `node args…`, passing each line it prints on stderr to `report`; resolves with its exit code. */
function runWithProgress(args: string[], report: (message: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let buffered = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) report(line.trim());
    });
    child.on('error', (e) => {
      report(e.message);
      resolve(-1);
    });
    child.on('close', (code) => resolve(code ?? -1));
  });
}
