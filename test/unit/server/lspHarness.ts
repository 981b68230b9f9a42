// An in-process LSP client talking to the real Tawsim server over in-memory streams.

import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  type ProtocolConnection,
  ShowMessageRequest,
  type ShowMessageRequestParams,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { type ServerOptions, startServer } from '../../../src/server/server';
import { type ArticleState, ArticleStateNotification } from '../../../src/shared/protocol';

export const REPO = path.resolve(__dirname, '..', '..', '..', '..');

export class LspHarness {
  readonly client: ProtocolConnection;
  private readonly waiters: { uri: string; test: (s: ArticleState) => boolean; resolve: (s: ArticleState) => void }[] = [];
  readonly states = new Map<string, ArticleState>();
  /** Answers the server's questions (window/showMessageRequest) with the action of this title. */
  answer: (params: ShowMessageRequestParams) => string | undefined = () => undefined;
  readonly questions: ShowMessageRequestParams[] = [];
  /** The server's log messages (window/logMessage). */
  readonly logs: string[] = [];
  private versions = new Map<string, number>();

  private constructor(workspace: string, modelsDir: string, saveDelayMs: number, more: Partial<ServerOptions>) {
    const up = new PassThrough();
    const down = new PassThrough();
    startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), {
      dataDir: path.join(REPO, 'data'),
      modelsDir,
      cliPath: path.join(REPO, 'dist', 'cli.js'),
      typingDelayMs: 1,
      saveDelayMs,
      ...more,
    });
    this.client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    this.client.onNotification(ArticleStateNotification, (state) => {
      this.states.set(state.uri, state);
      for (const w of [...this.waiters]) {
        if (w.uri === state.uri && w.test(state)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(state);
        }
      }
    });
    this.client.onNotification(LogMessageNotification.type, ({ message }) => this.logs.push(message));
    this.client.onRequest(ShowMessageRequest.type, (params) => {
      this.questions.push(params);
      const title = this.answer(params);
      return params.actions?.find((a) => a.title === title) ?? null;
    });
    this.client.listen();
    this.workspace = workspace;
  }

  readonly workspace: string;

  /** `saveDelayMs`: how long the server waits before writing a decision's .ann; `more`: other server options. */
  static async start(workspace: string, initializationOptions: object = {}, modelsDir = path.join(REPO, 'models'), saveDelayMs = 1, more: Partial<ServerOptions> = {}): Promise<LspHarness> {
    const h = new LspHarness(workspace, modelsDir, saveDelayMs, more);
    await h.client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: pathToFileURL(workspace).toString(),
      capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'ws' }],
      initializationOptions,
    });
    await h.client.sendNotification(InitializedNotification.type, {});
    return h;
  }

  uri(file: string): string {
    return pathToFileURL(file).toString();
  }

  /** The next state of `uri` that passes `test`. */
  nextState(uri: string, test: (s: ArticleState) => boolean = () => true, timeoutMs = 5000): Promise<ArticleState> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching state for ${uri}`)), timeoutMs);
      this.waiters.push({ uri, test, resolve: (s) => { clearTimeout(timer); resolve(s); } });
    });
  }

  /** Opens an article; resolves with its first complete state (a long one is suggested in rounds), or its very first with `complete` false. */
  async open(file: string, text: string, complete = true): Promise<ArticleState> {
    const uri = this.uri(file);
    this.versions.set(uri, 1);
    const state = this.nextState(uri, (s) => !complete || !s.suggesting);
    await this.client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'arabic-article', version: 1, text },
    });
    return state;
  }

  async change(file: string, changes: TextDocumentContentChangeEvent[]): Promise<ArticleState> {
    const uri = this.uri(file);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const state = this.nextState(uri, (s) => s.version === version && !s.suggesting);
    await this.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return state;
  }

  async save(file: string): Promise<void> {
    await this.client.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: this.uri(file) } });
  }

  async close(file: string): Promise<void> {
    await this.client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri(file) } });
  }

  dispose(): void {
    this.client.dispose();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value, for effects the server performs after a short delay. */
export async function eventually<T>(check: () => T | undefined, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(10);
  }
}
