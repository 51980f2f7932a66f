/** Where a command writes, and what stops it. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** Aborted by SIGINT or SIGTERM (the reason names the signal), for commands that can stop part-way. */
  readonly signal?: AbortSignal;
}

/** One `cbec-sim` sub-command. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full usage text for `cbec-sim <name> --help`; its first line is the usage line. */
  readonly help: string;
  /** True when the command stops cleanly on SIGINT or SIGTERM (through `io.signal`) instead of dying at once. */
  readonly interruptible?: boolean;
  /** Runs the command; resolves to the process exit code. */
  run(args: readonly string[], io: CommandIo): Promise<number>;
}
