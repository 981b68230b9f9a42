// Learning from the annotator. Fully labelled sentences (an article the annotator finished) teach
// the model in two ways: their names join the lexicon the features read (the model already knows
// from training how far to trust a lexicon entry), weighted above the training data; and a few
// passes of gradient steps move both passes' weights, each step pulled back toward the base
// weights (L2 toward the base, not toward zero). What was learnt is a delta from the base model:
// the learnt lexicon counts and the changed weights, exported as a small file. The last steps can
// be taken back, last first (the annotator undid the decision that taught them).

import * as zlib from 'node:zlib';
import type { Vector } from './crf';
import type { CrfParams } from './crfParams';
import { gradientSquares, trainCrf, type CrfTrainingOptions, type GradientSquares } from './crfTrainer';
import type { Extras } from './features';
import { toIob2 } from './labels';
import { Lexicon } from './lexicon';
import { formatLexicon, parseLexicon } from './modelFile';
import { Tagger } from './tagger';
import type { LabelledExample, TaggerModel } from './types';

export interface OnlineLearner {
  /**
   * Updates the model in place from fully labelled sentences (treated as one document). Returns the
   * step's number, for `forget`; 0 when there was nothing to learn.
   */
  learn(examples: readonly LabelledExample[]): number;
  /**
   * Takes back the learning step `step` if it is the last one not taken back yet: the weights and
   * the lexicon are as they were before it. False (and nothing changes) otherwise.
   */
  forget(step: number): boolean;
  /** What was learnt, to persist per workspace. */
  exportDelta(): Uint8Array;
  /** Replaces what was learnt by a delta exported from a learner on the same base model. */
  importDelta(bytes: Uint8Array): void;
  /** Back to the base model. */
  reset(): void;
}

export const DELTA_MAGIC = 'TAWSIMTD';
export const DELTA_FORMAT_VERSION = 1;

export const ONLINE_DEFAULTS = {
  /** Each learnt mention counts as this many training mentions in the lexicon. */
  lexiconWeight: 3,
  epochs: 3,
  rate: 0.05,
  /** Pull toward the base weights. */
  l2: 0.03,
} as const;

export function createOnlineLearner(model: TaggerModel, options: Partial<typeof ONLINE_DEFAULTS> = {}): OnlineLearner {
  if (!(model instanceof Tagger)) throw new Error('online learning needs a model made by trainModel or loadModel');
  return new Learner(model, { ...ONLINE_DEFAULTS, ...options });
}

interface Snapshot {
  readonly weights: Float32Array;
  readonly trans: Float32Array;
  readonly start: Float32Array;
}

function snapshot(crf: CrfParams): Snapshot {
  return { weights: Float32Array.from(crf.weights), trans: Float32Array.from(crf.trans), start: Float32Array.from(crf.start) };
}

function restore(crf: CrfParams, s: Snapshot): void {
  crf.weights.set(s.weights);
  crf.trans.set(s.trans);
  crf.start.set(s.start);
}

/** The parts of a pass that learning may change (the dense weights stay as trained). */
const PARTS = ['weights', 'trans', 'start'] as const;

/** Learning steps that can be taken back (each keeps the weights it changed: about 0.5 MB for a few sentences). */
const MAX_STEPS = 20;

/** What one learning step changed, to take it back. */
interface Step {
  readonly id: number;
  /** The sentences it added to the lexicon. */
  readonly sentences: readonly { readonly stems: readonly string[]; readonly labels: readonly string[] }[];
  /** The weights it changed, with their values before it. */
  readonly changes: readonly { readonly values: Vector; readonly index: Uint32Array; readonly before: Float64Array }[];
}

class Learner implements OnlineLearner {
  private readonly base: { pass1: Snapshot; pass2: Snapshot | undefined; lexicon: Lexicon | undefined };
  private readonly fingerprint: number;
  /** The counts learnt so far (added to the base lexicon's). */
  private learnt: Lexicon;
  /** The base lexicon plus the learnt counts, once something was learnt. */
  private merged: Lexicon | undefined;
  /** AdaGrad's state per pass, kept across calls so that steps shrink as more is learnt. */
  private squares: (GradientSquares | undefined)[] = [];
  private step = 0;
  private lastStepId = 0;
  /** The last steps, last at the end. */
  private steps: Step[] = [];
  /** A copy of each changeable array as it was before the current step, to see what the step changed. */
  private shadows: Map<Vector, Vector> | undefined;

