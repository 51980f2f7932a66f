import type { Command } from './command.js';
import { orderCommand } from './order.js';
import { validateCommand } from './validate.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { diagramCommand } from './diagram.js';
import { tariffCommand } from './tariff.js';
import { experimentCommand } from './experiment.js';
import { examplesCommand } from './examples.js';

/** Every sub-command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [runCommand, experimentCommand, validateCommand, diagramCommand, orderCommand, schemaCommand, tariffCommand, examplesCommand];

/** The top-level usage text. */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `cbec-sim: simulate cross-border e-commerce orders through China's customs channels.

Usage: cbec-sim <command> [options]

Commands:
${list}

Run 'cbec-sim <command> --help' for a command's options.
`;
}
