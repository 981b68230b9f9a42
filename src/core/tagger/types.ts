// The tagger's public types (see index.ts).

export interface TaggedToken {
  /** BIO label, e.g. B-PERS. */
  readonly label: string;
  /** Marginal probability of that label at this token. */
  readonly confidence: number;
}

export interface TaggedSpan {
  /** Token indices, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** PERS LOC ORG MISC (the model's native types). */
  readonly type: string;
  /** Calibrated probability that this exact chunk and type is right. */
  readonly confidence: number;
}

export interface SentenceTags {
  readonly tokens: TaggedToken[];
  readonly spans: TaggedSpan[];
}

/** What the second pass reads from the whole document (opaque; built by `documentContext`). */
export interface DocumentContext {
  readonly kind: 'tawsim-document-context';
}

export interface TaggerModel {
  /** Native entity types, e.g. LOC MISC ORG PERS. */
  readonly types: readonly string[];
  /** First pass: the best labels, a pure function of the sentence's tokens. */
  firstPass(tokens: readonly string[]): readonly string[];
  /**
   * What the second pass reads from the whole document, built from every sentence's first-pass
   * labels; given the `previous` context of the same document (which must not be used again), only
   * the sentence objects that came or went since are counted.
   */
  documentContext(sentences: readonly { readonly tokens: readonly string[]; readonly labels: readonly string[] }[], previous?: DocumentContext): DocumentContext;
  /** A string that captures exactly the part of `context` the second pass of this sentence reads. */
  contextKey(tokens: readonly string[], context: DocumentContext): string;
  /** Second pass with document features: the model's final output for the sentence. */
  secondPass(tokens: readonly string[], context: DocumentContext): SentenceTags;
  /** Both passes over a document. */
  tagDocument(sentences: readonly (readonly string[])[]): SentenceTags[];
}

export interface LabelledExample {
  readonly tokens: readonly string[];
  readonly labels: readonly string[];
}