  constructor(
    private readonly model: Tagger,
    private readonly options: typeof ONLINE_DEFAULTS,
  ) {
    this.base = { pass1: snapshot(model.pass1), pass2: model.pass2 && snapshot(model.pass2), lexicon: model.lexicon };
    this.fingerprint = fingerprintOf(model);
    this.learnt = new Lexicon(model.types.length);
  }

  learn(examples: readonly LabelledExample[]): number {
    const m = this.model;
    const known = new Set(m.labels.labels);
    const sentences = examples
      .filter((e) => e.tokens.length > 0)
      .map((e) => {
        if (e.labels.length !== e.tokens.length) throw new Error(`${e.tokens.length} tokens but ${e.labels.length} labels`);
        return { tokens: e.tokens, labels: toIob2(toIob2(e.labels).map((l) => (known.has(l) ? l : 'O'))) };
      });
    if (sentences.length === 0) return 0;
    this.shadows ??= new Map(this.changeable().map((a) => [a, a.slice()]));
    if (!this.merged) this.applyLexicon();
    const added = sentences.map((s) => ({ stems: m.words(s.tokens).map((w) => w.stem), labels: s.labels }));
    for (const { stems, labels } of added) {
      this.learnt.add(stems, labels, m.labels, this.options.lexiconWeight);
      this.merged?.add(stems, labels, m.labels, this.options.lexiconWeight);
    }
    const gold = sentences.map((s) => Int32Array.from(s.labels, (l) => m.labels.indexOf(l)!));
    const train = (pass: number, crf: CrfParams, base: Snapshot, extras: (words: ReturnType<Tagger['words']>) => Extras) => {
      const data = sentences.map((s, i) => {
        const words = m.words(s.tokens);
        return { sentence: m.encode(words, extras(words), crf), gold: gold[i] };
      });
      const squares = (this.squares[pass] ??= gradientSquares(crf));
      const o: CrfTrainingOptions = { epochs: this.options.epochs, rate: this.options.rate, l2: this.options.l2, seed: ++this.step, anchor: base, trainDense: false, squares };
      trainCrf(crf, data, m.embeddings, o);
      m.clearScores();
    };
    train(0, m.pass1, this.base.pass1, (words) => m.extras(words));
    if (m.pass2 && this.base.pass2) {
      // The document features of the examples as the second pass would see them, from the updated first pass.
      const context = m.documentContext(sentences.map((s) => ({ tokens: s.tokens, labels: m.firstPass(s.tokens) })));
      train(1, m.pass2, this.base.pass2, (words) => [...m.extras(words), m.documentExtras(words, context)]);
    }
    const step: Step = { id: ++this.lastStepId, sentences: added, changes: this.changeable().map((values) => changesOf(values, this.shadows!.get(values)!)) };
    this.steps.push(step);
    if (this.steps.length > MAX_STEPS) this.steps.shift();
    return step.id;
  }

  forget(id: number): boolean {
    const step = this.steps.at(-1);
    if (!step || step.id !== id) return false;
    this.steps.pop();
    for (const { values, index, before } of step.changes) {
      const shadow = this.shadows!.get(values)!;
      index.forEach((i, k) => {
        values[i] = before[k];
        shadow[i] = before[k];
      });
    }
    for (const { stems, labels } of step.sentences) {
      this.learnt.remove(stems, labels, this.model.labels, this.options.lexiconWeight);
      this.merged?.remove(stems, labels, this.model.labels, this.options.lexiconWeight);
    }
    this.model.clearScores();
    return true;
  }

  /** The arrays learning changes, in a fixed order. */
  private changeable(): Vector[] {
    return [this.model.pass1, this.model.pass2].flatMap((crf) => (crf ? PARTS.map((part) => crf[part]) : []));
  }

  /** Makes the model read the base lexicon plus what was learnt. */
  private applyLexicon(): void {
    if (!this.base.lexicon) return;
    this.merged = this.base.lexicon.clone();
    this.merged.addLexicon(this.learnt);
    this.model.setLexicon(this.merged);
  }

