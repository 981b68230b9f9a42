// The model file: "TAWSIMTG", the format version (u32), the header length (u32), the CRC-32 of
// everything after these 20 bytes (u32), a JSON header (types, feature set, calibration, section
// table), then the sections, deflated together: vocabulary, clusters, embeddings, gazetteer,
// lexicon, the data files of the suggestion engine's rules (version 2), feature hashes, and each
// pass's weights (sparse weights as int16 with one scale).
// The spelling list (its own licence) is a separate file beside the model, named in the header
// with its CRC-32. Little-endian throughout.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { writeFileAtomic } from '../io/atomicWrite';
import { IDENTITY, type Calibration } from './calibration';
import { CrfParams } from './crfParams';
import { FeatureExtractor, type FeatureConfig } from './features';
import { FeatureTable } from './featureTable';
import { Gazetteer } from './gazetteer';
import { LabelSet } from './labels';
import { Lexicon } from './lexicon';
import { RuleFeatures } from './ruleFeatures';
import { formatSpellingList, parseSpellingList } from './spelling';
import { Tagger } from './tagger';
import type { TaggerModel } from './types';
import { CLUSTER_LEVELS, WordTable } from './wordTable';

export const MODEL_MAGIC = 'TAWSIMTG';
export const MODEL_FORMAT_VERSION = 2;
/** Versions this code reads: 1 is 2 without the rules' data (models trained without rule features). */
const READABLE_VERSIONS: readonly number[] = [1, MODEL_FORMAT_VERSION];
const PREAMBLE = 20;

export type ModelFileProblem = 'missing' | 'unreadable' | 'not-a-model' | 'version' | 'corrupt' | 'spelling';

export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: ModelFileProblem,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ModelFileError';
  }
}

interface Section {
  readonly name: string;
  readonly offset: number;
  readonly length: number;
}

interface PassHeader {
  readonly nFeatures: number;
  readonly scale: number;
}

interface Header {
  readonly types: readonly string[];
  readonly features: FeatureConfig;
  readonly calibration: Calibration;
  readonly documentSentences: number;
  readonly dim: number;
  readonly embeddingRows: number;
  readonly vocabulary: number;
  readonly pass1: PassHeader;
  readonly pass2?: PassHeader;
  readonly spelling?: { readonly file: string; readonly crc32: number };
  readonly sections: readonly Section[];
}

/** The spelling list's file name beside a model. */
export const SPELLING_FILE = 'ayaspell-unknown.txt';

export function saveModel(taggerModel: TaggerModel, file: string): void {
  if (!(taggerModel instanceof Tagger)) throw new Error('saveModel needs a model made by trainModel or loadModel');
  const model = taggerModel;
  if (os.endianness() !== 'LE') throw new Error('model files are little-endian; this machine is not');
  const sections: { name: string; bytes: Uint8Array }[] = [];
  const add = (name: string, bytes: Uint8Array) => sections.push({ name, bytes });
  const text = (s: string) => new TextEncoder().encode(s);
  const words = model.extractor.wordTable;
  const embeds = model.extractor.has('embedding') && (words?.data.dim ?? 0) > 0;
  let spelling: Header['spelling'];
  if (words) {
    add('vocabulary', text(words.data.forms.join('\n')));
    add('clusters', bytesOf(words.data.clusters));
    // A model without the embedding group carries none (3.2 MB less to load and hold).
    add('embeddings', bytesOf(embeds ? words.data.embeddings : new Int8Array(0)));
    if (words.hasSpelling) {
      const list = formatSpellingList(words.data.forms.filter((_, i) => words.data.spellUnknown[i]));
      writeCompanion(path.join(path.dirname(file), SPELLING_FILE), list);
      spelling = { file: SPELLING_FILE, crc32: zlib.crc32(list) };
    }
  }
  const gaz = model.extractor.gazetteer?.data;
  if (gaz) {
    add('gazetteer.words', text([...gaz.words.keys()].join('\n')));
    add('gazetteer.flags', bytesOf(Uint16Array.from(gaz.words.values())));
    add('gazetteer.phrases', text(gaz.phrases.map((p) => `${p.type}\t${p.stems.join(' ')}`).join('\n')));
    add('gazetteer.wholes', text(gaz.wholes.join('\n')));
  }
  const rules = model.extractor.rules?.data;
  if (rules) add('rules', text(JSON.stringify([...rules.files])));
  const lexicon = model.lexicon;
  if (lexicon) {
    add('lexicon.words', text([...lexicon.words.keys()].join('\n')));
    add('lexicon.counts', bytesOf(Float32Array.from([...lexicon.words.values()].flatMap((e) => Array.from(e.counts)))));
    add('lexicon.phrases', text(formatLexicon(lexicon, true)));
  }
  add('features', bytesOf(model.table.hashes));
  const pass = (name: string, crf: CrfParams): PassHeader => {
    const { scale, values } = quantize(crf.weights);
    add(`${name}.weights`, bytesOf(values));
    add(`${name}.dense`, bytesOf(Float32Array.from(crf.dense)));
    add(`${name}.trans`, bytesOf(Float32Array.from(crf.trans)));
    add(`${name}.start`, bytesOf(Float32Array.from(crf.start)));
    return { nFeatures: crf.nFeatures, scale };
  };
  const pass1 = pass('pass1', model.pass1);
  const pass2 = model.pass2 && pass('pass2', model.pass2);
  let offset = 0;
  const table: Section[] = sections.map((s) => {
    const entry = { name: s.name, offset, length: s.bytes.length };
    offset += align(s.bytes.length);
    return entry;
  });
  const header: Header = {
    types: model.types,
    features: model.extractor.config,
    calibration: model.calibration,
    documentSentences: model.documentSentences,
    dim: embeds ? words!.data.dim : 0,
    embeddingRows: embeds ? words!.embeddingRows : 0,
    vocabulary: words?.size ?? 0,
    pass1,
    pass2,
    spelling,
    sections: table,
  };
  const payload = new Uint8Array(offset);
  sections.forEach((s, i) => payload.set(s.bytes, table[i].offset));
  const headerBytes = text(JSON.stringify(header));
  const body = Buffer.concat([headerBytes, zlib.deflateRawSync(payload, { level: 9 })]);
  const preamble = Buffer.alloc(PREAMBLE);
  preamble.write(MODEL_MAGIC, 0, 'latin1');
  preamble.writeUInt32LE(MODEL_FORMAT_VERSION, 8);
  preamble.writeUInt32LE(headerBytes.length, 12);
  preamble.writeUInt32LE(zlib.crc32(body), 16);
  writeFileAtomic(file, Buffer.concat([preamble, body]));
}

