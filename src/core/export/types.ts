// Exporting articles (a text with its brat .ann) to brat, JSONL or CoNLL.

import type { Span } from '../model';

export type ExportFormat = 'brat' | 'jsonl' | 'conll';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['brat', 'jsonl', 'conll'];

/** A span annotation to export: an accepted annotation, or a suggestion (which has a confidence). */
export interface ExportSpan {
  readonly id: string;
  readonly type: string;
  /** UTF-16, sorted; several for a discontinuous annotation. */
  readonly spans: readonly Span[];
  readonly confidence?: number;
  readonly source?: string;
  /** Accepted without being looked at (Accept Confident Entity Suggestions). */
  readonly unseen?: true;
}

export interface ExportOptions {
  /** Article files (`.txt`, or an `.ann` for its `.txt`) and folders (every `.txt` below, recursively). */
  readonly inputs: readonly string[];
  readonly format: ExportFormat;
  readonly outDir: string;
  /** Where the annotation.conf lookup stops going up (the workspace folder, the CLI's cwd).
   * Default: the input folder, or a file input's own folder. */
  readonly schemaRoot?: string;
  readonly onProgress?: (done: number, total: number, file: string) => void;
  readonly isCancelled?: () => boolean;
}

export interface ExportProblem {
  /** The file the problem is about. */
  readonly file: string;
  /** A complete sentence naming the file, for display as is. */
  readonly message: string;
}

export interface ExportReport {
  readonly format: ExportFormat;
  readonly outDir: string;
  /** Articles exported. */
  readonly articles: number;
  /** Annotations exported, over all articles. */
  readonly annotations: number;
  /** Of those, the annotations accepted unseen (never reviewed). */
  readonly unseen: number;
  readonly filesWritten: string[];
  /** Inputs and articles that could not be exported at all (their reasons are in `problems`). */
  readonly failed: string[];
  /** Everything worth a look: failures, lines left out, schema errors. */
  readonly problems: ExportProblem[];
  readonly cancelled: boolean;
}

/** What the report says of the annotations accepted unseen, as a sentence to append ('' when there are none). */
export function unseenSummary(report: ExportReport): string {
  if (report.unseen === 0) return '';
  const where = report.format === 'jsonl' ? '"unseen": true in the JSONL' : report.format === 'brat' ? 'a note on each in the .ann' : 'CoNLL cannot mark them: export to JSONL or brat to see which';
  return ` ${report.unseen} of the annotations were accepted unseen and never reviewed (${where}).`;
}
