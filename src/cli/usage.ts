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
  suggest FILE... [--format brat|jsonl|conll] [--out DIR] [--min-confidence N]
      Suggest entity annotations for plain-text articles.
  export PATH... --format brat|jsonl|conll --out DIR
      Export the accepted annotations of articles (a .txt and its brat .ann).

Options:
  -h, --help      Show this help; "tawsim COMMAND --help" shows a command's help.
  -v, --version   Show the version.

Exit codes: 0 success, 1 bad input (a file missing, a directory, not UTF-8 text,
binary), 2 bad usage (unknown command or option, missing argument).
`;

export const SUGGEST_HELP = `Usage: tawsim suggest FILE... [--format brat|jsonl|conll] [--out DIR] [--min-confidence N]

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
