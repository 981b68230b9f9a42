// Chunks (entity mentions) of a BIO label sequence, with conlleval's reading of imperfect input:
// a chunk starts at B-X, at I-X after O or after another type, and ends before a label that does
// not continue it.

import { typeOfLabel } from './labels';

export interface Chunk {
  /** Token indices, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

export function chunksOf(labels: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let start = -1;
  let type: string | undefined;
  for (let i = 0; i <= labels.length; i++) {
    const l = i < labels.length ? labels[i] : 'O';
    const t = typeOfLabel(l);
    const continues = t !== undefined && t === type && !l.startsWith('B-') && !l.startsWith('S-');
    if (continues) continue;
    if (type !== undefined) chunks.push({ start, end: i, type });
    start = i;
    type = t;
  }
  return chunks;
}
