// Export of articles to brat, JSONL and CoNLL, for the CLI and the extension.

export { exportArticles } from './exportArticles';
export { toConll, type ConllResult } from './conll';
export { jsonlRecord, type ExportEvent, type JsonlEvent, type JsonlSpan } from './jsonl';
export * from './types';
