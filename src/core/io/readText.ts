// Reading an article or a configuration file as text, with a clear reason when it is not one.
// The text is returned exactly as stored: a UTF-8 byte order mark stays as U+FEFF at offset 0,
// because brat (Python's `utf-8` codec) keeps it and counts it in every .ann offset.

import * as fs from 'node:fs';

export type TextFileProblem = 'missing' | 'directory' | 'binary' | 'not-utf8' | 'unreadable';

export class TextFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: TextFileProblem,
    /** The reason without the file name. */
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'TextFileError';
  }
}

export interface TextFile {
  /** The decoded text, BOM included when there is one. */
  readonly text: string;
  /** The file starts with a UTF-8 byte order mark. */
  readonly bom: boolean;
}

export async function readTextFile(file: string): Promise<TextFile> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (e) {
    throw readError(file, e);
  }
  return decodeText(file, bytes);
}

export function readTextFileSync(file: string): TextFile {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw readError(file, e);
  }
  return decodeText(file, bytes);
}

function readError(file: string, e: unknown): TextFileError {
  const code = (e as NodeJS.ErrnoException).code;
  // ENOTDIR: a folder on the way is a file, so there is no such file either.
  if (code === 'ENOENT' || code === 'ENOTDIR') return new TextFileError(file, 'missing', 'no such file');
  if (code === 'EISDIR') return new TextFileError(file, 'directory', 'is a directory, not a text file');
  return new TextFileError(file, 'unreadable', `cannot be read (${(e as Error).message})`);
}

/** Decodes UTF-8 bytes of `file`, refusing binary data and other encodings. */
function decodeText(file: string, bytes: Uint8Array): TextFile {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new TextFileError(file, 'not-utf8', 'is UTF-16 text, not UTF-8; save it as UTF-8');
  }
  if (bytes.includes(0)) {
    throw new TextFileError(file, 'binary', 'is a binary file (it contains NUL bytes), not text');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new TextFileError(
      file,
      'not-utf8',
      'is not valid UTF-8 text (is it in another encoding, such as Windows-1256? save it as UTF-8)',
    );
  }
  return { text, bom: text.startsWith('\uFEFF') };
}
