// `tawsim train --conll FILE... [--dev FILE] --out MODEL [--seed N] [--epochs N]`: trains a tagger on
// CoNLL files or folders of Tawsim articles (.txt + .ann, any tag set), reusing the word clusters,
// spelling list and gazetteers of the shipped model (or --clusters DIR and the data folder, as
// `npm run train` does), with progress on standard error.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectArticles } from '../core/export/collectArticles';
import { readTextFile } from '../core/io/readText';
import { nativeOf } from '../core/learning/nativeTypes';
import { articlePaths, loadState } from '../core/session/articleFiles';
import {
  examplesFromAnn,
  loadModel,
  conllLabelProblem,
  readConll,
  readGazetteer,
  readRuleData,
  type RuleData,
  readWordTable,
  saveModel,
  SPELLING_FILE,
  trainModel,
  type GazetteerData,
  type LabelledExample,
  type WordTable,
} from '../core/tagger';
import type { CommandArgs } from './args';
import type { CliContext } from './context';
import { modelFileOf } from './modelFile';
import { EXIT, UsageError } from './usage';

export async function trainCommand(args: CommandArgs, ctx: CliContext): Promise<number> {
  const inputs = [...args.conll, ...args.paths];
  if (inputs.length === 0) throw new UsageError('no training data: give --conll FILE... (CoNLL files, or folders of .txt + .ann)', 'train');
  if (args.out === undefined || args.out === '') throw new UsageError('--out MODEL is required', 'train');
  checkModelOutput(args.out, args.dev === undefined ? inputs : [...inputs, args.dev]);
  const started = Date.now();
  const say = (m: string) => ctx.err(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);

  if (args.tagset !== undefined && args.tagset !== 'anercorp') throw new UsageError(`--tagset takes anercorp (the types of the data mapped to ANERcorp's), not "${args.tagset}"`, 'train');
  const reading: Reading = {
    ...(args.tagset === 'anercorp' ? { tagOf: (type: string) => nativeOf(type, ANERCORP_TYPES) } : {}),
    reviewedOnly: args.reviewedOnly,
  };
  const train = await readExamples(inputs, ctx, reading);
  const dev = args.dev === undefined ? undefined : await readExamples([args.dev], ctx, reading);
  if (train === undefined || (args.dev !== undefined && dev === undefined)) return EXIT.badInput;
  if (train.length === 0) {
    ctx.err(`tawsim: no labelled sentences in ${inputs.join(', ')}`);
    return EXIT.badInput;
  }
  if (dev?.length === 0) {
    ctx.err(`tawsim: no labelled sentences in ${args.dev} (--dev)`);
    return EXIT.badInput;
  }
  say(`${train.length} training sentences${dev ? `, ${dev.length} held-out` : ''}`);

  let words: WordTable | undefined;
  let gazetteer: GazetteerData | undefined;
  let rules: RuleData | undefined;
  if (args.clusters !== undefined) {
    const spelling = path.join(ctx.dataDir, '..', 'models', SPELLING_FILE);
    words = readWordTable(args.clusters, fs.existsSync(spelling) ? spelling : undefined);
    gazetteer = readGazetteer(ctx.dataDir);
    rules = readRuleData(ctx.dataDir);
  } else {
    const base = loadModel(modelFileOf(args, ctx));
    words = base.extractor.wordTable;
    gazetteer = base.extractor.gazetteer?.data;
    rules = base.extractor.rules?.data;
  }
  const model = trainModel({ train, dev, words, gazetteer, rules, seed: args.seed, epochs: args.epochs, onProgress: say });
  fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
  saveModel(model, args.out);
  say(`wrote ${args.out} (${(fs.statSync(args.out).size / 1e6).toFixed(1)} MB)`);
  return EXIT.ok;
}

/**
 * Refuses a model path that is a folder, or that would overwrite the data or land among a data
 * folder's articles (the spelling list is written beside the model, and would be read as one); a
 * hidden folder inside it (the workspace's .tawsim) is not read.
 */
function checkModelOutput(out: string, data: readonly string[]): void {
  const target = path.resolve(out);
  if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out ${out} is a folder; give the model file's path`, 'train');
  for (const input of data) {
    const source = path.resolve(input);
    const isFolder = fs.statSync(source, { throwIfNoEntry: false })?.isDirectory();
    const among = isFolder && target.startsWith(source + path.sep) && !path.relative(source, path.dirname(target)).split(path.sep).some((part) => part.startsWith('.'));
    if (target === source || among) {
      throw new UsageError(`--out ${out} would ${isFolder ? 'be written inside' : 'overwrite'} the training data ${input}; choose a path outside it`, 'train');
    }
  }
}

/** How the inputs become examples: each type's tag (--tagset anercorp), and which sentences of articles (--reviewed-only). */
interface Reading {
  readonly tagOf?: (type: string) => string | undefined;
  readonly reviewedOnly: boolean;
}

/** ANERcorp's types, which --tagset anercorp maps the data's to (PER → PERS, GPE → LOC…). */
const ANERCORP_TYPES = ['PERS', 'LOC', 'ORG', 'MISC'];

/** Labelled sentences of CoNLL files and folders of articles; undefined after reporting a failure. */
async function readExamples(inputs: readonly string[], ctx: CliContext, reading: Reading): Promise<LabelledExample[] | undefined> {
  const out: LabelledExample[] = [];
  const { tagOf } = reading;
  for (const input of inputs) {
    const stat = fs.statSync(input, { throwIfNoEntry: false });
    if (!stat) {
      ctx.err(`tawsim: ${input}: no such file or folder`);
      return undefined;
    }
    if (!stat.isDirectory()) {
      const { text } = await readTextFile(input);
      const problem = conllLabelProblem(text, true);
      if (problem) {
        ctx.err(`tawsim: ${input}: ${problem}; give CoNLL files (a token and its tag a line) or folders of .txt + .ann`);
        return undefined;
      }
      const sentences = readConll(text);
      out.push(...(tagOf ? sentences.map((s) => ({ tokens: s.tokens, labels: s.labels.map((l) => retag(l, tagOf)) })) : sentences));
      continue;
    }
    const { articles } = await collectArticles([input]);
    for (const files of articles) {
      if (!fs.existsSync(files.annPath)) continue;
      const { text } = await readTextFile(files.textPath);
      // The rejections and the annotations taken unseen are in the article's state file (the .ann is read below).
      const state = reading.reviewedOnly ? loadState(articlePaths(files.textPath).state, text) : undefined;
      const rejected = state?.rejected.flatMap((a) => a.spans) ?? [];
      const unseen = state?.unseen ?? [];
      const { examples, problems } = examplesFromAnn(text, (await readTextFile(files.annPath)).text, {
        ...(tagOf ? { tagOf } : {}),
        ...(reading.reviewedOnly ? { reviewedOnly: { rejected, unseen } } : {}),
      });
      for (const p of problems) ctx.err(`tawsim: warning: ${files.annPath}${p.line ? `:${p.line}` : ''}: ${p.message}; not used for training`);
      out.push(...examples);
    }
  }
  return out;
}

/** A BIO label with its type retagged; O when the type has no tag. */
function retag(label: string, tagOf: (type: string) => string | undefined): string {
  if (label === 'O') return label;
  const tag = tagOf(label.slice(2));
  return tag === undefined ? 'O' : `${label.slice(0, 2)}${tag}`;
}
