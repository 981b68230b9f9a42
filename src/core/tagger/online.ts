// Learning from the annotator. Fully labelled sentences (an article the annotator finished) teach
// the model in two ways: their names join the lexicon the features read (the model already knows
// from training how far to trust a lexicon entry), weighted above the training data; and a few
// passes of gradient steps move both passes' weights, each step pulled back toward the base
// weights (L2 toward the base, not toward zero), with AdaGrad step sizes that shrink as more is
// learnt. What was learnt is a delta from the base model: the learnt lexicon counts, the changed
// weights and AdaGrad's sums, exported as a file of the entries learning touched; a learner that
// imports it goes on as the one that exported it would have (without the sums, the first steps
// after a restart are full-size again and undo much of what was learnt). The last steps can be
// taken back, last first (the annotator undid the decision that taught them).

import * as zlib from 'node:zlib';
import type { Vector } from './crf';
import type { CrfParams, EncodedSentence } from './crfParams';
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

/** A delta learnt on another base model (a model shipped or retrained since): it cannot be applied. */
export class OtherBaseModelError extends Error {
  constructor() {
    super('the learning delta was made on another base model');
    this.name = 'OtherBaseModelError';
  }
}

export const DELTA_MAGIC = 'TAWSIMTD';
/** Version 2 adds the learner's step count and AdaGrad's sums; version 1 deltas are still read. */
export const DELTA_FORMAT_VERSION = 2;

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

/** Learning steps that can be taken back (each keeps the weights and sums it touched: about 1 MB for a few sentences). */
const MAX_STEPS = 20;

/** Entries of an array with their values before a step. */
interface Change {
  readonly values: Vector;
  readonly index: Uint32Array;
  readonly before: Float64Array;
}

/** What one learning step changed, to take it back. */
interface Step {
  readonly id: number;
  /** The sentences it added to the lexicon. */
  readonly sentences: readonly { readonly stems: readonly string[]; readonly labels: readonly string[] }[];
  /** The weights and AdaGrad sums it touched, with their values before it. */
  readonly changes: readonly Change[];
  /** The learner's call count before it. */
  readonly callsBefore: number;
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
  /** Training calls so far (each seeds its own shuffle). */
  private calls = 0;
  private lastStepId = 0;
  /** The last steps, last at the end. */
  private steps: Step[] = [];

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
    if (!this.merged) this.applyLexicon();
    const added = sentences.map((s) => ({ stems: m.words(s.tokens).map((w) => w.stem), labels: s.labels }));
    for (const { stems, labels } of added) {
      this.learnt.add(stems, labels, m.labels, this.options.lexiconWeight);
      this.merged?.add(stems, labels, m.labels, this.options.lexiconWeight);
    }
    const gold = sentences.map((s) => Int32Array.from(s.labels, (l) => m.labels.indexOf(l)!));
    const changes: Change[] = [];
    const callsBefore = this.calls;
    const train = (pass: number, crf: CrfParams, base: Snapshot, extras: (words: ReturnType<Tagger['words']>) => Extras) => {
      const data = sentences.map((s, i) => {
        const words = m.words(s.tokens);
        return { sentence: m.encode(words, extras(words), crf), gold: gold[i] };
      });
      const squares = (this.squares[pass] ??= gradientSquares(crf));
      const touched = touchedWeights(data.map((d) => d.sentence), crf.labels.size);
      for (const part of PARTS) {
        const index = part === 'weights' ? touched : Uint32Array.from(crf[part].keys());
        for (const values of [crf[part], squares[part]]) changes.push({ values, index, before: valuesAt(values, index) });
      }
      const o: CrfTrainingOptions = { epochs: this.options.epochs, rate: this.options.rate, l2: this.options.l2, seed: ++this.calls, anchor: base, trainDense: false, squares };
      trainCrf(crf, data, m.embeddings, o);
      m.clearScores();
    };
    train(0, m.pass1, this.base.pass1, (words) => m.extras(words));
    if (m.pass2 && this.base.pass2) {
      // The document features of the examples as the second pass would see them, from the updated first pass.
      const context = m.documentContext(sentences.map((s) => ({ tokens: s.tokens, labels: m.firstPass(s.tokens) })));
      train(1, m.pass2, this.base.pass2, (words) => [...m.extras(words), m.documentExtras(words, context)]);
    }
    const step: Step = { id: ++this.lastStepId, sentences: added, changes, callsBefore };
    this.steps.push(step);
    if (this.steps.length > MAX_STEPS) this.steps.shift();
    return step.id;
  }

  forget(id: number): boolean {
    const step = this.steps.at(-1);
    if (!step || step.id !== id) return false;
    this.steps.pop();
    for (const { values, index, before } of step.changes) index.forEach((i, k) => (values[i] = before[k]));
    this.calls = step.callsBefore;
    for (const { stems, labels } of step.sentences) {
      this.learnt.remove(stems, labels, this.model.labels, this.options.lexiconWeight);
      this.merged?.remove(stems, labels, this.model.labels, this.options.lexiconWeight);
    }
    this.model.clearScores();
    return true;
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
    passes.forEach(([crf, base], pass) => {
      if (!crf || !base) return;
      for (const part of PARTS) parts.push(learntEntries(crf[part], base[part], this.squares[pass]?.[part]));
    });
    const lexicon = Buffer.from(formatLexicon(this.learnt), 'utf8');
    const counts = Buffer.alloc(8);
    counts.writeUInt32LE(lexicon.length, 0);
    counts.writeUInt32LE(this.calls, 4);
    const body = Buffer.concat([counts, lexicon, ...parts]);
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
    if (version !== 1 && version !== DELTA_FORMAT_VERSION) throw new Error(`learning delta format version ${DELTA_FORMAT_VERSION} expected, got ${version}`);
    if (b.readUInt32LE(12) !== this.fingerprint) throw new OtherBaseModelError();
    const body = b.subarray(20);
    let data: Buffer;
    try {
      if (zlib.crc32(body) !== b.readUInt32LE(16)) throw new Error('checksum');
      data = version === 1 ? zlib.inflateRawSync(body) : body;
    } catch {
      throw new Error('the learning delta is corrupt');
    }
    this.reset();
    try {
      const lexLength = data.readUInt32LE(0);
      let at = version === 1 ? 4 : 8;
      this.learnt = parseLexicon(data.toString('utf8', at, at + lexLength), this.model.types.length);
      at += lexLength;
      [this.model.pass1, this.model.pass2].forEach((crf, pass) => {
        if (!crf) return;
        if (version === 1) {
          for (const part of PARTS) at = readVersion1Entries(data, at, crf[part]);
          return;
        }
        const squares = (this.squares[pass] = gradientSquares(crf));
        for (const part of PARTS) at = readLearntEntries(data, at, crf[part], squares[part]);
      });
      if (version > 1) this.calls = data.readUInt32LE(4);
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
    this.calls = 0;
    this.steps = [];
  }
}

