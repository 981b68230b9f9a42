// Entry point of dist/server.js: `node dist/server.js --stdio` (or --node-ipc, as VS Code starts it).

import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { WARM_UP_SENTENCES } from './warmUp';

const extensionRoot = path.join(__dirname, '..');
startServer(createConnection(ProposedFeatures.all), {
  dataDir: path.join(extensionRoot, 'data'),
  modelsDir: path.join(extensionRoot, 'models'),
  cliPath: path.join(__dirname, 'cli.js'),
  warmUpSentences: WARM_UP_SENTENCES,
});