export function loadModel(file: string): Tagger {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ModelFileError(file, 'missing', 'no such model file');
    if (code === 'EISDIR') throw new ModelFileError(file, 'unreadable', 'is a directory, not a model file');
    throw new ModelFileError(file, 'unreadable', `cannot be read (${code ?? (e as Error).message})`);
  }
  if (bytes.length < PREAMBLE || bytes.toString('latin1', 0, 8) !== MODEL_MAGIC) {
    throw new ModelFileError(file, 'not-a-model', 'not a Tawsim tagger model (wrong magic header)');
  }
  const version = bytes.readUInt32LE(8);
  if (!READABLE_VERSIONS.includes(version)) {
    throw new ModelFileError(file, 'version', `model format version ${MODEL_FORMAT_VERSION} expected, got ${version} (retrain the model with this version of Tawsim)`);
  }
  const headerLength = bytes.readUInt32LE(12);
  const body = bytes.subarray(PREAMBLE);
  if (zlib.crc32(body) !== bytes.readUInt32LE(16) || headerLength > body.length) {
    throw new ModelFileError(file, 'corrupt', 'the model file is corrupt (checksum mismatch); copy or train it again');
  }
  let header: Header;
  let payload: Buffer;
  try {
    header = JSON.parse(body.toString('utf8', 0, headerLength)) as Header;
    payload = zlib.inflateRawSync(body.subarray(headerLength));
  } catch {
    throw new ModelFileError(file, 'corrupt', 'the model file is corrupt (unreadable header or data)');
  }
  const section = (name: string): Uint8Array => {
    const s = header.sections.find((x) => x.name === name);
    if (!s || s.offset + s.length > payload.length) throw new ModelFileError(file, 'corrupt', `the model file is corrupt (section ${name} missing)`);
    return new Uint8Array(payload.buffer, payload.byteOffset + s.offset, s.length);
  };
  const has = (name: string) => header.sections.some((s) => s.name === name);
  const str = (name: string) => new TextDecoder().decode(section(name));

  let words: WordTable | undefined;
  if (has('vocabulary')) {
    const forms = str('vocabulary').split('\n');
    const spellUnknown = header.spelling ? readSpelling(file, header.spelling, forms) : new Uint8Array(0);
    words = new WordTable({
      forms,
      clusters: view(section('clusters'), Uint16Array),
      embeddings: view(section('embeddings'), Int8Array),
      dim: header.dim,
      spellUnknown,
    });
    if (forms.length !== header.vocabulary || words.data.clusters.length !== forms.length * CLUSTER_LEVELS) {
      throw new ModelFileError(file, 'corrupt', 'the model file is corrupt (vocabulary sizes disagree)');
    }
  }
  let gazetteer: Gazetteer | undefined;
  if (has('gazetteer.words')) {
    const stems = lines(str('gazetteer.words'));
    const flags = view(section('gazetteer.flags'), Uint16Array);
    if (flags.length !== stems.length) throw new ModelFileError(file, 'corrupt', 'the model file is corrupt (gazetteer sizes disagree)');
    const phrases = lines(str('gazetteer.phrases')).map((l) => {
      const [type, stems] = l.split('\t');
      return { type, stems: stems.split(' ') };
    });
    gazetteer = new Gazetteer({ words: new Map(stems.map((w, i) => [w, flags[i]])), phrases, wholes: lines(str('gazetteer.wholes')) });
  }
  const labels = new LabelSet(header.types);
  let lexicon: Lexicon | undefined;
  if (has('lexicon.words')) {
    const width = header.types.length + 1;
    lexicon = parseLexicon(str('lexicon.phrases'), header.types.length);
    const stems = lines(str('lexicon.words'));
    const counts = Float64Array.from(view(section('lexicon.counts'), Float32Array));
    if (counts.length !== stems.length * width) throw new ModelFileError(file, 'corrupt', 'the model file is corrupt (lexicon sizes disagree)');
    stems.forEach((w, i) => lexicon!.words.set(w, { counts: counts.subarray(i * width, (i + 1) * width) }));
  }
  const table = new FeatureTable(view(section('features'), Uint32Array));
  let rules: RuleFeatures | undefined;
  if (has('rules')) {
    let files: [string, string][];
    try {
      files = JSON.parse(str('rules')) as [string, string][];
    } catch {
      throw new ModelFileError(file, 'corrupt', 'the model file is corrupt (unreadable rule data)');
    }
    rules = new RuleFeatures({ files: new Map(files) });
  } else if (header.features.groups.includes('rules')) {
    throw new ModelFileError(file, 'corrupt', 'the model file is corrupt (section rules missing)');
  }
  const extractor = new FeatureExtractor(header.features, words, gazetteer, rules);
  const pass = (name: string, h: PassHeader): CrfParams => {
    const q = view(section(`${name}.weights`), Int16Array);
    const weights = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) weights[i] = q[i] * h.scale;
    if (weights.length !== h.nFeatures * labels.size) throw new ModelFileError(file, 'corrupt', `the model file is corrupt (${name} has the wrong size)`);
    return new CrfParams(labels, h.nFeatures, weights, view(section(`${name}.dense`), Float32Array), header.features.window, view(section(`${name}.trans`), Float32Array), view(section(`${name}.start`), Float32Array));
  };
  return new Tagger({
    labels,
    extractor,
    table,
    pass1: pass('pass1', header.pass1),
    pass2: header.pass2 && pass('pass2', header.pass2),
    lexicon,
    calibration: header.calibration ?? IDENTITY,
    documentSentences: header.documentSentences,
  });
}

