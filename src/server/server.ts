// The Tawsim language server: a thin adapter from LSP to the core. Any editor can use it.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  type Connection,
  DiagnosticSeverity,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { decisionOutcomes, type SourceWeights } from '../core/learning/sourceReliability';
import { typedSpanOf } from '../core/model';
import type { SessionOptions } from '../core/session/articleSession';
import { acceptsUnseen, type ActionResult } from '../core/session/actions';
import { NEWS_SCHEMA } from '../core/schema/defaultSchema';
import { formatConfError } from '../core/schema/confFile';
import { findSchema } from '../core/schema/findSchema';
import { createSuggestionEngine, loadEngineResources } from '../core/suggest';
import type { EngineResources } from '../core/suggest/resources';
import type { SuggestionEngine } from '../core/suggest/types';
import { createEventSuggester, type EventResources, type EventSuggester, loadEventResources } from '../core/events';
import {
  APPLY_ACTION_COMMAND,
  type ApplyActionParams,
  ApplyActionRequest,
  ArticleClosedNotification,
  WillRenameArticleNotification,
  ArticleStateNotification,
  GetArticleStateRequest,
  type InitializationOptions,
  LearnedNotification,
  ResetLearningRequest,
  RetrainModelRequest,
  SaveAnnotationsRequest,
  type TawsimSettings,
} from '../shared/protocol';
import { ArticleHost } from './articleHost';
import { codeActionsFor } from './codeActions';
import { eventCodeActions } from './eventCodeActions';
import { hoverAt } from './hover';
import { ModelHost } from './modelHost';
import { ReliabilityHost } from './reliabilityHost';
import { articleState } from './stateView';
import { changedSpans } from './changedSpans';
import { startWarmUp } from './warmUp';
import { IdleCollector } from './idleCollection';

/** How long an article closed by a rename waits to open under its new name. */
const RENAMED_KEPT_MS = 30000;

export interface ServerOptions {
  /** Folder of the shipped gazetteers and lists. */
  readonly dataDir: string;
  /** Folder of the shipped tagger model and the ANERcorp files retraining uses. */
  readonly modelsDir: string;
  /** The CLI bundle, which retraining runs. */
  readonly cliPath: string;
  /**
   * Milliseconds to wait after a change before suggestions are recomputed and sent (default 0:
   * the changes already received are still taken together, since the timer runs after them).
   */
  readonly typingDelayMs?: number;
  /** Milliseconds to wait after an annotation change before the .ann is written. */
  readonly saveDelayMs?: number;
  /** ANERcorp sentences to warm up on once the first article is shown (see warmUp.ts); none when absent (tests start many servers). */
  readonly warmUpSentences?: number;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const hosts = new Map<string, ArticleHost>();
  const publishTimers = new Map<string, NodeJS.Timeout>();
  /** Counts each article's publications, so that a round of suggesting knows whether it is still the latest. */
  const publishGenerations = new Map<string, number>();
  /** The suggestion failure last reported for each article. */
  const reportedFailures = new Map<string, string>();
  const saveTimers = new Map<string, NodeJS.Timeout>();
  let workspaceRoots: string[] = [];
  let sessionOptions: SessionOptions = {};
  let engine: SuggestionEngine | undefined;
  let models: ModelHost | undefined;
  let reliability: ReliabilityHost | undefined;
  /** The annotator's decisions weigh each kind of suggestion while learning is on. */
  const sourceWeights: SourceWeights = { factor: (source, type) => (reliability && models?.learningEnabled ? reliability.weights.factor(source, type) : 1) };
  let resources: EngineResources | undefined;
  const newEngine = () => createSuggestionEngine((resources ??= loadEngineResources(options.dataDir)), { tagger: models?.source, reliability: sourceWeights });
  const getEngine = () => (engine ??= newEngine());
  let eventResources: EventResources | undefined;
  const newEventSuggester = () => createEventSuggester((eventResources ??= loadEventResources(options.dataDir)));
  let eventSuggester: EventSuggester | undefined;
  const getEventSuggester = () => (eventSuggester ??= newEventSuggester());
  let stopWarmUp: (() => void) | undefined;
  /** Collects the garbage of each round of work once the server is idle (see idleCollection.ts). */
  const idle = new IdleCollector({
    onFailure: (e) => connection.console.warn(`Tawsim cannot collect garbage while idle (${e.message}); an article may take a few milliseconds longer to suggest.`),
  });
  const warmUpOnce = () => {
    // Nothing to warm up for an annotator who works without suggestions (until they are turned on).
    if (!options.warmUpSentences || stopWarmUp || sessionOptions.suggestionsEnabled === false) return;
    stopWarmUp = startWarmUp({
      conllFile: path.join(options.modelsDir, 'anercorp', 'train.conll'),
      // An engine and an event suggester of its own: their caches of ANERcorp's lines go with them.
      engine: newEngine(),
      eventSuggester: newEventSuggester(),
      sentences: options.warmUpSentences,
      done: (report) => {
        idle.workDone();
        connection.console.info(
          'error' in report
            ? `Tawsim did not warm up (${report.error}); the first articles take longer to suggest.`
            : `Tawsim warmed up: ${report.sentences} sentences of ANERcorp suggested in ${Math.round(report.ms)} ms.`,
        );
      },
    });
  };

