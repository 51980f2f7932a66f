import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';
import type { CommandIo } from './command.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The first line of a command's help: its usage line. */
export function usageLine(help: string): string {
  return help.split('\n', 1)[0] ?? help;
}

/** A {@link UsageError} for one argument of the command whose help is `help`. */
export function badArgument(help: string, argument: string, value: unknown, reason: string): UsageError {
  return new UsageError([{ path: [argument], value, reason }], usageLine(help));
}

/** `--seed -1` as `--seed=-1`: a negative number after an option that takes a value is that value, not an option. */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return [...joined, ...args.slice(i)];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const next = args[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

/** Node's `parseArgs` error as the reason a user reads, naming the argument. */
function parseError(error: unknown, help: string): UsageError {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? '')?.[1] ?? '(arguments)';
  const command = /^Usage: (cbec-sim \w+)/.exec(help)?.[1] ?? 'cbec-sim';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return badArgument(help, option, option, `is not an option of ${command}; see ${command} --help.`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing|ambiguous/.test(message ?? '') ? badArgument(help, option, undefined, 'needs a value.') : badArgument(help, option, undefined, 'takes no value.');
    default:
      return badArgument(help, '(arguments)', undefined, `cannot be read: ${message ?? String(error)}`);
  }
}

/**
 * Reads a command's arguments: `--help` prints `help` (exit 0); otherwise exactly one positional
 * argument, `what` (a file), and the option values. A missing or second positional argument, an
 * unknown option or an option without its value throws a {@link UsageError} naming it.
 */
export function fileArgument<O extends Options>(args: readonly string[], io: CommandIo, help: string, options: O, what = 'file') {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(help);
    return { exit: 0 } as const;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(args, options), allowPositionals: true, strict: true, options });
  } catch (e) {
    throw parseError(e, help);
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || file === '') throw badArgument(help, `<${what}>`, file, `is missing: give the ${what} to read.`);
  if (extra.length > 0) throw badArgument(help, extra[0]!, extra[0], `is one argument too many: give a single ${what}.`);
  return { file, values: parsed.values };
}
