import { parseOrder } from '../../domain/order.js';
import { ValidationError } from '../../domain/errors.js';
import { describeOrder } from '../../domain/describe-order.js';
import { describeTax, orderTax } from '../../rules/describe-tax.js';
import type { Command } from './command.js';
import { fileArgument } from './file-argument.js';
import { inputText } from './input-file.js';

export const orderCommand: Command = {
  name: 'order',
  summary: 'validate an order file and print its money breakdown',
  help: `Usage: cbec-sim order <order.json>

Reads an order (JSON), validates every field (ID number check digit and a birth date on or before
the day the order was placed, HS codes, currency and country codes, exact amounts) and prints the
order with freight and insurance allocated to its lines to the fen; for an import order, the retail
import tax under the rules in force on the day it was placed. Exit code 2 and one line per problem
when the order is invalid.
`,
  async run(args, io) {
    const parsed = fileArgument(args, io, this.help, {}, 'order file');
    if ('exit' in parsed) return parsed.exit;
    const { file } = parsed;
    let json: unknown;
    try {
      json = JSON.parse(inputText(file, this.help));
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      throw new ValidationError([{ path: [file], value: undefined, reason: `cannot be read as JSON: ${e.message}` }], 'Unreadable order file');
    }
    const order = parseOrder(json);
    io.out(describeOrder(order));
    if (order.ieFlag === 'I') io.out(describeTax(orderTax(order)));
    return 0;
  },
};
