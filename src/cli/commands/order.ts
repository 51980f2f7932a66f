import { parseOrder } from '../../domain/order.js';
import { ValidationError } from '../../domain/errors.js';
import { describeOrder } from '../../domain/describe-order.js';
import { describeTax, orderTax } from '../../rules/describe-tax.js';
import { loadTariff } from '../../rules/tariff-file.js';
import type { Command } from './command.js';
import { fileArgument } from './file-argument.js';
import { inputText } from './input-file.js';

export const orderCommand: Command = {
  name: 'order',
  summary: 'validate an order file and print its money breakdown',
  help: `Usage: cbec-sim order <order.json> [--tariff FILE]

Reads an order (JSON), validates every field (ID number check digit and a birth date on or before
the day the order was placed, HS codes, currency and country codes, exact amounts) and prints the
order with freight and insurance allocated to its lines to the fen; for an import order, the retail
import tax under the rules in force on the day it was placed, and each line's rates with the source
each came from ("rate from ..."). Exit code 2 and one line per problem when the order is invalid.

Options:
  --tariff FILE   a tariff file (CSV or JSON) consulted before the built-in rows
  -h, --help      this text
`,
  async run(args, io) {
    const parsed = fileArgument(args, io, this.help, { tariff: { type: 'string' } }, 'order file');
    if ('exit' in parsed) return parsed.exit;
    const { file, values } = parsed;
    const tariff = values.tariff === undefined ? undefined : loadTariff(values.tariff);
    let json: unknown;
    try {
      json = JSON.parse(inputText(file, this.help));
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      throw new ValidationError([{ path: [file], value: undefined, reason: `cannot be read as JSON: ${e.message}` }], 'Unreadable order file');
    }
    const order = parseOrder(json);
    io.out(describeOrder(order));
    if (order.ieFlag === 'I') io.out(describeTax(orderTax(order, '0', tariff ? { tariff, products: new Map() } : undefined)));
    return 0;
  },
};
