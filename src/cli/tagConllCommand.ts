// `tawsim tag-conll [--tagset anercorp|news] [--model FILE]`: tags tokens read from standard input,
// one a line (extra columns ignored, a blank line ends a sentence), and writes `token TAG` lines
// with the same tokens and blank lines. A line of only spaces or tabs is refused: it is neither a
// token nor, visibly, a sentence end.

import * as fs from 'node:fs';
import { schemaTypesOf } from '../core/learning/nativeTypes';
import { NEWS_SCHEMA } from '../core/schema/defaultSchema';
import { loadModel } from '../core/tagger';
import type { CommandArgs } from './args';
import type { CliContext } from './context';
import { modelFileOf } from './modelFile';
import { EXIT, UsageError } from './usage';

const TAGSETS = ['anercorp', 'news'];

export async function tagConllCommand(args: CommandArgs, ctx: CliContext): Promise<number> {
  if (args.paths.length) throw new UsageError('takes no FILE: it reads tokens from standard input', 'tag-conll');
  const tagset = args.tagset ?? 'anercorp';
  if (!TAGSETS.includes(tagset)) throw new UsageError(`unknown tagset "${tagset}"; use ${TAGSETS.join(' or ')}`, 'tag-conll');
  const input = readStandardInput();
  if (typeof input !== 'string') {
    ctx.err(`tawsim: standard input: ${input.problem}`);
    return EXIT.badInput;
  }
  const lines = input.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines[lines.length - 1] === '') lines.pop();
  const tokens: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (line !== '' && line.trim() === '') {
      ctx.err(`tawsim: standard input: line ${i + 1} has only spaces; a sentence ends at an empty line, and a token cannot be blank`);
      return EXIT.badInput;
    }
    if (line !== '') tokens.push(line.trim().split(/[ \t]+/)[0]);
  }
  if (tokens.length === 0) {
    ctx.err('tawsim: standard input: no tokens (one token a line expected, an empty line between sentences)');
    return EXIT.badInput;
  }
  const model = loadModel(modelFileOf(args, ctx));
  const sentences: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length) sentences.push(current);
      current = [];
    } else current.push(line.trim().split(/[ \t]+/)[0]);
  }
  if (current.length) sentences.push(current);
  const labels = model.tagDocuments(sentences).flatMap((tags) => tags.tokens.map((t) => (tagset === 'news' ? newsLabel(t.label) : t.label)));
  let k = 0;
  ctx.out(lines.map((line) => (line === '' ? '' : `${tokens[k]} ${labels[k++]}`)).join('\n') + '\n');
  return EXIT.ok;
}

/** A label in the news schema: ANERcorp's types mapped (PERS → PER, LOC → GPE), the schema's own kept, others (MISC) left out. */
function newsLabel(label: string): string {
  if (label === 'O') return label;
  const news = schemaTypesOf(label.slice(2), NEWS_SCHEMA)[0];
  return news ? `${label.slice(0, 2)}${news}` : 'O';
}

/** Standard input as UTF-8 text (a BOM dropped), or why it is not. */
function readStandardInput(): string | { problem: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(0);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EOF') return '';
    return { problem: `cannot be read (${(e as Error).message})` };
  }
  if (bytes.includes(0)) return { problem: 'binary data (NUL bytes), not text' };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'not valid UTF-8 text' };
  }
}