  exportDelta(): Uint8Array {
    const parts: Buffer[] = [];
    const passes = [[this.model.pass1, this.base.pass1], [this.model.pass2, this.base.pass2]] as const;
    for (const [crf, base] of passes) {
      if (!crf || !base) continue;
      for (const part of PARTS) {
        const now = crf[part];
        const was = base[part];
        // The changed weights with their new values (exact, unlike differences in float32).
        const index: number[] = [];
        const value: number[] = [];
        for (let i = 0; i < now.length; i++) {
          if (now[i] !== was[i]) {
            index.push(i);
            value.push(now[i]);
          }
        }
        const b = Buffer.alloc(4 + index.length * 8);
        b.writeUInt32LE(index.length, 0);
        Buffer.from(Uint32Array.from(index).buffer).copy(b, 4);
        Buffer.from(Float32Array.from(value).buffer).copy(b, 4 + index.length * 4);
        parts.push(b);
      }
    }
    const lexicon = Buffer.from(formatLexicon(this.learnt), 'utf8');
    const lexLength = Buffer.alloc(4);
    lexLength.writeUInt32LE(lexicon.length, 0);
    const body = zlib.deflateRawSync(Buffer.concat([lexLength, lexicon, ...parts]));
    const head = Buffer.alloc(20);
    head.write(DELTA_MAGIC, 0, 'latin1');
    head.writeUInt32LE(DELTA_FORMAT_VERSION, 8);
    head.writeUInt32LE(this.fingerprint, 12);
    head.writeUInt32LE(zlib.crc32(body), 16);
    return new Uint8Array(Buffer.concat([head, body]));
  }

  importDelta(bytes: Uint8Array): void {
    const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (b.length < 20 || b.toString('latin1', 0, 8) !== DELTA_MAGIC) throw new Error('not a Tawsim learning delta');
    const version = b.readUInt32LE(8);
    if (version !== DELTA_FORMAT_VERSION) throw new Error(`learning delta format version ${DELTA_FORMAT_VERSION} expected, got ${version}`);
    if (b.readUInt32LE(12) !== this.fingerprint) throw new Error('the learning delta was made on another base model');
    const body = b.subarray(20);
    let data: Buffer;
    try {
      if (zlib.crc32(body) !== b.readUInt32LE(16)) throw new Error('checksum');
      data = zlib.inflateRawSync(body);
    } catch {
      throw new Error('the learning delta is corrupt');
    }
    this.reset();
    try {
      const lexLength = data.readUInt32LE(0);
      this.learnt = parseLexicon(data.toString('utf8', 4, 4 + lexLength), this.model.types.length);
      let at = 4 + lexLength;
      for (const crf of [this.model.pass1, this.model.pass2]) {
        if (!crf) continue;
        for (const part of PARTS) {
          const count = data.readUInt32LE(at);
          const target = crf[part];
          for (let k = 0; k < count; k++) {
            const i = data.readUInt32LE(at + 4 + 4 * k);
            if (i >= target.length) throw new Error('index out of range');
            target[i] = data.readFloatLE(at + 4 + 4 * count + 4 * k);
          }
          at += 4 + 8 * count;
        }
      }
      if (at !== data.length) throw new Error('trailing data');
      this.model.clearScores();
    } catch {
      this.reset();
      throw new Error('the learning delta is corrupt');
    }
    this.applyLexicon();
  }

  reset(): void {
    this.model.clearScores();
    restore(this.model.pass1, this.base.pass1);
    if (this.model.pass2 && this.base.pass2) restore(this.model.pass2, this.base.pass2);
    this.model.setLexicon(this.base.lexicon);
    this.learnt = new Lexicon(this.model.types.length);
    this.merged = undefined;
    this.squares = [];
    this.steps = [];
    this.shadows = undefined;
  }
}

/** The entries of `values` that differ from `shadow`, with the shadow's values; the shadow then follows. */
function changesOf(values: Vector, shadow: Vector): Step['changes'][number] {
  const index: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] !== shadow[i]) index.push(i);
  const before = Float64Array.from(index, (i) => shadow[i]);
  for (const i of index) shadow[i] = values[i];
  return { values, index: Uint32Array.from(index), before };
}

/** Identifies a base model: a checksum of its types, features and first-pass weights. */
function fingerprintOf(m: Tagger): number {
  let crc = zlib.crc32(m.types.join(' '));
  crc = zlib.crc32(Buffer.from(m.table.hashes.buffer, m.table.hashes.byteOffset, m.table.hashes.byteLength), crc);
  const w = Float32Array.from(m.pass1.weights);
  return zlib.crc32(Buffer.from(w.buffer), crc);
}
