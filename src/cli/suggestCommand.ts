// `tawsim suggest FILE... [--format F] [--out DIR]`: suggestions for plain-text articles.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomicAsync } from '../core/io/atomicWrite';
import { readTextFile } from '../core/io/readText';
import { formatConfError } from '../core/schema/confFile';
import { findSchema } from '../core/schema/findSchema';
import { articlePaths } from '../core/session/articleFiles';
import { createSuggestionEngine, loadEngineResources } from '../core/suggest';
import { DEFAULT_MIN_CONFIDENCE, type SuggestionEngine } from '../core/suggest/types';
import { loadModel, type TaggerModel } from '../core/tagger';
import { createEventSuggester, type EventSuggester, loadEventResources } from '../core/events';
import type { TaggerSource } from '../core/suggest';
import type { CommandArgs } from './args';
import { modelFileOf } from './modelFile';
import type { CliContext } from './context';
import { formatSuggestions, SUGGEST_EXTENSIONS } from './suggestOutput';
import { EXIT, UsageError } from './usage';

export async function suggestCommand(args: CommandArgs, ctx: CliContext): Promise<number> {
  if (args.paths.length === 0) throw new UsageError('no FILE given', 'suggest');
  if (args.paths.length > 1 && args.out === undefined) throw new UsageError('several FILEs need --out DIR (one output per input)', 'suggest');
  const format = args.format ?? 'brat';
  const targets = outputPaths(args, SUGGEST_EXTENSIONS[format]);

  let engine: SuggestionEngine | undefined;
  let eventSuggester: EventSuggester | undefined;
  let code: number = EXIT.ok;
  for (const [i, file] of args.paths.entries()) {
    let text: string;
    try {
      text = (await readTextFile(file)).text;
    } catch (e) {
      ctx.err(`tawsim: ${(e as Error).message}`);
      code = EXIT.badInput;
      continue;
    }
    const found = findSchema(file, ctx.cwd);
    for (const e of found.errors) ctx.err(`tawsim: ${formatConfError(e)} (the built-in news schema is used)`);
    for (const w of found.warnings) ctx.err(`tawsim: warning: ${formatConfError(w)}`);
    engine ??= createSuggestionEngine(loadEngineResources(ctx.dataDir), { tagger: taggerFor(args, ctx) });
    const min = args.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
    const suggestions = engine.suggest({ text, schema: found.schema, accepted: [], rejected: [] }).filter((s) => s.confidence >= min);
    eventSuggester ??= createEventSuggester(loadEventResources(ctx.dataDir));
    const events = found.schema.events.length
      ? eventSuggester
          .suggest({ text, schema: found.schema, entities: suggestions.map((s) => ({ ...s, accepted: false })), acceptedTriggers: [], rejected: [] })
          .filter((e) => e.confidence >= min)
      : [];
    const id = path.relative(ctx.cwd, path.resolve(file)).split(path.sep).join('/');
    const output = formatSuggestions(format, id, text, suggestions, events);
    const target = targets?.[i];
    if (target === undefined) ctx.out(output);
    else {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await writeFileAtomicAsync(target, output);
    }
  }
  return code;
}

/** DIR/<name><ext> for each input, refusing two inputs with one output and overwriting an input or its .ann. */
function outputPaths(args: CommandArgs, ext: string): string[] | undefined {
  if (args.out === undefined) return undefined;
  if (fs.existsSync(args.out) && !fs.statSync(args.out).isDirectory()) throw new UsageError(`--out ${args.out} is a file; give a folder`, 'suggest');
  const inputs = args.paths.map((p) => path.resolve(p));
  const untouchable = new Set(inputs.flatMap((p) => [p, articlePaths(p).ann]));
  const seen = new Map<string, string>();
  return inputs.map((input, i) => {
    const target = path.join(path.resolve(args.out!), path.parse(input).name + ext);
    const other = seen.get(target);
    if (other !== undefined) throw new UsageError(`${other} and ${args.paths[i]} would both be written to ${target}`, 'suggest');
    if (untouchable.has(target)) throw new UsageError(`${target} is an input or its annotations; choose another --out folder`, 'suggest');
    seen.set(target, args.paths[i]);
    return target;
  });
}

/** The trained tagger (`--model FILE` or the shipped one); without a usable model, the rules alone, said on stderr. */
function taggerFor(args: CommandArgs, ctx: CliContext): TaggerSource {
  let model: TaggerModel | undefined;
  try {
    model = loadModel(modelFileOf(args, ctx));
  } catch (e) {
    if (args.model !== undefined) throw e;
    ctx.err(`tawsim: warning: ${(e as Error).message}; suggesting with the rules alone`);
  }
  return { model: () => model, generation: 0 };
}
