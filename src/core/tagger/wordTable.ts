// Word clusters, embeddings and the spelling signal of the unlabeled-text vocabulary (see
// ../shared/data/clusters/README.md): 100,000 word forms, most frequent first, each with cluster
// ids at four granularities; 64-d embeddings for the first 50,000; and which forms the Arabic
// spelling dictionary does not accept. A token is looked up in the vocabulary's own form:
// matching-normalized, then its first proclitic removed as the vocabulary's builder did.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { frequencyKey } from '../suggest/frequency';
import { normalizeForMatching } from '../text';
import { parseSpellingList } from './spelling';

export const CLUSTER_LEVELS = 4;

export interface WordTableData {
  readonly forms: readonly string[];
  /** forms.length × CLUSTER_LEVELS cluster ids. */
  readonly clusters: Uint16Array;
  /** Signed bytes (value × 127), `dim` per row, for the first `embeddingRows` forms. */
  readonly embeddings: Int8Array;
  readonly dim: number;
  /** 1 for a form the spelling dictionary does not know; empty when there is no spelling list. */
  readonly spellUnknown: Uint8Array;
}

export class WordTable {
  private readonly index = new Map<string, number>();
  readonly embeddingRows: number;

  constructor(readonly data: WordTableData) {
    data.forms.forEach((f, i) => {
      if (!this.index.has(f)) this.index.set(f, i);
    });
    this.embeddingRows = data.dim ? data.embeddings.length / data.dim : 0;
  }

  /** The vocabulary row of a token, -1 when the token is not in the vocabulary. */
  rowOf(token: string): number {
    return this.index.get(lookupForm(token)) ?? -1;
  }

  get size(): number {
    return this.data.forms.length;
  }

  get hasSpelling(): boolean {
    return this.data.spellUnknown.length > 0;
  }
}

/** The vocabulary's form of a token. */
export function lookupForm(token: string): string {
  return frequencyKey(normalizeForMatching(token));
}

/**
 * Reads clusters.tsv and embeddings-50k-64d.i8 from `clustersDir`, and optionally a spelling list
 * (forms the dictionary rejects, one a line, `#` comments).
 */
export function readWordTable(clustersDir: string, spellUnknownFile?: string): WordTable {
  const forms: string[] = [];
  const ids: number[] = [];
  for (const line of fs.readFileSync(path.join(clustersDir, 'clusters.tsv'), 'utf8').split('\n')) {
    if (!line) continue;
    const cols = line.split('\t');
    forms.push(cols[0]);
    for (let k = 1; k <= CLUSTER_LEVELS; k++) ids.push(Number(cols[k]));
  }
  const bytes = fs.readFileSync(path.join(clustersDir, 'embeddings-50k-64d.i8'));
  const embeddings = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice();
  const spellUnknown = new Uint8Array(spellUnknownFile ? forms.length : 0);
  if (spellUnknownFile) {
    const rejected = new Set(parseSpellingList(fs.readFileSync(spellUnknownFile, 'utf8')));
    forms.forEach((f, i) => (spellUnknown[i] = rejected.has(f) ? 1 : 0));
  }
  return new WordTable({ forms, clusters: Uint16Array.from(ids), embeddings, dim: 64, spellUnknown });
}
