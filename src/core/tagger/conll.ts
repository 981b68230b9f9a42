// Reading CoNLL-style token files: one token a line, columns separated by spaces or tabs, the label
// in the last column, a blank line (or a line of only spaces) between sentences.

export interface LabelledSentence {
  readonly tokens: string[];
  readonly labels: string[];
}

export function readConll(text: string): LabelledSentence[] {
  const sentences: LabelledSentence[] = [];
  let tokens: string[] = [];
  let labels: string[] = [];
  const flush = () => {
    if (tokens.length) sentences.push({ tokens, labels });
    tokens = [];
    labels = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const columns = line.trim().split(/[ \t]+/);
    if (columns[0] === '') {
      flush();
      continue;
    }
    if (columns[0] === '-DOCSTART-') continue;
    tokens.push(columns[0]);
    labels.push(columns.length > 1 ? columns[columns.length - 1] : 'O');
  }
  flush();
  return sentences;
}
