// Tawsim's custom LSP messages, shared by the VS Code client and the language server.
// Other editors can use them too (see README: "Language server for other editors").

import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Span } from '../core/model';
import type { TypeDef } from '../core/schema/types';
import type { ActionResult, AnnotationAction, EventTarget } from '../core/session/actions';

export type { ActionResult, AnnotationAction };

/** An entity or event type as the client shows it. */
export type TypeView = Pick<TypeDef, 'name' | 'label' | 'arabicLabel' | 'color' | 'themeColor' | 'shortcut'>;

export type ItemStatus = 'suggested' | 'accepted' | 'rejected';

/** One annotation or suggestion of an article. */
export interface ItemView {
  /** `T<n>`/`X<n>` for stored annotations; `S:<start>:<end>:<type>` for suggestions. */
  readonly id: string;
  readonly status: ItemStatus;
  readonly type: string;
  /** UTF-16 offsets. */
  readonly spans: readonly Span[];
  readonly text: string;
  /** 0-based line of the first span. */
  readonly line: number;
  readonly confidence?: number;
  /** The engine's own confidence of a suggestion whose kind the annotator's decisions weighed down. */
  readonly baseConfidence?: number;
  readonly source?: string;
  /** Why an annotation loaded from the .ann does not match the text. */
  readonly problem?: string;
  /** Accepted by Accept Confident Entity Suggestions, and no decision in its sentence since. */
  readonly unseen?: true;
}

/** An event type with its roles, for the client's pickers. */
export interface EventTypeView extends TypeView {
  /** `max` null: any number (JSON has no Infinity); `targets` empty: any entity type. */
  readonly roles: readonly { readonly name: string; readonly targets: readonly string[]; readonly max: number | null }[];
}

/** An argument of an event as the client shows it. */
export interface ArgumentView {
  readonly role: string;
  /** The entity's id when it is an accepted annotation (always, for accepted events). */
  readonly id?: string;
  readonly type: string;
  readonly spans: readonly Span[];
  readonly text: string;
}

/** An accepted or suggested event. */
export interface EventView {
  /** `E<n>` for accepted events; `V:<start>:<end>:<type>` (trigger span) for suggestions. */
  readonly id: string;
  readonly status: Exclude<ItemStatus, 'rejected'>;
  readonly type: string;
  readonly trigger: { readonly id?: string; readonly spans: readonly Span[]; readonly text: string };
  /** 0-based line of the trigger. */
  readonly line: number;
  readonly arguments: readonly ArgumentView[];
  readonly confidence?: number;
  readonly source?: string;
}

export interface ArticleState {
  readonly uri: string;
  /** The document version the state was computed for. */
  readonly version: number;
  readonly schemaOrigin: string;
  readonly entityTypes: readonly TypeView[];
  /** Entities (event triggers are in `events`). */
  readonly items: readonly ItemView[];
  readonly eventTypes: readonly EventTypeView[];
  readonly events: readonly EventView[];
  /** Entities and events together. */
  readonly counts: { readonly accepted: number; readonly suggested: number; readonly rejected: number };
  /** Where the annotations are saved (brat `.ann`), if the article is a file. */
  readonly annPath?: string;
  /** Problems found while loading the .ann or the schema, for the tree and the status bar. */
  readonly problems: readonly string[];
  /**
   * Present while a long article is still being suggested: the lines that have suggestions (some
   * may still change), of all its lines. More states follow until it is gone.
   */
  readonly suggesting?: { readonly doneLines: number; readonly totalLines: number };
  /** What the `undo` action would take back: the message the decision gave. */
  readonly undo?: string;
  /** What the `redo` action would make again. */
  readonly redo?: string;
}

/** Server → client, after every change of an article's annotations or suggestions. */
export const ArticleStateNotification = new NotificationType<ArticleState>('tawsim/articleState');

/** Server → client: the tagger learnt from sentences the annotator finished reviewing. */
export interface LearnedParams {
  /** Sentences learnt from this time. */
  readonly sentences: number;
  /** Sentences learnt from since the server started. */
  readonly total: number;
}
export const LearnedNotification = new NotificationType<LearnedParams>('tawsim/learned');

