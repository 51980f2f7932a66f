import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { copyExamples, exampleFiles, type ExampleFile } from '../examples.js';
import type { Command } from './command.js';

/** What a shipped example is, in a few words: a scenario's name, or its kind. */
function describe(file: ExampleFile): string {
  if (file.kind === 'scenarios') return (JSON.parse(readFileSync(file.path, 'utf8')) as { name?: string }).name ?? 'scenario';
  if (file.kind === 'orders') return 'an order (cbec-sim order)';
  return 'a CEB message (cbec-sim validate)';
}

export const examplesCommand: Command = {
  name: 'examples',
  summary: 'list the example scenarios, orders and messages the package ships, or copy them here',
  help: `Usage: cbec-sim examples [--copy] [--to DIR]

Lists the example files the package ships: scenarios (run them with 'cbec-sim run FILE', or by
name with 'cbec-sim run --example NAME'), orders and CEB messages.

Options:
  --copy      copy them into DIR/examples/ (scenarios, orders, messages), keeping files already there
  --to DIR    where --copy writes (default: the current directory)
  -h, --help  this text
`,
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(this.help);
      return 0;
    }
    const { values } = parseArgs({ args: [...args], options: { copy: { type: 'boolean', default: false }, to: { type: 'string', default: '.' } } });
    if (!values.copy) {
      const files = exampleFiles();
      const width = Math.max(...files.map((f) => f.shipped.length));
      io.out(`${files.map((f) => `${f.shipped.padEnd(width)}  ${describe(f)}`).join('\n')}\n`);
      return 0;
    }
    const { written, kept } = await copyExamples(values.to);
    io.out(`Copied ${written.length} example files into ${values.to}/examples${kept.length > 0 ? ` (kept ${kept.length} already there)` : ''}.\n`);
    return 0;
  },
};
