import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orderCommand } from '../../src/cli/commands/order.js';
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

  it('shows usage without a file', async () => {
    expect((await run(validateCommand, [])).code).toBe(2);
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