/** Server → client: an article was closed; forget its state. */
export const ArticleClosedNotification = new NotificationType<{ uri: string }>('tawsim/articleClosed');

/**
 * Client → server: an open article is about to be renamed or moved. Its closing under the old name
 * then keeps its session (decisions made on unsaved text included) for its opening under the new one.
 */
export const WillRenameArticleNotification = new NotificationType<{ from: string; to: string }>('tawsim/willRenameArticle');

export interface ApplyActionParams {
  readonly uri: string;
  readonly action: AnnotationAction;
}

/** Client → server: change annotations. */
export const ApplyActionRequest = new RequestType<ApplyActionParams, ActionResult, void>('tawsim/applyAction');

/** Client → server: write the article's annotations to its `.ann` now. */
export const SaveAnnotationsRequest = new RequestType<{ uri: string }, { saved: boolean; message: string }, void>(
  'tawsim/saveAnnotations',
);

/** Client → server: ask for an article's state (for example when its editor becomes active). */
export const GetArticleStateRequest = new RequestType<{ uri: string }, ArticleState | null, void>('tawsim/articleState');

/**
 * The LSP `workspace/executeCommand` command the server offers in code actions and hovers; its one
 * argument is an `ApplyActionParams`.
 */
export const APPLY_ACTION_COMMAND = 'tawsim.applyAction';

/**
 * The client's "change type" command (a quick pick of types), linked from hovers; its one argument
 * is `{ uri, item: ItemView }`. Editors other than VS Code show the types as code actions instead.
 */
export const CHANGE_TYPE_COMMAND = 'tawsim.changeType';

/** Client commands linked from event hovers (VS Code); their one argument is `{ uri, event: EventView }`. */
export const CHANGE_EVENT_TYPE_COMMAND = 'tawsim.changeEventType';
export const ADD_ARGUMENT_COMMAND = 'tawsim.addArgument';
export const REMOVE_ARGUMENT_COMMAND = 'tawsim.removeArgument';

/** Ids of suggestions: stable while their span and type are. */
export function suggestionId(s: { start: number; end: number; type: string }): string {
  return `S:${s.start}:${s.end}:${s.type}`;
}

/** Ids of event suggestions, from the trigger span and the event type. */
export function eventSuggestionId(trigger: { start: number; end: number }, type: string): string {
  return `V:${trigger.start}:${trigger.end}:${type}`;
}

/** Client → server: forget what the tagger learnt in this workspace. */
export const ResetLearningRequest = new RequestType0<{ message: string }, void>('tawsim/resetLearning');

/**
 * Client → server: retrain the tagger on ANERcorp plus every accepted annotation in the workspace
 * folders; the server reports progress with `window/workDoneProgress/create` and `$/progress`.
 */
export const RetrainModelRequest = new RequestType0<{ trained: boolean; message: string }, void>('tawsim/retrainModel');

/** Options the client passes in `initializationOptions`. */
export interface InitializationOptions {
  readonly minConfidence?: number;
  readonly suggestionsEnabled?: boolean;
  /** Use the trained tagger (default true); false leaves the rules alone. */
  readonly modelEnabled?: boolean;
  /** Let the tagger learn from the annotator's decisions (default true). */
  readonly learningEnabled?: boolean;
}

/** The `tawsim` settings section the server reads (workspace/didChangeConfiguration). */
export interface TawsimSettings {
  readonly suggestions?: { readonly enabled?: boolean; readonly minConfidence?: number; readonly model?: boolean };
  readonly learning?: { readonly enabled?: boolean };
}

/** The action form of an event view (accepting it, or accepting it as another type). */
export function eventTarget(e: EventView, type = e.type): EventTarget {
  return {
    type,
    trigger: { start: e.trigger.spans[0].start, end: e.trigger.spans[e.trigger.spans.length - 1].end },
    arguments: e.arguments.map((a) => ({ role: a.role, start: a.spans[0].start, end: a.spans[a.spans.length - 1].end, type: a.type })),
  };
}