function readSpelling(modelFile: string, spelling: NonNullable<Header['spelling']>, forms: readonly string[]): Uint8Array {
  const file = path.join(path.dirname(modelFile), spelling.file);
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ModelFileError(modelFile, 'spelling', `the spelling list ${spelling.file} must be beside the model (${file} not found)`);
  }
  if (zlib.crc32(content) !== spelling.crc32) {
    throw new ModelFileError(modelFile, 'spelling', `${file} is not the spelling list this model was trained with`);
  }
  const unknown = new Set(parseSpellingList(content));
  return Uint8Array.from(forms, (f) => (unknown.has(f) ? 1 : 0));
}

/** Writes the spelling list beside the model unless the same list is there already. */
function writeCompanion(file: string, content: string): void {
  try {
    if (fs.readFileSync(file, 'utf8') === content) return;
  } catch {
    // not there yet
  }
  writeFileAtomic(file, content);
}

function quantize(weights: ArrayLike<number>): { scale: number; values: Int16Array } {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  const scale = max > 0 ? max / 32767 : 1;
  return { scale, values: Int16Array.from(weights as ArrayLike<number>, (w) => Math.round(w / scale)) };
}

function align(n: number): number {
  return (n + 7) & ~7;
}

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** A typed array over a section's bytes (copied when they are not aligned for the type). */
function view<T extends Int8Array | Int16Array | Uint16Array | Uint32Array | Float32Array>(
  bytes: Uint8Array,
  Type: { new (b: ArrayBuffer, offset: number, length: number): T; new (length: number): T; BYTES_PER_ELEMENT: number },
): T {
  const size = Type.BYTES_PER_ELEMENT;
  if (bytes.byteOffset % size === 0) return new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / size);
  const copy = new Uint8Array(bytes);
  return new Type(copy.buffer, 0, copy.byteLength / size);
}

/** The lines of a section ('' has none). */
function lines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

/** `W\tstem\tc0 c1…` (unless `phrasesOnly`) and `P\tc0 c1…\tstem stem…`. */
export function formatLexicon(lexicon: Lexicon, phrasesOnly = false): string {
  const lines: string[] = [];
  if (!phrasesOnly) for (const [stem, e] of lexicon.words) lines.push(`W\t${stem}\t${Array.from(e.counts).join(' ')}`);
  for (const p of lexicon.phraseEntries) lines.push(`P\t${Array.from(p.entry.counts).join(' ')}\t${p.stems.join(' ')}`);
  return lines.join('\n');
}

export function parseLexicon(text: string, types: number): Lexicon {
  const lexicon = new Lexicon(types);
  for (const line of text.split('\n')) {
    const [kind, a, b] = line.split('\t');
    if (kind === 'W') lexicon.words.set(a, { counts: Float64Array.from(b.split(' '), Number) });
    else if (kind === 'P') lexicon.addCounts(b.split(' '), Float64Array.from(a.split(' '), Number));
  }
  return lexicon;
}