/** The indices of the weights the sentences' features reach (each feature's weight for every label), ascending. */
function touchedWeights(sentences: readonly EncodedSentence[], labels: number): Uint32Array {
  const ids = new Set<number>();
  for (const s of sentences) for (const id of s.ids) ids.add(id);
  const features = Uint32Array.from(ids).sort();
  const index = new Uint32Array(features.length * labels);
  features.forEach((id, k) => {
    for (let y = 0; y < labels; y++) index[k * labels + y] = id * labels + y;
  });
  return index;
}

function valuesAt(values: Vector, index: Uint32Array): Float64Array {
  const out = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) out[k] = values[index[k]];
  return out;
}

/**
 * The entries learning changed in one array (its weight differs from the base, or AdaGrad's sum is
 * not zero): their count, each index as the gap from the previous one, the weights (float32, as
 * the model keeps them), AdaGrad's sums (float32: the step sizes they give differ from the kept
 * float64 ones by under 1e-7).
 */
function learntEntries(now: Vector, base: Vector, squares: Float64Array | undefined): Buffer {
  // One scan collects the indices (a learner touches a small part of the weights), then the values are copied.
  const found = new Uint32Array(now.length);
  let n = 0;
  for (let i = 0; i < now.length; i++) if (now[i] !== base[i] || (squares !== undefined && squares[i] !== 0)) found[n++] = i;
  const b = Buffer.alloc(4 + 12 * n);
  b.writeUInt32LE(n, 0);
  const gaps = new Uint32Array(b.buffer, b.byteOffset + 4, n);
  const weights = new Float32Array(n);
  const sums = new Float32Array(n);
  let last = 0;
  for (let k = 0; k < n; k++) {
    const i = found[k];
    gaps[k] = i - last;
    weights[k] = now[i];
    sums[k] = squares ? squares[i] : 0;
    last = i;
  }
  Buffer.from(weights.buffer).copy(b, 4 + 4 * n);
  Buffer.from(sums.buffer).copy(b, 4 + 8 * n);
  return b;
}

/** Reads what `learntEntries` wrote at `at` into the weights and sums; returns where it ends. */
function readLearntEntries(data: Buffer, at: number, weights: Vector, squares: Float64Array): number {
  const n = data.readUInt32LE(at);
  let i = 0;
  for (let k = 0; k < n; k++) {
    i += data.readUInt32LE(at + 4 + 4 * k);
    if (i >= weights.length) throw new Error('index out of range');
    weights[i] = data.readFloatLE(at + 4 + 4 * n + 4 * k);
    squares[i] = data.readFloatLE(at + 4 + 8 * n + 4 * k);
  }
  return at + 4 + 12 * n;
}

/** Reads a version 1 delta's changed weights (count, indices, values) at `at`; returns where they end. */
function readVersion1Entries(data: Buffer, at: number, weights: Vector): number {
  const n = data.readUInt32LE(at);
  for (let k = 0; k < n; k++) {
    const i = data.readUInt32LE(at + 4 + 4 * k);
    if (i >= weights.length) throw new Error('index out of range');
    weights[i] = data.readFloatLE(at + 4 + 4 * n + 4 * k);
  }
  return at + 4 + 8 * n;
}

/** Identifies a base model: a checksum of its types, features and first-pass weights. */
function fingerprintOf(m: Tagger): number {
  let crc = zlib.crc32(m.types.join(' '));
  crc = zlib.crc32(Buffer.from(m.table.hashes.buffer, m.table.hashes.byteOffset, m.table.hashes.byteLength), crc);
  const w = Float32Array.from(m.pass1.weights);
  return zlib.crc32(Buffer.from(w.buffer), crc);
}
