// The "Annotations" view: type (count) → distinct text (mentions) → each mention in context. Its
// filters show everything (accepted and suggested), one of the two, or the rejected suggestions,
// which are otherwise seen nowhere.

import * as vscode from 'vscode';
import { normalizeForMatching } from '../core/text/normalize';
import { snippetAround } from '../core/text/snippet';
import type { ArgumentView, ArticleState, EventView, ItemView, TypeView } from '../shared/protocol';
import type { ArticleStates } from './articleStates';

export type Filter = 'all' | 'suggested' | 'accepted' | 'rejected';

export interface TypeNode { readonly kind: 'type'; readonly uri: string; readonly type: TypeView; readonly groups: GroupNode[] }
export interface GroupNode { readonly kind: 'group'; readonly uri: string; readonly type: string; readonly text: string; readonly mentions: MentionNode[] }
export interface MentionNode { readonly kind: 'mention'; readonly uri: string; readonly item: ItemView }
export interface ProblemNode { readonly kind: 'problem'; readonly message: string }
export interface ProblemsNode { readonly kind: 'problems'; readonly problems: ProblemNode[] }
export interface EventsNode { readonly kind: 'events'; readonly types: EventTypeNode[] }
export interface EventTypeNode { readonly kind: 'eventType'; readonly uri: string; readonly type: TypeView; readonly events: EventNode[] }
export interface EventNode { readonly kind: 'event'; readonly uri: string; readonly event: EventView; readonly args: ArgumentNode[] }
export interface ArgumentNode { readonly kind: 'argument'; readonly uri: string; readonly event: EventView; readonly argument: ArgumentView }
export type Node = TypeNode | GroupNode | MentionNode | ProblemsNode | ProblemNode | EventsNode | EventTypeNode | EventNode | ArgumentNode;

