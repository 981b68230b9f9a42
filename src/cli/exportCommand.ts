// `tawsim export PATH... --format F --out DIR`: accepted annotations to brat, JSONL or CoNLL.

import { exportArticles, unseenSummary } from '../core/export';
import type { CommandArgs } from './args';
import type { CliContext } from './context';
import { EXIT, UsageError } from './usage';

export async function exportCommand(args: CommandArgs, ctx: CliContext): Promise<number> {
  if (args.paths.length === 0) throw new UsageError('no PATH given', 'export');
  if (args.format === undefined) throw new UsageError('--format is required (brat, jsonl or conll)', 'export');
  if (args.minConfidence !== undefined) throw new UsageError('--min-confidence applies to suggest only', 'export');
  if (args.out === undefined) throw new UsageError('--out DIR is required', 'export');
  const report = await exportArticles({
    inputs: args.paths,
    format: args.format,
    outDir: args.out,
    schemaRoot: ctx.cwd,
  });
  const failed = new Set(report.failed);
  for (const p of report.problems) ctx.err(failed.has(p.file) ? `tawsim: ${p.message}` : `tawsim: warning: ${p.message}`);
  const files = report.filesWritten.length;
  ctx.out(`Exported ${report.articles} article(s), ${report.annotations} annotation(s), to ${report.outDir} (${files} file(s) written).${unseenSummary(report)}\n`);
  return failed.size ? EXIT.badInput : EXIT.ok;
}
