// What a command needs from its surroundings (the process, or a test).

export interface CliContext {
  /** Where annotation.conf lookups stop going up; relative paths are relative to the process's cwd. */
  readonly cwd: string;
  /** The suggestion engine's data folder. */
  readonly dataDir: string;
  /** Writes to standard output as is. */
  out(text: string): void;
  /** Writes one line to standard error. */
  err(line: string): void;
}
