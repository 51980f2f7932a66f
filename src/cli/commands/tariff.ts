import { parseArgs } from 'node:util';
import { ValidationError } from '../../domain/errors.js';
import { hsCodeProblem } from '../../domain/hs-code.js';
import { nomenclatureEditionAt, tariffLineProblem } from '../../domain/hs/nomenclature.js';
import { describeProductRates, describeRow } from '../../rules/describe-rates.js';
import { positiveListRefusal } from '../../rules/positive-list.js';
import { productRates, BUILT_IN_RATES, type RateBook } from '../../rules/product-rates.js';
import { rowInForce, tariffRowsFor } from '../../rules/tariff.js';
import { TARIFF } from '../../rules/tariff-built-in.js';
import { loadTariff } from '../../rules/tariff-file.js';
import { shanghaiDate } from '../../sim/clock.js';
import { loadScenario } from '../../sim/scenario/load.js';
import { scenarioRates } from '../../sim/scenario/rates.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import type { Command, CommandIo } from './command.js';

const HELP = `Usage: cbec-sim tariff check <scenario.json> [--date YYYY-MM-DD]
       cbec-sim tariff lookup <hs-code> [--date YYYY-MM-DD] [--tariff FILE]

check   lists every catalogue product of the scenario with its rates on the day (the run's first
        day by default) and where each rate came from: the product's own rates, the scenario's
        tariff, or the built-in rows. A scenario with a product no rate source covers is refused,
        naming the product and the channels that sell it (exit 2).
lookup  shows whether the HS code is a tariff line of the nomenclature on the day (today's rules
        are not assumed: the default day is 2024-01-01 unless --date says), every tariff row whose
        prefix it starts with, in force or not, and the rates that apply on the day.

Precedence, field by field: a product's own rates, then the user's tariff, then the built-in rows.

Options:
  --date DAY      the day the rates are for
  --tariff FILE   (lookup) a tariff file (CSV or JSON) consulted before the built-in rows
  -h, --help      this text
`;

const DEFAULT_DAY = '2024-01-01';

function day(text: string | undefined, fallback: string): string {
  if (text === undefined) return fallback;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new ValidationError([{ path: ['--date'], value: text, reason: "must be a day written 'YYYY-MM-DD'." }], 'Invalid option');
  return text;
}

function check(scenario: Scenario, on: string, io: CommandIo): void {
  const rates = scenarioRates(scenario);
  const tariffRows = scenario.tariff?.length ?? 0;
  io.out(`Scenario '${scenario.name}': ${scenario.catalogue.length} products, rates on ${on}.\n`);
  io.out(`Rate sources: products' own rates, then ${tariffRows === 0 ? 'no scenario tariff' : `the scenario's tariff (${tariffRows} rows)`}, then the built-in rows (illustrative).\n`);
  io.out(`Positive list: ${scenario.positiveList ? `the list of ${scenario.positiveList.version} (${scenario.positiveList.lines.length} lines)` : 'none (nothing refused on that ground)'}.\n\n`);
  const selling = scenario.arrivals.map((a) => a.channel);
  for (const goods of scenario.catalogue) {
    const own = rates.products.get(goods.itemNo)?.rates;
    const product = productRates({ hsCode: goods.hsCode, ...(own ? { rates: own } : {}) }, on, rates.book);
    const channels = (goods.channels ?? selling).filter((c) => selling.includes(c));
    io.out(`${goods.itemNo}  ${goods.hsCode}  ${goods.itemName}  [${channels.join(', ') || 'no channel of the scenario sells it'}]\n`);
    for (const line of describeProductRates(product, '    ')) io.out(`${line}\n`);
    if (rates.positiveList) io.out(`    positive list            ${positiveListRefusal(rates.positiveList, [goods.hsCode], on) ?? 'on the list'}\n`);
    io.out('\n');
  }
}

function lookup(hsCode: string, on: string, book: RateBook, io: CommandIo): void {
  const problem = hsCodeProblem(hsCode, [4, 6, 8, 10]);
  if (problem) throw new ValidationError([{ path: ['hs-code'], value: hsCode, reason: problem }], 'Invalid HS code');
  const edition = nomenclatureEditionAt(on);
  const line = hsCode.length >= 8 ? (tariffLineProblem(hsCode, on) ?? `is tariff line ${hsCode.slice(0, 8)} of the ${edition} nomenclature.`) : `has ${hsCode.length} digits: a heading or subheading, not a tariff line.`;
  io.out(`${hsCode} on ${on}: ${line}\n\nRows whose prefix the code starts with, longest first (the first in force that gives a field wins):\n`);
  const rows = [...tariffRowsFor(hsCode, book.tariff), ...tariffRowsFor(hsCode, book.builtIn)];
  if (rows.length === 0) io.out('  none\n');
  for (const row of rows) io.out(`  ${rowInForce(row, on) ? '' : '(not in force) '}${describeRow(row)}\n`);
  io.out(`\nRates on ${on}:\n`);
  for (const text of describeProductRates(productRates({ hsCode }, on, book))) io.out(`${text}\n`);
}

export const tariffCommand: Command = {
  name: 'tariff',
  summary: "list a scenario's rates and their sources, or look up an HS code's tariff rows",
  help: HELP,
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(HELP);
      return 0;
    }
    const { positionals, values } = parseArgs({ args: [...args], allowPositionals: true, options: { date: { type: 'string' }, tariff: { type: 'string' } } });
    const [action, target] = positionals;
    if ((action !== 'check' && action !== 'lookup') || target === undefined) {
      io.err(HELP);
      return 2;
    }
    if (action === 'check') {
      const scenario = loadScenario(target);
      check(scenario, day(values.date, shanghaiDate(scenario.start)), io);
      return 0;
    }
    const book: RateBook = values.tariff === undefined ? BUILT_IN_RATES : { tariff: loadTariff(values.tariff), builtIn: TARIFF };
    lookup(target, day(values.date, DEFAULT_DAY), book, io);
    return 0;
  },
};