export class AnnotationsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private articleUri: string | undefined;
  private filterValue: Filter = 'all';
  private roots: Node[] = [];
  private parents = new Map<Node, Node>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly view: vscode.TreeView<Node>;

  constructor(private readonly states: ArticleStates) {
    this.view = vscode.window.createTreeView('tawsim.annotations', { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      states.onDidChange((uri) => {
        if (uri === this.articleUri || this.isActive(uri)) this.show(uri);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && states.get(editor.document.uri)) this.show(editor.document.uri.toString());
      }),
    );
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    if (active) this.show(active);
    void vscode.commands.executeCommand('setContext', 'tawsim.filter', this.filterValue);
  }

  get filter(): Filter {
    return this.filterValue;
  }

  setFilter(filter: Filter): void {
    this.filterValue = filter;
    void vscode.commands.executeCommand('setContext', 'tawsim.filter', filter);
    this.show(this.articleUri);
  }

  /** The article the tree shows. */
  get uri(): string | undefined {
    return this.articleUri;
  }

  private isActive(uri: string): boolean {
    return vscode.window.activeTextEditor?.document.uri.toString() === uri;
  }

  private show(uri: string | undefined): void {
    const state = uri ? this.states.get(uri) : undefined;
    this.articleUri = state ? uri : undefined;
    this.roots = state ? buildRoots(state, this.filterValue) : [];
    this.parents = new Map();
    const link = (parent: Node) => {
      for (const child of this.getChildren(parent)) {
        this.parents.set(child, parent);
        link(child);
      }
    };
    this.roots.forEach(link);
    const pending = state?.counts.suggested ?? 0;
    this.view.badge = pending ? { value: pending, tooltip: `${pending} suggestion${pending === 1 ? '' : 's'} to review` } : undefined;
    this.view.description = state ? `${fileName(state.uri)}${this.filterValue === 'all' ? '' : ` · ${this.filterValue} only`}` : undefined;
    this.view.message = state && this.roots.length === 0 ? noItemsMessage(this.filterValue) : undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots;
    switch (node.kind) {
      case 'type':
        return node.groups;
      case 'group':
        return node.mentions;
      case 'problems':
        return node.problems;
      case 'events':
        return node.types;
      case 'eventType':
        return node.events;
      case 'event':
        return node.args;
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'type': {
        const count = node.groups.reduce((n, g) => n + g.mentions.length, 0);
        const item = new vscode.TreeItem(ltrAfter(`${node.type.name} — ${node.type.label} · ${node.type.arabicLabel}`), vscode.TreeItemCollapsibleState.Expanded);
        item.description = `(${count})`;
        item.iconPath = new vscode.ThemeIcon('circle-filled', node.type.themeColor ? new vscode.ThemeColor(node.type.themeColor) : undefined);
        item.contextValue = node.groups.some((g) => g.mentions.some((m) => m.item.status === 'suggested')) ? 'type.withSuggestions' : 'type';
        item.id = `${node.uri}#type:${node.type.name}`;
        return item;
      }
      case 'group': {
        const suggested = node.mentions.filter((m) => m.item.status === 'suggested').length;
        const item = new vscode.TreeItem(ltrAfter(node.text), vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `(${node.mentions.length})${suggested ? ` · ${suggested} suggested` : ''}`;
        item.contextValue = suggested ? 'group.withSuggestions' : 'group';
        item.id = `${node.uri}#group:${node.type}:${node.text}`;
        item.tooltip = `${node.mentions.length} mention${node.mentions.length === 1 ? '' : 's'} of «${node.text}» as ${node.type}`;
        return item;
      }
      case 'mention':
        return mentionItem(node);
      case 'problems': {
        const item = new vscode.TreeItem('Problems', vscode.TreeItemCollapsibleState.Expanded);
        item.description = `(${node.problems.length})`;
        item.iconPath = new vscode.ThemeIcon('warning');
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(node.message);
        item.tooltip = node.message;
        item.iconPath = new vscode.ThemeIcon('warning');
        return item;
      }
      case 'events': {
        const count = node.types.reduce((n, t) => n + t.events.length, 0);
        const item = new vscode.TreeItem(ltrAfter('Events · أحداث'), vscode.TreeItemCollapsibleState.Expanded);
        item.description = `(${count})`;
        item.iconPath = new vscode.ThemeIcon('zap');
        item.id = `${this.articleUri}#events`;
        return item;
      }
      case 'eventType': {
        const item = new vscode.TreeItem(ltrAfter(`${node.type.name} — ${node.type.label} · ${node.type.arabicLabel}`), vscode.TreeItemCollapsibleState.Expanded);
        item.description = `(${node.events.length})`;
        item.iconPath = new vscode.ThemeIcon('circle-outline', node.type.themeColor ? new vscode.ThemeColor(node.type.themeColor) : undefined);
        item.contextValue = node.events.some((e) => e.event.status === 'suggested') ? 'type.withSuggestions' : 'type';
        item.id = `${node.uri}#eventType:${node.type.name}`;
        return item;
      }
      case 'event':
        return eventItem(node);
      case 'argument': {
        const { argument, event } = node;
        const item = new vscode.TreeItem(ltrAfter(`${argument.role}: ${argument.text}`));
        item.description = argument.type;
        item.iconPath = new vscode.ThemeIcon('symbol-field');
        item.contextValue = event.status === 'accepted' ? 'argument.accepted' : 'argument.suggested';
        item.id = `${node.uri}#event:${event.id}:arg:${argument.role}:${argument.spans[0]?.start}`;
        if (argument.spans.length) {
          item.command = { title: 'Reveal', command: 'tawsim.reveal', arguments: [node.uri, argument.spans[0].start, argument.spans[argument.spans.length - 1].end] };
        }
        return item;
      }
    }
  }

  getParent(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  dispose(): void {
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function eventItem(node: EventNode): vscode.TreeItem {
  const { event } = node;
  const item = new vscode.TreeItem(
    ltrAfter(event.trigger.text),
    event.arguments.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.description = `line ${event.line + 1}${event.status === 'suggested' ? ` · suggested ${event.confidence?.toFixed(2)}` : ` · ${event.id}`}`;
  item.iconPath = event.status === 'suggested' ? new vscode.ThemeIcon('lightbulb') : new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  item.contextValue = `event.${event.status}`;
  item.id = `${node.uri}#event:${event.id}`;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`${event.type} «${event.trigger.text}» · ${event.status}`);
  for (const a of event.arguments) tooltip.appendText(`\n${a.role}: ${a.text}`);
  item.tooltip = tooltip;
  const t = event.trigger.spans;
  item.command = { title: 'Reveal', command: 'tawsim.reveal', arguments: [node.uri, t[0].start, t[t.length - 1].end] };
  return item;
}

const STATUS_ICONS = {
  suggested: new vscode.ThemeIcon('lightbulb'),
  accepted: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  rejected: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
};
/** Accepted by Accept Confident Entity Suggestions and not reviewed yet: an outlined check. */
const UNSEEN_ICON = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));

function mentionItem(node: MentionNode): vscode.TreeItem {
  const { item } = node;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === node.uri);
  const first = item.spans[0];
  const last = item.spans[item.spans.length - 1];
  const snippet = document ? snippetAround(document.getText(), first.start, last.end) : { text: item.text, start: 0, end: item.text.length };
  const label: vscode.TreeItemLabel = { label: ltrAfter(snippet.text), highlights: [[snippet.start, snippet.end]] };
  const treeItem = new vscode.TreeItem(label);
  treeItem.description = `line ${item.line + 1}${item.unseen ? ' · unseen' : ''}`;
  treeItem.iconPath = item.problem
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    : item.unseen
      ? UNSEEN_ICON
      : STATUS_ICONS[item.status];
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`«${item.text}» · ${item.type} · `);
  tooltip.appendText(
    item.status === 'suggested'
      ? `suggested (${item.source}, confidence ${item.confidence?.toFixed(2)})`
      : item.status === 'accepted'
        ? `accepted (${item.id})${item.unseen ? ', unseen: taken by Accept Confident Entity Suggestions; any decision in its sentence reviews it' : ''}`
        : 'rejected: not suggested again until the rejection is forgotten',
  );
  if (item.problem) tooltip.appendText(`\n\n⚠ ${item.problem}`);
  treeItem.tooltip = tooltip;
  treeItem.contextValue = `mention.${item.status}`;
  treeItem.id = `${node.uri}#item:${item.id}`;
  treeItem.command = { title: 'Reveal', command: 'tawsim.reveal', arguments: [node.uri, first.start, last.end] };
  return treeItem;
}

