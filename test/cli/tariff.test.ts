import { describe, expect, it } from 'vitest';
import { tariffCommand } from '../../src/cli/commands/tariff.js';
import { orderCommand } from '../../src/cli/commands/order.js';
import type { Command } from '../../src/cli/commands/command.js';

async function run(command: Command, args: string[]) {
  let out = '';
  let err = '';
  const code = await command.run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
const path = (file: string) => new URL(`../../examples/${file}`, import.meta.url).pathname;

describe('cbec-sim tariff', () => {
  it("check lists every product with its rates and where each came from: the scenario's tariff file, the built-in rows, the statute", async () => {
    const r = await run(tariffCommand, ['check', path('scenarios/catalogue-200.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Scenario '200-product catalogue with its own tariff, Guangzhou 2024': 200 products, rates on 2024-03-01.");
    expect(r.out.match(/^C200-\d{3} {2}\d{10} {2}/gm)).toHaveLength(200);
    expect(r.out).toMatch(/duty 14% +rate from catalogue-200\.csv line \d+, prefix 2204 \(MFN duty of heading 2204/);
    expect(r.out).toMatch(/consumption tax 10% +rate from built-in row 2204/);
    expect(r.out).toMatch(/VAT 9% +rate from the reduced VAT band of 2024-03-01, as built-in row 4901/);
  });

  it('lookup shows the tariff line, every row with the prefix (in force or not) and the rates of the day', async () => {
    const r = await run(tariffCommand, ['lookup', '3304990000', '--date', '2015-06-01']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('3304990000 on 2015-06-01: is tariff line 33049900 of the 2019 nomenclature.');
    expect(r.out).toMatch(/^ {2}built-in row 33049900 \(until 2016-10-01\)/m);
    expect(r.out).toMatch(/^ {2}\(not in force\) built-in row 3304 \(from 2016-10-01\)/m);
    expect(r.out).toMatch(/consumption tax 0% +rate from built-in row 33049900/);
    const withFile = await run(tariffCommand, ['lookup', '8510100000', '--tariff', path('tariffs/catalogue-200.csv')]);
    expect(withFile.out).toMatch(/duty 5% +rate from catalogue-200\.csv line \d+, prefix 8510/);
  });

  it('refuses a bad code, a bad date and a missing argument', async () => {
    await expect(run(tariffCommand, ['lookup', '33X4'])).rejects.toThrow(/must contain digits only/);
    await expect(run(tariffCommand, ['lookup', '3304', '--date', '2024-3-1'])).rejects.toThrow(/--date: must be a day/);
    expect((await run(tariffCommand, ['check'])).code).toBe(2);
  });
});

describe('cbec-sim order', () => {
  it('shows, for each line, the rate of each tax and where it came from', async () => {
    const r = await run(orderCommand, [path('orders/cosmetics-9610.json')]);
    expect(r.out).toMatch(/duty 5%: rate from built-in row 3304/);
    expect(r.out).toMatch(/VAT 16%: rate from the standard VAT band of 2019-03-15/);
    const withTariff = await run(orderCommand, [path('orders/cosmetics-9610.json'), '--tariff', path('tariffs/catalogue-200.csv')]);
    expect(withTariff.out).toMatch(/duty 1%: rate from catalogue-200\.csv line \d+, prefix 3304/);
  });
});
