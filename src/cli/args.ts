// Parsing a command's arguments with node:util parseArgs, turning its errors into UsageErrors.

import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat } from '../core/export';
import { UsageError } from './usage';

export interface CommandArgs {
  readonly paths: string[];
  readonly format?: ExportFormat;
  readonly out?: string;
  readonly minConfidence?: number;
  readonly help: boolean;
  /** tag-conll: anercorp or news. */
  readonly tagset?: string;
  /** suggest, tag-conll, train: a model file. */
  readonly model?: string;
  /** train: CoNLL files or folders of .txt + .ann. */
  readonly conll: string[];
  /** train: held-out data. */
  readonly dev?: string;
  /** train: a folder with clusters.tsv and the embeddings (instead of the model's). */
  readonly clusters?: string;
  readonly seed?: number;
  readonly epochs?: number;
  /** train: from folders of articles, only the sentences the annotator worked on. */
  readonly reviewedOnly: boolean;
}

/** The options of each command (all commands also take -h/--help). */
const OPTIONS = {
  suggest: ['format', 'out', 'min-confidence', 'model'],
  export: ['format', 'out', 'min-confidence'],
  'tag-conll': ['tagset', 'model'],
  'eval-conll': [],
  eval: [],
  train: ['conll', 'dev', 'out', 'model', 'clusters', 'seed', 'epochs', 'tagset', 'reviewed-only'],
} as const satisfies Record<string, readonly string[]>;

const OPTION_SPECS = {
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  'min-confidence': { type: 'string' },
  tagset: { type: 'string' },
  model: { type: 'string', short: 'm' },
  conll: { type: 'string', multiple: true },
  dev: { type: 'string' },
  clusters: { type: 'string' },
  seed: { type: 'string' },
  epochs: { type: 'string' },
  'reviewed-only': { type: 'boolean' },
} as const;

export function parseCommandArgs(command: string, args: readonly string[]): CommandArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { ...OPTION_SPECS, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    throw new UsageError(describeParseError(e as Error & { code?: string }), command);
  }
  const names: readonly string[] = OPTIONS[command as keyof typeof OPTIONS] ?? [];
  for (const name of Object.keys(parsed.values)) {
    if (name !== 'help' && !names.includes(name)) throw new UsageError(`unknown option --${name}`, command);
  }
  const { format, out, help } = parsed.values;
  if (format !== undefined && !EXPORT_FORMATS.includes(format as ExportFormat)) {
    throw new UsageError(`unknown format "${format}"; use ${EXPORT_FORMATS.join(', ')}`, command);
  }
  if (out === '') throw new UsageError('--out needs a folder', command);
  const min = parsed.values['min-confidence'];
  const minConfidence = min === undefined ? undefined : Number(min);
  if (minConfidence !== undefined && !(min!.trim() !== '' && minConfidence >= 0 && minConfidence <= 1)) {
    throw new UsageError(`--min-confidence needs a number from 0 to 1, not "${min}"`, command);
  }
  const v = parsed.values;
  return {
    paths: parsed.positionals,
    format: format as ExportFormat | undefined,
    out,
    minConfidence,
    help: help ?? false,
    tagset: v.tagset,
    model: v.model,
    conll: v.conll ?? [],
    dev: v.dev,
    clusters: v.clusters,
    seed: integerOption('seed', v.seed, 0, command),
    epochs: integerOption('epochs', v.epochs, 1, command),
    reviewedOnly: v['reviewed-only'] ?? false,
  };
}

function integerOption(name: string, value: string | undefined, min: number, command: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} needs a whole number from ${min}, not "${value}"`, command);
  return n;
}

function describeParseError(e: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  return e.message.charAt(0).toLowerCase() + e.message.slice(1);
}
