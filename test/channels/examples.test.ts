import { describe, expect, it } from 'vitest';
import { createAutopilot, runAutopilot } from '../../src/channels/autopilot.js';
import { createDriver, stateName } from '../../src/channels/drive.js';
import type { AutopilotPlan } from '../../src/channels/autopilot.js';
import type { DriveReport } from '../../src/channels/drive.js';
import type { ChannelEffect } from '../../src/channels/effects.js';
import { CHANNELS } from '../../src/channels/registry.js';
import type { ChannelId } from '../../src/channels/registry.js';
import { parseScript } from '../../src/customs/scripts.js';
import type { Receipt } from '../../src/customs/receipts.js';
import { money } from '../../src/money/money.js';
import { FACTS, orderFor, planFor, probeEvents, TestQuotaLedger } from './fixtures.js';
import { checkInvariants, SideLedgers } from './invariants.js';

interface Run {
  readonly report: DriveReport;
  readonly state: string;
  /** Receipts as `MESSAGE:status`, space-separated. */
  readonly receipts: string;
  readonly effects: readonly ChannelEffect[];
  readonly ledgers: SideLedgers;
}

/** Runs one order with the autopilot, checking every invariant after every step. */
function run(id: ChannelId, script = '', plan: Partial<AutopilotPlan> = {}): Run {
  const order = orderFor(id);
  const report = runAutopilot(CHANNELS[id].machine, { order }, { ...planFor(id, order), script: parseScript(script), ...plan });
  const ledgers = new SideLedgers(FACTS[id].bonded && FACTS[id].ie === 'I');
  const effects = report.steps.flatMap((s) => s.effects);
  for (const step of report.steps) ledgers.apply(step.effects, step.event.type);
  checkInvariants(CHANNELS[id], report.snapshot, ledgers, probeEvents(CHANNELS[id]));
  const receipts = effects.filter((e): e is Receipt => e.type === 'receipt');
  if (script === '' && plan.payment === undefined) console.log(`${id} ${plan.route ?? ''} receipts: ${receipts.map((x) => `${x.message}:${x.status}`).join(' ')}`);
  return { report, state: stateName(report.snapshot.value), receipts: receipts.map((r) => `${r.message}:${r.status}`).join(' '), effects, ledgers };
}

const reasonOf = (r: Run): string | undefined => r.report.snapshot.context.reason?.code;
const ops = (r: Run, type: ChannelEffect['type']): string[] => r.effects.flatMap((e) => (e.type === type && 'op' in e ? [e.op] : []));

const IMPORT_DOCS = 'CEB312:2 CEB312:3 CEB312:120 CEB412:2 CEB412:3 CEB412:120 CEB512:2 CEB512:3 CEB512:120';
const EXPORT_DOCS = 'CEB304:2 CEB304:3 CEB304:120 CEB404:2 CEB404:3 CEB404:120 CEB506:2 CEB506:3 CEB506:120';
const B2B_DOCS = 'CEB304:2 CEB304:3 CEB304:120 CEB506:2 CEB506:3 CEB506:120';

describe('happy paths, one per channel', () => {
  it.each(['9610-import', '1210-import', '1239-import'] as const)('%s: documents, list, decision, release, delivery, close', (id) => {
    const r = run(id);
    expect(r.receipts).toBe(`${IMPORT_DOCS} CEB622:2 CEB622:3 CEB622:120 CEB622:399 CEB622:800 CEB622:899`);
    expect(r.state).toBe('closed');
    expect(ops(r, 'quota')).toEqual(['reserve', 'commit']);
    expect(ops(r, 'tax-bill')).toEqual(['issue']);
    expect(ops(r, 'stock')).toEqual(FACTS[id].bonded ? ['reserve', 'deduct'] : []);
  });

  it('9610-export: documents, list, arrival, release into the summary, departure, close', () => {
    const r = run('9610-export');
    expect(r.receipts).toBe(`${EXPORT_DOCS} CEB604:2 CEB604:3 CEB604:120 CEB604:399 CEB508:120 CEB604:800 CEB510:120 CEB604:899`);
    expect(r.ledgers.summary).toEqual(['51412019E000000001']);
    expect(r.state).toBe('closed');
  });

  it('1210-export: zone entry credits the book and triggers the rebate; release deducts', () => {
    const r = run('1210-export');
    expect(r.receipts).toBe(`${EXPORT_DOCS} CEB604:2 CEB604:3 CEB604:120 CEB604:399 CEB508:120 CEB604:800 CEB510:120 CEB604:899`);
    expect(ops(r, 'stock')).toEqual(['credit', 'reserve', 'deduct']);
    expect(r.effects.filter((e) => e.type === 'rebate')).toHaveLength(1);
    expect(r.ledgers.stock.balance('T5141W000001', '1').onHand.toString()).toBe('0');
  });

  it('9710: order and waybill, list route under 5,000 CNY, no summary', () => {
    const r = run('9710');
    expect(r.receipts).toBe(`${B2B_DOCS} CEB604:2 CEB604:3 CEB604:120 CEB604:399 CEB508:120 CEB604:800 CEB510:120 CEB604:899`);
    expect(r.ledgers.summary).toEqual([]);
  });

  it('9710: the customs-declaration route answers on H2018', () => {
    const r = run('9710', '', { route: 'entry' });
    expect(r.receipts).toBe(`${B2B_DOCS} H2018:2 H2018:3 H2018:120 H2018:399 CEB508:120 H2018:800 CEB510:120 H2018:899`);
  });

  it('9810: after closing, the goods are stocked abroad and sold', () => {
    const r = run('9810');
    expect(r.receipts).toBe(`${B2B_DOCS} CEB604:2 CEB604:3 CEB604:120 CEB604:399 CEB508:120 CEB604:800 CEB510:120 CEB604:899`);
    expect(r.report.steps.slice(-2).map((s) => s.event.type)).toEqual(['WAREHOUSED', 'SOLD']);
    expect(r.state).toBe('sold');
  });
});

