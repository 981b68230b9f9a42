// One open article in the language server: its session, its files, and when they are written.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { fileURLToPath } from 'node:url';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArticleSession, type SessionOptions } from '../core/session/articleSession';
import { eventSchemaProblems } from '../core/session/eventProblems';
import { articlePaths, loadArticle, saveArticle, type ArticlePaths, type SaveOutcome } from '../core/session/articleFiles';
import { AnnotationStore } from '../core/store/annotationStore';
import type { Schema } from '../core/schema/types';
import type { SuggestionEngine } from '../core/suggest/types';
import type { EventSuggester } from '../core/events/types';
import type { TextChange } from '../core/store/textChange';
import type { EntityAnnotation, EventAnnotation } from '../core/model';
import { idsInUse } from '../core/formats/brat';

export class ArticleHost {
  readonly session: ArticleSession;
  document: TextDocument;
  paths: ArticlePaths | undefined;
  private preserved: readonly string[];
  private annSnapshot: string | undefined;
  /** The text as it is on disk, to know whether the .ann may be written now. */
  private diskText: string | undefined;
  /** Annotations changed since the .ann was last written. */
  unsavedAnnotations = false;
  readonly problems: string[];
  /** The schema's own problems, kept when the files are read again. */
  private readonly schemaProblems: readonly string[];

  constructor(
    uri: string,
    languageId: string,
    version: number,
    text: string,
    setup: { schema: Schema; schemaProblems: readonly string[]; engine: SuggestionEngine; eventSuggester?: EventSuggester; options: SessionOptions },
  ) {
    const { schema, schemaProblems, engine, eventSuggester, options } = setup;
    this.document = TextDocument.create(uri, languageId, version, text);
    this.paths = uri.startsWith('file:') ? articlePaths(fileURLToPath(uri)) : undefined;
    this.schemaProblems = schemaProblems;
    this.problems = [...schemaProblems];
    let annotations: EntityAnnotation[] = [];
    let events: EventAnnotation[] = [];
    this.preserved = [];
    if (this.paths) {
      const loaded = loadArticle(this.paths, text);
      annotations = loaded.annotations;
      events = loaded.events;
      this.preserved = loaded.preserved;
      this.annSnapshot = loaded.annSnapshot;
      this.problems.push(...loaded.problems, ...this.eventProblems(loaded.events, schema));
      this.diskText = readDiskText(this.paths.text);
    }
    this.session = new ArticleSession(text, new AnnotationStore(annotations, idsInUse(this.preserved), events), schema, engine, options, eventSuggester);
  }

  /** The loaded events' disagreements with the schema, naming the .ann. */
  private eventProblems(events: readonly EventAnnotation[], schema: Schema): string[] {
    return eventSchemaProblems(events, schema).map((p) => `${path.basename(this.paths!.ann)}: ${p}`);
  }

  get uri(): string {
    return this.document.uri;
  }

  /** Whether the editor's text is what is on disk, so offsets in a written .ann match the file. */
  get textMatchesDisk(): boolean {
    return this.diskText !== undefined && this.diskText === this.session.text;
  }

  /** Applies LSP content changes in order; returns the annotations whose text was deleted. */
  applyContentChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): EntityAnnotation[] {
    const removed: EntityAnnotation[] = [];
    for (const change of changes) {
      if ('range' in change) {
        const start = this.document.offsetAt(change.range.start);
        const end = this.document.offsetAt(change.range.end);
        const tc: TextChange = { start, end, text: change.text };
        removed.push(...this.session.applyChanges([tc]));
      } else {
        removed.push(...this.session.replaceText(change.text));
      }
      this.document = TextDocument.update(this.document, [change], version);
    }
    return removed;
  }

  /** The editor saved the text: it is now what is on disk. */
  markSaved(): void {
    this.diskText = this.session.text;
  }

  /** Writes the .ann (and rejections) if the text on disk is the editor's text. */
  save(force = false): SaveOutcome | { kind: 'not-a-file' } | { kind: 'text-unsaved' } {
    if (!this.paths) return { kind: 'not-a-file' };
    if (!this.textMatchesDisk) return { kind: 'text-unsaved' };
    const { store } = this.session;
    const outcome = saveArticle(this.paths, this.session.text, store.all(), store.events(), this.preserved, this.annSnapshot, force);
    if (outcome.kind === 'written' || outcome.kind === 'unchanged') {
      this.annSnapshot = outcome.annSnapshot;
      this.unsavedAnnotations = false;
    }
    return outcome;
  }

  /**
   * The article was renamed or moved (its .ann and rejections with it): the session goes on under
   * the new name, with the text on disk there.
   */
  moveTo(uri: string, languageId: string, version: number): void {
    this.document = TextDocument.create(uri, languageId, version, this.session.text);
    this.paths = uri.startsWith('file:') ? articlePaths(fileURLToPath(uri)) : undefined;
    this.diskText = this.paths && readDiskText(this.paths.text);
  }

  /** Forgets the editor's annotations and reads the files again. */
  reload(): void {
    if (!this.paths) return;
    const loaded = loadArticle(this.paths, this.session.text);
    this.preserved = loaded.preserved;
    this.annSnapshot = loaded.annSnapshot;
    this.problems.splice(0, this.problems.length, ...this.schemaProblems, ...loaded.problems, ...this.eventProblems(loaded.events, this.session.schema));
    this.session.replaceAnnotations(loaded.annotations, idsInUse(loaded.preserved), loaded.events);
    this.unsavedAnnotations = false;
  }
}

/** The file's text as an editor shows it (without a byte order mark). */
function readDiskText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}
