import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orderCommand } from '../../src/cli/commands/order.js';
import { runCommand } from '../../src/cli/commands/run.js';
import { ValidationError } from '../../src/domain/errors.js';
import { validateCommand } from '../../src/cli/commands/validate.js';
import { usage } from '../../src/cli/commands/index.js';
import type { Command } from '../../src/cli/commands/command.js';

async function run(command: Command, args: string[]) {
  let out = '';
  let err = '';
  const code = await command.run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cbec-cli-'));
const fixture = (name: string) => new URL(`../fixtures/messages/${name}`, import.meta.url).pathname;

describe('cbec-sim validate', () => {
  it('accepts a valid CEB message and names its type', async () => {
    const r = await run(validateCommand, [fixture('CEB311.xml')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valid CEB311 message/);
  });

  it('accepts a DXP envelope and names what it carries; a platform response is an envelope too', async () => {
    const envelope = await run(validateCommand, [fixture('special/dxp-server.xml')]);
    expect([envelope.code, envelope.out]).toEqual([0, expect.stringMatching(/: valid DXP DxpMsgSv envelope holding a CEB311 message \(202205 specification\), guid "4CDE1CFD-EDED-46B1-946C-B8022E421038"\.\n$/)]);
    const response = await run(validateCommand, [fixture('special/dxp-response.xml')]);
    expect([response.code, response.out]).toEqual([0, expect.stringMatching(/: valid DXP DxpRep envelope\.\n$/)]);
  });

  it('lists each issue with its path and exits 1', async () => {
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, readFileSync(fixture('CEB621.xml'), 'utf8').replace(/<ceb:orderNo>[^<]*<\/ceb:orderNo>/, ''));
    const r = await run(validateCommand, [bad]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Inventory[0].InventoryHead.orderNo: is required');
  });

  it('refuses a DOCTYPE without expanding it', async () => {
    const evil = join(dir, 'evil.xml');
    writeFileSync(evil, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><ceb:CEB311Message xmlns:ceb="http://www.chinaport.gov.cn/ceb">&a;</ceb:CEB311Message>');
    const r = await run(validateCommand, [evil]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/DOCTYPE/i);
  });

  it('checks scenarios, listing every issue by JSON path', async () => {
    const ok = await run(validateCommand, [new URL('../../examples/scenarios/guangzhou-three-channels.json', import.meta.url).pathname]);
    expect(ok.code).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ start: 'soon', arrivals: [], catalogue: [] }));
    const r = await run(validateCommand, [bad]);
    expect(r.code).toBe(1);
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(3);
    expect(r.out).toContain('arrivals: must list at least one channel');
  });

  it('refuses a missing file with a usage error, and shows the help on --help', async () => {
    await expect(run(validateCommand, [])).rejects.toThrow(/<file>: is missing/);
    expect((await run(validateCommand, ['--help'])).out).toMatch(/Usage: cbec-sim validate/);
  });
});

describe('cbec-sim order', () => {
  it('prints the breakdown and the tax of the sample order', async () => {
    const r = await run(orderCommand, [new URL('../../examples/orders/cosmetics-9610.json', import.meta.url).pathname]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('dutiable      1,019.70');
    expect(r.out).toContain('route cbec');
  });

  it('lists the commands in the usage text', () => {
    expect(usage()).toMatch(/order +validate an order/);
    expect(usage()).toMatch(/validate +check a CEB message/);
  });
});

describe('cbec-sim diagram', () => {
  it('prints a Mermaid statechart of a channel, and names the channels when one is unknown', async () => {
    const { diagramCommand } = await import('../../src/cli/commands/diagram.js');
    const r = await run(diagramCommand, ['1210-import']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^stateDiagram-v2/);
    await expect(run(diagramCommand, ['bonded'])).rejects.toThrow(/9610-import, 1210-import/);
  });
});

describe('cbec-sim run', () => {
  const scenario = new URL('../../examples/scenarios/guangzhou-three-channels.json', import.meta.url).pathname;

  it('gives the same JSON report with --workers 1 and --workers 2 for --shards 2', async () => {
    const args = [scenario, '--orders', '300', '--shards', '2', '--format', 'json'];
    const one = await run(runCommand, [...args, '--workers', '1']);
    const two = await run(runCommand, [...args, '--workers', '2']);
    expect(one.code).toBe(0);
    expect(two.out).toBe(one.out);
    const report = JSON.parse(one.out) as { scenario: { shards: number }; runner: string; totals: { orders: number } };
    expect(report.scenario.shards).toBe(2);
    expect(report.runner).toBe('lean');
    expect(report.totals.orders).toBe(300);
    const xstate = JSON.parse((await run(runCommand, [scenario, '--orders', '20', '--format', 'json', '--runner', 'xstate'])).out) as { runner: string };
    expect(xstate.runner).toBe('xstate');
  });

  it.each([
    [['--workers', '0'], '--workers', /from 1 to the number of shards \(1\)/],
    [['--workers', 'two'], '--workers', /whole number/],
    [['--shards', '2', '--workers', '3'], '--workers', /from 1 to the number of shards \(2\)/],
    [['--shards', '0'], '--shards', /from 1 to 64/],
    [['--shards', '65'], '--shards', /from 1 to 64/],
    [['--runner', 'fast'], '--runner', /must be one of lean, compiled, xstate/],
  ])('refuses %j, naming %s', async (options, flag, reason) => {
    const error: unknown = await run(runCommand, [scenario, ...options]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => i.path)).toEqual([[flag]]);
    expect(issues[0]?.reason).toMatch(reason);
  });

  it('documents --shards, --workers and --runner in its help', async () => {
    const help = (await run(runCommand, ['--help'])).out;
    expect(help).toMatch(/--shards N +split the run into N independent shards, 1 to 64/);
    expect(help).toMatch(/--workers N +simulate the shards on N worker threads/);
    expect(help).toMatch(/--runner NAME +how machines are driven: lean, compiled, xstate \(default lean/);
  });
});
