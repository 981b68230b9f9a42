export { exportArticles } from './exportArticles';
export { toConll, type ConllResult } from './conll';
export { jsonlRecord, type JsonlSpan } from './jsonl';
export { JSONL_FILE } from './sinks';
export * from './types';
