import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CommandIo } from './command.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Reads a command's arguments: `--help` prints `help` (exit 0), a missing file prints it to
 * stderr (exit 2); otherwise the first positional argument and the parsed option values.
 */
export function fileArgument<O extends Options>(args: readonly string[], io: CommandIo, help: string, options: O) {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(help);
    return { exit: 0 } as const;
  }
  const { positionals, values } = parseArgs({ args: [...args], allowPositionals: true, options });
  const file = positionals[0];
  if (!file) {
    io.err(help);
    return { exit: 2 } as const;
  }
  return { file, values };
}
