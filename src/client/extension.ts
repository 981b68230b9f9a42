// Tawsim's VS Code extension: starts the language server and shows what it says.

import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import {
  ADD_ARGUMENT_COMMAND,
  APPLY_ACTION_COMMAND,
  CHANGE_EVENT_TYPE_COMMAND,
  REMOVE_ARGUMENT_COMMAND,
  ArticleClosedNotification,
  LearnedNotification,
  ArticleStateNotification,
  CHANGE_TYPE_COMMAND,
  type InitializationOptions,
} from '../shared/protocol';
import { ARTICLE_LANGUAGE, detectArticle } from './articleLanguage';
import { ArticleStates } from './articleStates';
import { registerCommands } from './commands';
import { Decorations } from './decorations';
import { registerExportCommand } from './exportCommand';
import { registerSidecarRenames } from './sidecarRenames';
import { StatusBar } from './statusBar';
import { AnnotationsTree } from './tree';

/** What `activate` returns: the extension's parts, for the extension-host tests. */
export interface TawsimApi {
  readonly client: LanguageClient;
  readonly states: ArticleStates;
  readonly tree: AnnotationsTree;
  readonly statusBar: StatusBar;
  readonly decorations: Decorations;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<TawsimApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const settings = vscode.workspace.getConfiguration('tawsim');
  const initializationOptions: InitializationOptions = {
    minConfidence: settings.get<number>('suggestions.minConfidence'),
    suggestionsEnabled: settings.get<boolean>('suggestions.enabled'),
    modelEnabled: settings.get<boolean>('suggestions.model'),
    learningEnabled: settings.get<boolean>('learning.enabled'),
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: ARTICLE_LANGUAGE },
      { scheme: 'untitled', language: ARTICLE_LANGUAGE },
    ],
    synchronize: { configurationSection: 'tawsim' },
    initializationOptions,
    markdown: { isTrusted: { enabledCommands: [APPLY_ACTION_COMMAND, CHANGE_TYPE_COMMAND, CHANGE_EVENT_TYPE_COMMAND, ADD_ARGUMENT_COMMAND, REMOVE_ARGUMENT_COMMAND] } },
  };
  client = new LanguageClient('tawsim', 'Tawsim', serverOptions, clientOptions);

  const states = new ArticleStates();
  const decorations = new Decorations(states);
  const tree = new AnnotationsTree(states);
  const statusBar = new StatusBar(states);
  context.subscriptions.push(states, decorations, tree, statusBar);

  registerCommands(client, states, tree, context);
  registerExportCommand(client, context);
  registerSidecarRenames(client, states, context);

  client.onNotification(ArticleStateNotification, (state) => states.set(state));
  client.onNotification(ArticleClosedNotification, ({ uri }) => states.delete(uri));
  client.onNotification(LearnedNotification, ({ sentences, total }) => statusBar.learned(sentences, total));
  await client.start();

  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => detectArticle(context, d)));
  await Promise.all(vscode.workspace.textDocuments.map((d) => detectArticle(context, d)));

  return { client, states, tree, statusBar, decorations };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
