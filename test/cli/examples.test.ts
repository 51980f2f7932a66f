import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/cli/commands/command.js';
import { examplesCommand } from '../../src/cli/commands/examples.js';
import { runCommand } from '../../src/cli/commands/run.js';
import { ValidationError } from '../../src/domain/errors.js';

async function run(command: Command, args: string[]) {
  let out = '';
  let err = '';
  const code = await command.run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('cbec-sim examples', () => {
  it('lists the example scenarios (with their names), orders and messages the package ships', async () => {
    const r = await run(examplesCommand, []);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^examples\/scenarios\/peak-day-11-11\.json +Singles' Day 11\.11 peak/m);
    for (const file of ['guangzhou-2013.json', 'guangzhou-three-channels.json', 'hangzhou-pilot-zone.json']) expect(r.out).toContain(`examples/scenarios/${file}`);
    expect(r.out).toMatch(/^examples\/orders\/bonded-1210\.json +an order/m);
    expect(r.out).toMatch(/^examples\/messages\/CEB621\.xml +a CEB message/m);
  });

  it('copies them into a directory, pointing each scenario at the package schema, and keeps what is there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbec-examples-'));
    const first = await run(examplesCommand, ['--copy', '--to', dir]);
    expect(first.out).toMatch(/^Copied \d+ example files into .*\/examples\.$/m);
    const copied = join(dir, 'examples/scenarios/peak-day-11-11.json');
    const scenario = JSON.parse(readFileSync(copied, 'utf8')) as { $schema: string; name: string };
    expect(scenario.name).toBe("Singles' Day 11.11 peak, Guangzhou bonded-heavy");
    expect(existsSync(resolve(join(dir, 'examples/scenarios'), scenario.$schema.replace('dist/scenario.schema.json', 'package.json')))).toBe(true);
    expect(existsSync(join(dir, 'examples/orders/cosmetics-9610.json'))).toBe(true);
    const again = await run(examplesCommand, ['--copy', '--to', dir]);
    expect(again.out).toMatch(/^Copied 0 example files .*\(kept \d+ already there\)\.$/m);
  });
});

describe('cbec-sim run --example', () => {
  it('runs a shipped scenario by the start of its name', async () => {
    const r = await run(runCommand, ['--example', 'peak-day', '--orders', '60', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { scenario: { name: string }; totals: { orders: number } };
    expect([report.scenario.name, report.totals.orders]).toEqual(["Singles' Day 11.11 peak, Guangzhou bonded-heavy", 60]);
  });

  it('refuses a name that matches no shipped scenario, or several, listing them', async () => {
    await expect(run(runCommand, ['--example', 'nowhere'])).rejects.toThrow(ValidationError);
    await expect(run(runCommand, ['--example', 'guangzhou'])).rejects.toThrow(/--example: names more than one example scenario; the package ships catalogue-200, guangzhou-2013, guangzhou-three-channels, hangzhou-pilot-zone, peak-day-11-11, singles-day-week/);
  });
});
