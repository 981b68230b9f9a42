// Help texts of the `tawsim` command line, and the error for bad usage (exit code 2).

export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help the message points to. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

export const MAIN_HELP = `Usage: tawsim <command> [options]

Annotate Arabic news text: suggest entity tags, export annotations.

Commands:
  suggest FILE... [--format brat|jsonl|conll] [--out DIR] [--min-confidence N] [--model FILE]
      Suggest entity annotations for plain-text articles.
  export PATH... --format brat|jsonl|conll --out DIR
      Export the accepted annotations of articles (a .txt and its brat .ann).
  tag-conll [--tagset anercorp|news] [--model FILE]
      Tag tokens read from standard input (one a line) with the trained tagger.
  eval-conll GOLD PRED
      Entity-level precision, recall and F1 of PRED against GOLD (conlleval).
  eval GOLD PRED
      Precision, recall and F1 of brat annotations (.ann) against gold ones:
      entities, event triggers and arguments.
  train --conll FILE... [--dev FILE] --out MODEL [--seed N] [--epochs N]
      Train a tagger on CoNLL files or folders of annotated articles.

Options:
  -h, --help      Show this help; "tawsim COMMAND --help" shows a command's help.
  -v, --version   Show the version.

Exit codes: 0 success, 1 bad input (a file missing, a directory, not UTF-8 text,
binary, a model file that is corrupt or of another version), 2 bad usage (unknown
command or option, missing argument).
`;

export const SUGGEST_HELP = `Usage: tawsim suggest FILE... [--format brat|jsonl|conll] [--out DIR] [--min-confidence N] [--model FILE]

Suggests entity annotations for plain-text Arabic articles (UTF-8). The tag schema
is the annotation.conf nearest to each file, looked up from its folder up to the
current folder as brat does; without one, the built-in news schema.

With one FILE and no --out, the result goes to standard output. With several
FILEs, --out DIR is required: one output per input, named after it
(X.txt → DIR/X.ann, DIR/X.jsonl or DIR/X.conll).

Options:
  -f, --format FORMAT   brat (default): .ann lines, offsets in code points;
                        jsonl: one JSON object with "id", "text" and "spans"
                          (start/end in UTF-16, start_cp/end_cp in code points,
                          label, text, confidence, source);
                        conll: "token TAG" lines (IOB2), a blank line between
                          sentences, proclitics split off entities.
  -o, --out DIR         Folder for the outputs (created if needed).
  --min-confidence N    Leave out suggestions less confident than N (0 to 1;
                        default 0.3, as in the editor).
  -m, --model FILE      The trained tagger to use (default: the shipped model;
                        without a usable one, the rules alone, with a warning).
  -h, --help            Show this help.
`;

export const EXPORT_HELP = `Usage: tawsim export PATH... --format brat|jsonl|conll --out DIR

Exports the accepted annotations of articles. A PATH is an article (X.txt, whose
annotations are in X.ann beside it; giving X.ann means X.txt) or a folder (every
.txt below it). The inputs are only read.

Outputs in DIR, relative paths kept:
  brat    X.txt (unchanged) and X.ann, with annotation.conf and visual.conf in
          every folder.
  jsonl   articles.jsonl: one JSON object per article: {"id": relative path,
          "text", "spans": [{start, end (UTF-16), start_cp, end_cp (code points),
          label, text, id}]}.
  conll   X.conll: "token TAG" lines (IOB2), proclitics split off entities,
          event triggers left out.

Annotations whose recorded text no longer matches the article, and lines that
cannot be read, are left out and reported.

Options:
  -f, --format FORMAT   brat, jsonl or conll (required).
  -o, --out DIR         Output folder (required; not inside an input folder).
  -h, --help            Show this help.
`;

export const TAG_CONLL_HELP = `Usage: tawsim tag-conll [--tagset anercorp|news] [--model FILE] < tokens.conll

Tags tokens with the trained tagger. Standard input holds one token a line, as in
ANERcorp (punctuation split off, proclitics attached); further columns are
ignored; an empty line ends a sentence. A line of only spaces is an error (it is
neither a token nor, visibly, a sentence end). Standard output gets "token TAG"
for every token line and the empty lines as they were. Sentences are tagged in
documents of consecutive sentences (as the model was trained), so that the second
pass sees how a word was tagged elsewhere.

Options:
  --tagset TAGSET    anercorp (default): B-/I- PERS, LOC, ORG, MISC.
                     news: PERS → PER, ORG → ORG, LOC → GPE; MISC is left out (O).
  -m, --model FILE   The model (default: models/anercorp.tagger of Tawsim).
  -h, --help         Show this help.
`;

export const EVAL_CONLL_HELP = `Usage: tawsim eval-conll GOLD PRED

Scores PRED against GOLD as conlleval does: a predicted entity counts when a
gold entity has exactly its tokens and type. Both files hold the same tokens, one
a line, the BIO label in the last column, an empty line between sentences.
Prints the token accuracy, precision, recall and F1 over all types (micro
average), then per type with the number of predicted entities.
`;

export const EVAL_HELP = `Usage: tawsim eval GOLD PRED

Scores the brat annotations of PRED against those of GOLD: two .ann files (or
their .txt), or two folders, whose .ann files are paired by relative path. Every
gold .ann needs its .txt beside it; a PRED .txt, if present, must hold the same
text (without one, the gold text is used).

A T line is an event trigger when an E line names it, an entity otherwise. Tokens
are whitespace tokens (runs of non-space characters); a span covers every token
it overlaps. Counted, with precision, recall and F1 over all types and per type:
  entities (strict)    exact span and type
  entities (tokens)    each token an entity covers, with the entity's type (an
                       entity found with other boundaries earns its shared tokens)
  triggers             event type and the trigger's tokens
  triggers (untyped)   the trigger's tokens alone
  arguments            event type, the trigger's tokens, role and the argument's
                       tokens: an argument counts only through a matching trigger
Lines that cannot be read are reported on standard error and left out.
`;

export const TRAIN_HELP = `Usage: tawsim train --conll FILE... [--dev FILE] --out MODEL [--seed N] [--epochs N]
                   [--tagset anercorp] [--reviewed-only]

Trains a tagger (two-pass CRF) on labelled sentences: CoNLL files ("token ...
LABEL", BIO labels of any tag set) or folders of articles annotated in Tawsim
(X.txt + X.ann; a token overlapping an annotation takes its type). Progress goes
to standard error. The same seed and data give the same model file.

Options:
  --conll FILE...    Training data (files or folders; repeatable).
  --dev FILE         Held-out data: reported F1 and confidence calibration.
  -o, --out MODEL    The model file to write (the spelling list
                     ayaspell-unknown.txt is written beside it).
  -m, --model FILE   Model whose word clusters, embeddings, spelling list and
                     gazetteers are reused (default: Tawsim's shipped model).
  --clusters DIR     Read clusters and embeddings from DIR instead (clusters.tsv,
                     embeddings-50k-64d.i8), the gazetteers from Tawsim's data.
  --seed N           Random seed (default 1).
  --epochs N         Passes over the data per CRF.
  --tagset anercorp  Map the data's types to ANERcorp's (PER → PERS; GPE, LOC,
                     FAC → LOC; ORG; MISC), leaving the others out (NORP, DATE…),
                     to train on ANERcorp and annotated articles together.
  --reviewed-only    From folders of articles, learn only the sentences that hold
                     an annotation or a rejected suggestion: the others may never
                     have been reviewed, and would teach their names as none.
  -h, --help         Show this help.
`;
