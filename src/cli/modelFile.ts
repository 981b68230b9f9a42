// Which model file a command uses: --model FILE, or the model shipped in the extension's `models`
// folder (beside `data`, whose location the context gives).

import * as path from 'node:path';
import { DEFAULT_MODEL_FILE } from '../core/tagger';
import type { CommandArgs } from './args';
import type { CliContext } from './context';

export function modelFileOf(args: CommandArgs, ctx: CliContext): string {
  return args.model ?? path.join(ctx.dataDir, '..', 'models', DEFAULT_MODEL_FILE);
}
