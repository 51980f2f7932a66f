#!/usr/bin/env node
/**
 * The `cbec-sim` command.
 */
import { argv, exit, stderr, stdout } from 'node:process';
import { isCbecError, ValidationError } from '../domain/errors.js';
import { COMMANDS, usage } from './commands/index.js';
import { UsageError } from './errors.js';
import { EXIT, exitCodeOf } from './exit-codes.js';
import { stopOnSignals } from './signals.js';
import { issueLines, printable, printableLines } from './terminal.js';

/** The arguments without `--debug` (before a `--`), and whether it was given. */
function debugFlag(args: readonly string[]): { args: string[]; debug: boolean } {
  const end = args.indexOf('--');
  const head = end === -1 ? args : args.slice(0, end);
  const tail = end === -1 ? [] : args.slice(end);
  return { args: [...head.filter((a) => a !== '--debug'), ...tail], debug: head.includes('--debug') };
}

/** What `cbec-sim <command>` prints for `error`: bounded, control characters escaped, a stack only under --debug. */
function describeError(command: string, error: unknown, debug: boolean): string {
  const stack = debug && error instanceof Error && error.stack ? `\n${printableLines(error.stack, 40)}` : '';
  if (error instanceof UsageError) {
    return `cbec-sim ${command}: ${issueLines(error.issues, '(arguments)').join('\n')}\n${error.usage}\nRun 'cbec-sim ${command} --help' for its options.${stack}\n`;
  }
  if (error instanceof ValidationError) {
    const title = printable(error.message.split('\n', 1)[0] ?? error.name);
    return `cbec-sim ${command}: ${title}\n${issueLines(error.issues).map((line) => `  - ${line}`).join('\n')}${stack}\n`;
  }
  if (isCbecError(error) && exitCodeOf(error) !== EXIT.internal) return `cbec-sim ${command}: ${printableLines(error.message)}${stack}\n`;
  const message = error instanceof Error ? error.message : String(error);
  const hint = debug ? stack : "\nRun it again with --debug to see where it happened.";
  return `cbec-sim ${command}: internal error, please report it: ${printableLines(message, 5)}${hint}\n`;
}

async function main(all: readonly string[]): Promise<number> {
  const { args, debug } = debugFlag(all);
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h' || name === 'help') {
    stdout.write(usage());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const why = name === undefined ? 'a command is missing' : name.startsWith('-') ? `'${printable(name)}' is not an option of cbec-sim` : `unknown command '${printable(name)}'`;
    stderr.write(`cbec-sim: ${why}.\n\n${usage()}`);
    return EXIT.usage;
  }
  const stop = command.interruptible ? stopOnSignals((text) => stderr.write(text)) : undefined;
  try {
    return await command.run(rest, { out: (text) => stdout.write(text), err: (text) => stderr.write(text), ...(stop ? { signal: stop.signal } : {}) });
  } catch (error) {
    stderr.write(describeError(command.name, error, debug));
    return exitCodeOf(error);
  } finally {
    stop?.dispose();
  }
}

main(argv.slice(2)).then(
  (code) => exit(code),
  (error: unknown) => {
    stderr.write(describeError('', error, argv.includes('--debug')));
    exit(EXIT.internal);
  },
);
