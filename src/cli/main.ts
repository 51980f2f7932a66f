#!/usr/bin/env node
/**
 * The `cbec-sim` command.
 */
import { argv, exit, stderr, stdout } from 'node:process';
import { isCbecError, ValidationError } from '../domain/errors.js';
import { COMMANDS, usage } from './commands/index.js';

async function main(args: readonly string[]): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    stderr.write(`cbec-sim: unknown command '${name}'.\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, { out: (text) => stdout.write(text), err: (text) => stderr.write(text) });
  } catch (error) {
    if (isCbecError(error)) {
      stderr.write(`cbec-sim ${name}: ${error.message}\n`);
      return error instanceof ValidationError ? 2 : 1;
    }
    throw error;
  }
}

main(argv.slice(2)).then(
  (code) => exit(code),
  (error: unknown) => {
    stderr.write(`cbec-sim: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    exit(70);
  },
);
