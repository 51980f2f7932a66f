/** Where a command writes. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** One `cbec-sim` sub-command. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full usage text for `cbec-sim <name> --help`. */
  readonly help: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: readonly string[], io: CommandIo): Promise<number>;
}