  /** The model changed (learnt, reset, retrained, switched off): every article is suggested again. */
  const refreshAll = () => {
    for (const host of hosts.values()) {
      host.session.refreshSuggestions();
      publish(host);
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    workspaceRoots = (params.workspaceFolders ?? [])
      .filter((f) => f.uri.startsWith('file:'))
      .map((f) => fileURLToPath(f.uri));
    if (workspaceRoots.length === 0 && params.rootUri?.startsWith('file:')) workspaceRoots = [fileURLToPath(params.rootUri)];
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    sessionOptions = { minConfidence: init.minConfidence, suggestionsEnabled: init.suggestionsEnabled };
    models = new ModelHost({
      modelsDir: options.modelsDir,
      cliPath: options.cliPath,
      workspaceRoot: workspaceRoots[0],
      warn: (message) => void connection.window.showWarningMessage(message),
      onChange: refreshAll,
      onLearned: (sentences, total) => void connection.sendNotification(LearnedNotification, { sentences, total }),
    });
    models.setEnabled(init.modelEnabled ?? true, init.learningEnabled ?? true);
    reliability = new ReliabilityHost({ workspaceRoot: workspaceRoots[0], warn: (message) => void connection.window.showWarningMessage(message) });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [APPLY_ACTION_COMMAND] },
      },
      serverInfo: { name: 'tawsim' },
    };
  });

  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings?.tawsim ?? {}) as TawsimSettings;
    sessionOptions = { minConfidence: settings.suggestions?.minConfidence, suggestionsEnabled: settings.suggestions?.enabled };
    models?.setEnabled(settings.suggestions?.model ?? true, settings.learning?.enabled ?? true);
    for (const host of hosts.values()) host.session.setOptions(sessionOptions);
    refreshAll();
  });

  connection.onShutdown(() => {
    // Decisions still waiting for their debounced save are written before the server goes (a
    // conflict with the file on disk is left as it is: there is nobody left to ask).
    for (const host of hosts.values()) {
      if (!saveTimers.has(host.uri)) continue;
      clearTimeout(saveTimers.get(host.uri));
      saveTimers.delete(host.uri);
      try {
        host.save(false);
      } catch (e) {
        connection.console.error(`Tawsim could not write ${host.paths?.ann}: ${(e as Error).message}`);
      }
    }
    stopWarmUp?.();
    idle.dispose();
    models?.dispose();
  });

  function rootFor(file: string): string {
    const inside = workspaceRoots.filter((r) => !path.relative(r, file).startsWith('..')).sort((a, b) => b.length - a.length);
    return inside[0] ?? path.dirname(file);
  }

  function publish(host: ArticleHost): void {
    clearTimeout(publishTimers.get(host.uri));
    publishTimers.delete(host.uri);
    const generation = (publishGenerations.get(host.uri) ?? 0) + 1;
    publishGenerations.set(host.uri, generation);
    const state = articleState(host);
    reportFailure(host);
    const sent = connection.sendNotification(ArticleStateNotification, state);
    idle.workDone();
    // A long article is suggested in rounds: the next starts once this state is written, and after
    // the messages that arrived in between (a newer or pending publish takes over).
    if (state.suggesting) {
      void sent.then(() => {
        if (hosts.get(host.uri) !== host || publishGenerations.get(host.uri) !== generation || publishTimers.has(host.uri)) return;
        publishTimers.set(host.uri, setTimeout(() => {
          host.session.refreshSuggestions();
          publish(host);
        }, 0));
      });
    }
    void connection.sendDiagnostics({
      uri: host.uri,
      diagnostics: host.session.accepted().filter((a) => a.problem).map((a) => ({
        range: { start: host.document.positionAt(a.spans[0].start), end: host.document.positionAt(a.spans[a.spans.length - 1].end) },
        severity: DiagnosticSeverity.Warning,
        source: 'tawsim',
        message: `${a.id} (${a.type}): ${a.problem}`,
      })),
    });
  }

  /** Says once, with its stack in the log, that suggesting failed for an article (the state lists it as a problem while it lasts). */
  function reportFailure(host: ArticleHost): void {
    const failure = host.session.suggestionFailure;
    if (failure?.message === reportedFailures.get(host.uri)) return;
    if (!failure) {
      reportedFailures.delete(host.uri);
      return;
    }
    reportedFailures.set(host.uri, failure.message);
    connection.console.error(`${host.uri}: ${failure.error.stack ?? failure.error.message}`);
    void connection.window.showErrorMessage(`${failure.message} Please report it with the Tawsim output.`);
  }

  function publishSoon(host: ArticleHost): void {
    clearTimeout(publishTimers.get(host.uri));
    publishTimers.set(host.uri, setTimeout(() => publish(host), options.typingDelayMs ?? 0));
  }

  function saveSoon(host: ArticleHost): void {
    clearTimeout(saveTimers.get(host.uri));
    saveTimers.set(host.uri, setTimeout(() => void save(host), options.saveDelayMs ?? 300));
  }

  async function save(host: ArticleHost, force = false): Promise<{ saved: boolean; message: string }> {
    clearTimeout(saveTimers.get(host.uri));
    saveTimers.delete(host.uri);
    let outcome;
    try {
      outcome = host.save(force);
    } catch (e) {
      const message = `Tawsim could not write ${host.paths?.ann}: ${(e as Error).message}`;
      void connection.window.showErrorMessage(message);
      return { saved: false, message };
    }
    switch (outcome.kind) {
      case 'written':
        return { saved: true, message: `Saved ${host.paths?.ann}.` };
      case 'unchanged':
        return { saved: true, message: 'The annotations were already saved.' };
      case 'not-a-file':
        return { saved: false, message: 'This article is not a file on disk; its annotations cannot be saved.' };
      case 'text-unsaved':
        return { saved: false, message: 'Save the article first: the .ann offsets refer to the saved text.' };
      case 'conflict':
        return resolveConflict(host);
      case 'unreadable':
        void connection.window.showErrorMessage(`Tawsim: ${outcome.reason}.`);
        return { saved: false, message: `${outcome.reason}.` };
    }
  }

  async function resolveConflict(host: ArticleHost): Promise<{ saved: boolean; message: string }> {
    const overwrite = { title: 'Overwrite with the editor’s annotations' };
    const reload = { title: 'Reload from disk' };
    const choice = await connection.window.showWarningMessage(
      `${path.basename(host.paths!.ann)} was changed outside the editor since Tawsim read it. Nothing was written.`,
      overwrite,
      reload,
    );
    if (choice?.title === overwrite.title) return save(host, true);
    if (choice?.title === reload.title) {
      host.reload();
      publish(host);
      return { saved: false, message: `Reloaded ${host.paths!.ann}.` };
    }
    return { saved: false, message: `${host.paths!.ann} changed on disk; not overwritten.` };
  }

  /** Open articles about to be renamed: old URI → new URI. */
  const renaming = new Map<string, string>();
  /** Articles closed by a rename, by their new URI, until they open under it (or a while passes). */
  const renamed = new Map<string, ArticleHost>();
  connection.onNotification(WillRenameArticleNotification, ({ from, to }) => {
    if (hosts.has(from)) renaming.set(from, to);
  });

  connection.onDidOpenTextDocument(({ textDocument: doc }) => {
    const file = doc.uri.startsWith('file:') ? fileURLToPath(doc.uri) : undefined;
    // Its annotations would go into itself.
    if (file && /\.ann$/i.test(file)) {
      void connection.window.showWarningMessage(`Tawsim: ${path.basename(file)} holds the annotations of the .txt beside it; it is not annotated as an article.`);
      return;
    }
    const found = file ? findSchema(file, rootFor(file)) : undefined;
    const moved = renamed.get(doc.uri);
    renamed.delete(doc.uri);
    if (moved && moved.session.text === doc.text && moved.session.schema.origin === (found?.schema ?? NEWS_SCHEMA).origin) {
      moved.moveTo(doc.uri, doc.languageId, doc.version);
      hosts.set(doc.uri, moved);
      if (moved.unsavedAnnotations && moved.textMatchesDisk) saveSoon(moved);
      publish(moved);
      return;
    }
    const schemaProblems = [
      ...(found?.errors ?? []).map((e) => `${formatConfError(e)} (the built-in news schema is used)`),
      ...(found?.warnings ?? []).map(formatConfError),
    ];
    for (const p of schemaProblems) void connection.window.showWarningMessage(`Tawsim: ${p}`);
    let host: ArticleHost;
    try {
      host = new ArticleHost(doc.uri, doc.languageId, doc.version, doc.text, {
        schema: found?.schema ?? NEWS_SCHEMA,
        schemaProblems,
        engine: getEngine(),
        eventSuggester: getEventSuggester(),
        options: sessionOptions,
      });
    } catch (e) {
      void connection.window.showErrorMessage(`Tawsim could not open the annotations of ${doc.uri}: ${(e as Error).message}`);
      return;
    }
    hosts.set(doc.uri, host);
    if (host.problems.length > schemaProblems.length) {
      void connection.window.showWarningMessage(
        `Tawsim: ${host.problems.length - schemaProblems.length} problem(s) reading the annotations of ${path.basename(file ?? doc.uri)}; see the Annotations view. Nothing is lost: unreadable lines are kept as they are.`,
      );
    }
    publish(host);
    warmUpOnce();
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const host = hosts.get(textDocument.uri);
    if (!host) return;
    const removed = host.applyContentChanges(contentChanges, textDocument.version);
    if (removed.some((a) => a.status === 'accepted')) host.unsavedAnnotations = true;
    publishSoon(host);
  });

  connection.onDidSaveTextDocument(({ textDocument }) => {
    const host = hosts.get(textDocument.uri);
    if (!host) return;
    host.markSaved();
    void save(host);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const host = hosts.get(textDocument.uri);
    if (!host) return;
    const to = renaming.get(textDocument.uri);
    renaming.delete(textDocument.uri);
    if (to !== undefined) {
      // Kept for its opening under the new name, decisions on unsaved text included.
      renamed.set(to, host);
      setTimeout(() => renamed.get(to) === host && renamed.delete(to), RENAMED_KEPT_MS).unref();
    } else if (host.unsavedAnnotations && host.textMatchesDisk) void save(host);
    clearTimeout(publishTimers.get(host.uri));
    publishTimers.delete(host.uri);
    publishGenerations.delete(host.uri);
    reportedFailures.delete(host.uri);
    clearTimeout(saveTimers.get(host.uri));
    saveTimers.delete(host.uri);
    hosts.delete(textDocument.uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
    void connection.sendNotification(ArticleClosedNotification, { uri: textDocument.uri });
  });

  function applyAction({ uri, action }: ApplyActionParams): ActionResult {
    const host = hosts.get(uri);
    if (!host) return { changed: false, message: 'That article is not open.' };
    const before = host.session.store.all();
    const pending = { shown: host.session.suggestions(), hidden: host.session.hiddenSuggestions() };
    const undoing = action.kind === 'undo' ? host.session.lastDecision : undefined;
    // Confident suggestions accepted unseen say nothing of the suggestions: the sources' reliability
    // does not count them, and the tagger learns their sentences once the annotator decides something there.
    const unseen = acceptsUnseen(action);
    const result = host.session.perform(action);
    if (!result.changed) return result;
    host.unsavedAnnotations = true;
    if (host.textMatchesDisk) saveSoon(host);
    if (!unseen) weigh(host, pending, undoing);
    publish(host);
    if (undoing === undefined) {
      if (!unseen) models?.teach(host, changedSpans(before, host.session.store.all()), host.session.lastDecision!);
      return result;
    }
    return models?.unlearn(undoing) ? { ...result, message: `${result.message} The tagger forgot what it learnt from it.` } : result;
  }

  /** Counts what a decision said of the suggestions pending before it (or takes back what an undone one said); the other articles follow a visible change. */
  function weigh(host: ArticleHost, pending: Parameters<typeof decisionOutcomes>[0], undoing: number | undefined): void {
    if (!reliability || !models?.learningEnabled) return;
    const changed =
      undoing === undefined
        ? reliability.judge(host.session.lastDecision!, decisionOutcomes(pending, { accepted: host.session.accepted().map(typedSpanOf), rejected: host.session.rejected().map(typedSpanOf) }))
        : reliability.unjudge(undoing);
    if (!changed) return;
    for (const other of hosts.values()) {
      if (other === host) continue;
      other.session.refreshSuggestions();
      publish(other);
    }
  }

  connection.onRequest(ApplyActionRequest, applyAction);
  connection.onExecuteCommand(({ command, arguments: args }) => {
    if (command !== APPLY_ACTION_COMMAND || !args?.[0]) return;
    const result = applyAction(args[0] as ApplyActionParams);
    if (!result.changed) void connection.window.showInformationMessage(`Tawsim: ${result.message}`);
    return result;
  });
  connection.onRequest(SaveAnnotationsRequest, ({ uri }) => {
    const host = hosts.get(uri);
    return host ? save(host) : { saved: false, message: 'That article is not open.' };
  });
  connection.onRequest(GetArticleStateRequest, ({ uri }) => {
    const host = hosts.get(uri);
    return host ? articleState(host) : null;
  });

  connection.onRequest(ResetLearningRequest, () => {
    if (!models) return { message: 'The server is not initialized.' };
    // The weights first: forgetting the model recomputes every article's suggestions.
    const left = [...(reliability?.reset() ?? []), ...models.reset()];
    const forgot = 'Tawsim forgot what it learnt in this workspace; suggestions come from the shipped model again.';
    return { message: left.length ? `${forgot} It could not delete ${left.join(', ')}: delete ${left.length === 1 ? 'it' : 'them'} by hand, or what was learnt comes back when the editor restarts.` : forgot };
  });
  connection.onRequest(RetrainModelRequest, async () => {
    if (!models) return { trained: false, message: 'The server is not initialized.' };
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Tawsim: retraining the tagger', undefined, 'reading ANERcorp and the workspace’s annotations', false);
    try {
      return await models.retrain(workspaceRoots, (message) => progress.report(message));
    } finally {
      progress.done();
    }
  });

  connection.onHover(({ textDocument, position }) => {
    const host = hosts.get(textDocument.uri);
    return host ? hoverAt(host, host.document.offsetAt(position)) : null;
  });

  connection.onCodeAction(({ textDocument, range }) => {
    const host = hosts.get(textDocument.uri);
    if (!host) return [];
    const start = host.document.offsetAt(range.start);
    const end = host.document.offsetAt(range.end);
    return [...eventCodeActions(host, start, end), ...codeActionsFor(host, start, end)];
  });

  connection.listen();
}