describe('unhappy paths', () => {
  it('send failure (4) is resent (2) and then goes through', () => {
    const r = run('9610-import', 'send-fail:payment');
    const payment = r.effects.flatMap((e) => (e.type === 'receipt' && e.message === 'CEB412' ? [e.status] : []));
    expect(payment).toEqual([2, 4, 2, 3, 120]);
    expect(r.state).toBe('closed');
  });

  it('a list whose payment never comes is refused (100) "支付单不存在" when the wait runs out', () => {
    const r = run('9610-import', 'reject:payment-missing');
    expect(r.receipts).toMatch(/CEB622:3 CEB622:100$/);
    expect(r.report.steps.at(-1)?.event).toMatchObject({ type: 'TIMEOUT', timer: 'documents' });
    expect(reasonOf(r)).toBe('payment-missing');
    expect(r.report.snapshot.context.reason?.text).toContain('支付单不存在');
    expect(ops(r, 'quota')).toEqual([]);
  });

  it('documents that disagree (payer is not the buyer) keep the list from acceptance and it is refused', () => {
    const order = orderFor('9610-import');
    const payment = { ...planFor('9610-import', order).payment!, payerName: '李四' };
    const r = run('9610-import', '', { payment });
    expect(r.state).toBe('rejected');
    expect(reasonOf(r)).toBe('payer-mismatch');
  });

  it('customs refuses (100) with the scripted reason', () => {
    const r = run('1210-import', 'reject:amount-mismatch');
    expect(r.receipts).toMatch(/CEB622:3 CEB622:100$/);
    expect(reasonOf(r)).toBe('amount-mismatch');
    expect(ops(r, 'stock')).toEqual(['reserve', 'restore']);
  });

  it('manual review (300) before the decision', () => {
    expect(run('9610-import', 'review').receipts).toContain('CEB622:120 CEB622:300 CEB622:399 CEB622:800');
    expect(run('9610-export', 'review').receipts).toContain('CEB604:120 CEB604:300 CEB604:399');
  });

  it('inspection (500) that passes, then release', () => {
    const r = run('9610-import', 'inspect:pass');
    expect(r.receipts).toContain('CEB622:399 CEB622:500 CEB622:800');
    expect(r.state).toBe('closed');
  });

  it.each([501, 502, 503, 599] as const)('inspection ending in detention %i: tax bill void, quota and stock restored', (code) => {
    const r = run('1210-import', `inspect:detain-${code}`);
    expect(r.receipts).toMatch(new RegExp(`CEB622:500 CEB622:${code}$`));
    expect(r.state).toBe('detained');
    expect(ops(r, 'tax-bill')).toEqual(['issue', 'void']);
    expect(ops(r, 'quota')).toEqual(['reserve', 'restore']);
    expect(ops(r, 'stock')).toEqual(['reserve', 'restore']);
  });

  it('inspection ending in re-export (700)', () => {
    const r = run('9610-import', 'reexport');
    expect(r.receipts).toMatch(/CEB622:500 CEB622:700$/);
    expect(r.state).toBe('reexported');
  });

  it('export inspection that fails is refused (100)', () => {
    const r = run('9610-export', 'inspect:fail');
    expect(r.receipts).toMatch(/CEB604:500 CEB604:100$/);
    expect(reasonOf(r)).toBe('inspection-failed');
  });

  it('cancellation before the goods leave the site is granted (CEB624 120): quota, tax, stock given back', () => {
    const r = run('1210-import', 'cancel:before-release');
    expect(r.receipts).toMatch(/CEB622:399 CEB624:120$/);
    expect(r.state).toBe('cancelled');
    expect(ops(r, 'quota')).toEqual(['reserve', 'restore']);
    expect(ops(r, 'tax-bill')).toEqual(['issue', 'void']);
    expect(ops(r, 'stock')).toEqual(['reserve', 'restore']);
    expect(r.ledgers.stock.balance('T5141W000001', '1').available.toString()).toBe('10');
  });

  it('export cancellation before departure is granted (CEB606 399)', () => {
    const r = run('9610-export', 'cancel:before-release');
    expect(r.receipts).toMatch(/CEB508:120 CEB606:399$/);
    expect(r.state).toBe('cancelled');
  });

  it.each([
    ['9610-import', 'CEB624'],
    ['9610-export', 'CEB606'],
  ] as const)('%s: cancellation after the goods left the site is refused (%s 100), the order goes on', (id, message) => {
    const r = run(id, 'cancel:after-departure');
    expect(r.receipts).toContain(`${message}:100`);
    expect(r.effects.find((e) => e.type === 'receipt' && e.message === message)).toMatchObject({ reason: { code: 'goods-left-site' } });
    expect(r.state).toBe('closed');
  });

  it('return requested on day 12 with goods back on day 17: quota restored, tax bill void, stock back in the zone', () => {
    const r = run('1210-import', 'return:day-12');
    expect(r.receipts).toMatch(/CEB622:800 CEB626:399$/);
    expect(r.state).toBe('returned');
    expect(ops(r, 'quota')).toEqual(['reserve', 'commit', 'restore']);
    expect(ops(r, 'tax-bill')).toEqual(['issue', 'void']);
    expect(ops(r, 'stock')).toEqual(['reserve', 'deduct', 'restore']);
    expect(r.ledgers.quota.used('110101199003074514').toString()).toBe('0');
    expect(r.ledgers.stock.balance('T5141W000001', '1').onHand.toString()).toBe('10');
  });

  it('a return requested after day 30 is refused (CEB626 100) and the list closes', () => {
    const r = run('9610-import', 'return:day-31');
    expect(r.receipts).toMatch(/CEB626:100 CEB622:899$/);
    expect(r.state).toBe('closed');
    expect(ops(r, 'quota')).toEqual(['reserve', 'commit']);
  });

  it('returned goods not back within 45 days: the return lapses (CEB626 100) and the list closes', () => {
    const r = run('9610-import', 'return:day-20-lapsed');
    expect(r.receipts).toMatch(/CEB626:399 CEB626:100 CEB622:899$/);
    expect(r.report.snapshot.context.held).toMatchObject({ quota: 'committed', taxBill: true });
  });

  it('annual quota refusal: the accepted list is refused (100, quota-exceeded)', () => {
    const r = run('9610-import', 'reject:quota-exceeded');
    expect(r.receipts).toMatch(/CEB622:120 CEB622:100$/);
    expect(reasonOf(r)).toBe('quota-exceeded');
  });

  it('runner protocol: a quota ledger that refuses the reservation is answered with QUOTA_REFUSED', () => {
    const order = orderFor('9610-import');
    const quota = new TestQuotaLedger(money('100.00'));
    const driver = createDriver(CHANNELS['9610-import'].machine, { order });
    const pilot = createAutopilot(planFor('9610-import', order));
    let refusedAt: number | undefined;
    while (driver.snapshot.status === 'active' && refusedAt === undefined) {
      const event = pilot.next(driver.snapshot)!;
      for (const effect of driver.send(event)) {
        if (effect.type === 'quota' && effect.op === 'reserve' && !quota.reserve(effect).ok) refusedAt = effect.at;
      }
    }
    expect(driver.send({ type: 'QUOTA_REFUSED', at: refusedAt! })).toMatchObject([{ message: 'CEB622', status: 100, reason: { code: 'quota-exceeded' } }]);
    expect(quota.used('110101199003074514').toString()).toBe('0');
  });

  it('bonded stock shortage refuses the list (100, stock-shortage)', () => {
    const r = run('1239-import', 'reject:stock-shortage');
    expect(r.receipts).toMatch(/CEB622:2 CEB622:100$/);
    expect(reasonOf(r)).toBe('stock-shortage');
  });

  it('export arrival never reported: TIMEOUT refuses the list (100, arrival-missing)', () => {
    const r = run('9610-export', 'reject:arrival-missing');
    expect(r.receipts).toMatch(/CEB604:399 CEB604:100$/);
    expect(r.state).toBe('arrivalLapsed');
    expect(reasonOf(r)).toBe('arrival-missing');
  });
});
