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
}

export function parseCommandArgs(command: string, args: readonly string[]): CommandArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        'min-confidence': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(describeParseError(e as Error & { code?: string }), command);
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
  return { paths: parsed.positionals, format: format as ExportFormat | undefined, out, minConfidence, help: help ?? false };
}

function describeParseError(e: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  return e.message.charAt(0).toLowerCase() + e.message.slice(1);
}
