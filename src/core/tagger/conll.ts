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

/** A tag of an entity tagger: O, or B- / I- and a type. */
const TAG = /^(O|[BI]-\S+)$/;

/**
 * Why CoNLL text cannot give a tagger labels (a file of tokens only, an article given as CoNLL):
 * the first line without a tag column, or, with `tagsOnly`, whose last column is not a tag.
 */
export function conllLabelProblem(text: string, tagsOnly: boolean): string | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const columns = lines[i].trim().split(/[ \t]+/);
    if (columns[0] === '' || columns[0] === '-DOCSTART-') continue;
    if (columns.length === 1) return `line ${i + 1} has no tag column ("${columns[0]}"): expected "token TAG"`;
    const tag = columns[columns.length - 1];
    if (tagsOnly && !TAG.test(tag)) return `line ${i + 1}: "${tag}" is not a tag (O, B-TYPE or I-TYPE)`;
  }
  return undefined;
}
