// The `tawsim` command line: picks the command, turns failures into messages and exit codes.

import { version } from '../../package.json';
import { parseCommandArgs } from './args';
import { exportCommand } from './exportCommand';
import type { CliContext } from './context';
import { evalCommand } from './evalCommand';
import { evalConllCommand } from './evalConllCommand';
import { suggestCommand } from './suggestCommand';
import { tagConllCommand } from './tagConllCommand';
import { trainCommand } from './trainCommand';
import { EVAL_CONLL_HELP, EVAL_HELP, EXIT, EXPORT_HELP, MAIN_HELP, SUGGEST_HELP, TAG_CONLL_HELP, TRAIN_HELP, UsageError } from './usage';

const COMMANDS = {
  suggest: { run: suggestCommand, help: SUGGEST_HELP },
  export: { run: exportCommand, help: EXPORT_HELP },
  'tag-conll': { run: tagConllCommand, help: TAG_CONLL_HELP },
  'eval-conll': { run: evalConllCommand, help: EVAL_CONLL_HELP },
  eval: { run: evalCommand, help: EVAL_HELP },
  train: { run: trainCommand, help: TRAIN_HELP },
} as const;

type CommandName = keyof typeof COMMANDS;

const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(COMMANDS, name);

export async function run(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) throw new UsageError('no command given');
    if (first === '-h' || first === '--help') return help(MAIN_HELP, ctx);
    if (first === '-v' || first === '--version') return help(`${version}\n`, ctx);
    if (first === 'help') {
      if (rest[0] === undefined) return help(MAIN_HELP, ctx);
      if (!isCommand(rest[0])) throw new UsageError(`unknown command "${rest[0]}"`);
      return help(COMMANDS[rest[0]].help, ctx);
    }
    if (!isCommand(first)) throw new UsageError(first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`);
    const command = COMMANDS[first];
    const args = parseCommandArgs(first, rest);
    if (args.help) return help(command.help, ctx);
    return await command.run(args, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.err(`tawsim${e.command ? ` ${e.command}` : ''}: ${e.message}`);
      ctx.err(`Run "tawsim ${e.command ? `${e.command} ` : ''}--help" for usage.`);
      return EXIT.usage;
    }
    ctx.err(`tawsim: ${(e as Error).message}`);
    return EXIT.badInput;
  }
}

function help(text: string, ctx: CliContext): number {
  ctx.out(text);
  return EXIT.ok;
}
