import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseOrder } from '../../domain/order.js';
import { ValidationError } from '../../domain/errors.js';
import { describeOrder } from '../../domain/describe-order.js';
import { describeTax, orderTax } from '../../rules/describe-tax.js';
import type { Command } from './command.js';

export const orderCommand: Command = {
  name: 'order',
  summary: 'validate an order file and print its money breakdown',
  help: `Usage: cbec-sim order <order.json>

Reads an order (JSON), validates every field (ID number check digit, HS codes, currency and
country codes, exact amounts) and prints the order with freight and insurance allocated to its
lines to the fen; for an import order, the retail import tax under the rules in force on the day
it was placed. Exit code 2 and one line per problem when the order is invalid.
`,
  async run(args, io) {
    const { positionals, values } = parseArgs({ args: [...args], allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    const file = positionals[0];
    if (!file) {
      io.err(this.help);
      return 2;
    }
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      throw new ValidationError([{ path: [file], value: undefined, reason: `cannot be read as JSON: ${(e as Error).message}` }], 'Unreadable order file');
    }
    const order = parseOrder(json);
    io.out(describeOrder(order));
    if (order.ieFlag === 'I') io.out(describeTax(orderTax(order)));
    return 0;
  },
};