export function buildRoots(state: ArticleState, filter: Filter): Node[] {
  const roots: Node[] = [];
  // Rejected event suggestions are rejected triggers: they are listed by event type like entities.
  const types = filter === 'rejected' ? [...state.entityTypes, ...state.eventTypes] : state.entityTypes;
  for (const type of types) {
    const groups = new Map<string, GroupNode>();
    for (const item of state.items) {
      if (item.type !== type.name) continue;
      if (filter === 'all' ? item.status === 'rejected' : item.status !== filter) continue;
      const key = normalizeForMatching(item.text);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { kind: 'group', uri: state.uri, type: type.name, text: item.text, mentions: [] }));
      group.mentions.push({ kind: 'mention', uri: state.uri, item });
    }
    if (groups.size) {
      const sorted = [...groups.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.text.localeCompare(b.text, 'ar'));
      roots.push({ kind: 'type', uri: state.uri, type, groups: sorted });
    }
  }
  const eventTypes: EventTypeNode[] = [];
  for (const type of state.eventTypes) {
    const events = state.events
      .filter((e) => e.type === type.name && (filter === 'all' || e.status === filter))
      .map((event): EventNode => ({
        kind: 'event',
        uri: state.uri,
        event,
        args: event.arguments.map((argument) => ({ kind: 'argument', uri: state.uri, event, argument })),
      }));
    if (events.length) eventTypes.push({ kind: 'eventType', uri: state.uri, type, events });
  }
  if (eventTypes.length) roots.push({ kind: 'events', types: eventTypes });
  const unknown = state.items.filter((i) => i.status === 'accepted' && !state.entityTypes.some((t) => t.name === i.type));
  const problems = [...state.problems, ...unknown.map((i) => `${i.id} «${i.text}» has type ${i.type}, which the schema (${state.schemaOrigin}) does not define`)];
  if (problems.length) roots.push({ kind: 'problems', problems: problems.map((message) => ({ kind: 'problem', message })) });
  return roots;
}

/**
 * A tree row shows its label and description in one bidi paragraph: without a left-to-right mark
 * after an Arabic label, the description's counts and brackets are drawn inside the Arabic run.
 */
function ltrAfter(label: string): string {
  return `${label}\u200E`;
}

function noItemsMessage(filter: Filter): string {
  if (filter === 'all') return 'No annotations or suggestions in this article yet. Select text and run “Tawsim: Annotate Selection”.';
  return filter === 'rejected' ? 'No rejected suggestions in this article.' : `No ${filter} annotations in this article.`;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
