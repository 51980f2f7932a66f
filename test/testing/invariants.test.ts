import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { PassThrough } from 'node:stream';
import { BondedLedger, type LedgerEntry } from '../../src/channels/bonded/ledger.js';
import type { QuotaMovement } from '../../src/channels/effects.js';
import { runAutopilot } from '../../src/channels/autopilot.js';
import { CHANNELS } from '../../src/channels/registry.js';
import { money } from '../../src/money/money.js';
import { createNdjsonLog, type TransitionRecord } from '../../src/sim/log.js';
import type { Report } from '../../src/sim/report/types.js';
import { parseScenario } from '../../src/sim/scenario/load.js';
import { createSimulation } from '../../src/sim/simulation.js';
import {
  assertInvariants,
  channelDocuments,
  checkInvariants,
  everyOrderAccountedFor,
  InvariantError,
  ledgerNeverNegative,
  loggedReceipts,
  planOf,
  quotaWithinLimit,
  receiptsInAllowedOrder,
  releaseNeedsMatchedDocuments,
  scenarioInput,
  stepRecords,
  taxesExact,
} from '../../src/testing/index.js';

/** A run of a generated scenario, with its report and log. */
async function run(seed: number): Promise<{ report: Report; log: TransitionRecord[] }> {
  const [input] = fc.sample(scenarioInput(), { numRuns: 1, seed });
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const log = createNdjsonLog(stream);
  const report = await createSimulation(parseScenario(input)).run({ log });
  await log.close();
  const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n').filter((l) => l !== '');
  return { report, log: lines.map((l) => JSON.parse(l) as TransitionRecord) };
}

/** One 9610 import order driven by the autopilot, as log records. */
function importTrail(): { records: TransitionRecord[]; orderNo: string } {
  const [docs] = fc.sample(channelDocuments('9610-import'), { numRuns: 1, seed: 5 });
  const { steps } = runAutopilot(CHANNELS['9610-import'].machine, { order: docs!.order }, planOf(docs!));
  return { records: stepRecords(docs!.order.orderNo, '9610-import', steps), orderNo: docs!.order.orderNo };
}

describe('invariants on generated scenario runs', () => {
  it.each([1, 2, 3, 4, 5, 6])('a generated scenario (seed %i) runs fast, reconciles and keeps every invariant', async (seed) => {
    const started = performance.now();
    const { report, log } = await run(seed);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(report.reconciliation.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.totals.orders).toBeGreaterThan(0);
    expect(() => assertInvariants({ report, log })).not.toThrow();
  });
});

describe('every order accounted for', () => {
  it('catches an order that went missing from a channel', async () => {
    const { report } = await run(1);
    expect(everyOrderAccountedFor(report)).toEqual([]);
    const [first, ...rest] = report.channels;
    const lost: Report = { ...report, channels: [{ ...first!, terminal: first!.terminal - 1 }, ...rest] };
    const found = everyOrderAccountedFor(lost);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ invariant: 'every-order-accounted-for', subject: first!.channel });
    expect(found[0]!.message).toMatch(/orders but \d+ finished and \d+ in flight/);
  });

  it('catches a total that does not add up', async () => {
    const { report } = await run(2);
    const found = everyOrderAccountedFor({ ...report, totals: { ...report.totals, orders: report.totals.orders + 1 } });
    expect(found.map((v) => v.subject)).toContain('run');
  });
});

describe('no release without three matched documents', () => {
  it('holds on an autopilot run, and catches a release before the payment was stored', () => {
    const { records, orderNo } = importTrail();
    expect(releaseNeedsMatchedDocuments(records)).toEqual([]);
    const planted = records.filter((r) => r.event !== 'PAYMENT_ACKED');
    const found = releaseNeedsMatchedDocuments(planted);
    expect(found).toEqual([{ invariant: 'release-needs-matched-documents', subject: orderNo, message: `9610-import order ${orderNo} was released (800) before customs stored its payment.` }]);
  });

  it('needs only order and waybill for 9710, but the list accepted', () => {
    const base = { t: 0, orderNo: 'B1', channel: '9710', from: '', to: '', status: [], reason: null };
    const ok = ['ORDER_ACKED', 'WAYBILL_ACKED', 'CUSTOMS_ACCEPTED', 'RELEASED'].map((event) => ({ ...base, event }));
    expect(releaseNeedsMatchedDocuments(ok)).toEqual([]);
    expect(releaseNeedsMatchedDocuments(ok.filter((r) => r.event !== 'CUSTOMS_ACCEPTED'))[0]?.message).toContain('before customs stored the list');
  });
});

describe('receipt codes in an allowed order', () => {
  it('reads the message of each status from the log', () => {
    const { records } = importTrail();
    const receipts = loggedReceipts(records);
    expect(receipts.slice(0, 3).map((r) => `${r.message}:${r.status}`)).toEqual(['CEB312:2', 'CEB312:3', 'CEB312:120']);
    expect(receipts.filter((r) => r.message === 'CEB622').map((r) => r.status)).toEqual([2, 3, 120, 399, 800, 899]);
  });

  it('holds on an autopilot run, and catches a release logged before acceptance', () => {
    const { records, orderNo } = importTrail();
    expect(receiptsInAllowedOrder(records)).toEqual([]);
    const accepted = records.findIndex((r) => r.event === 'CUSTOMS_ACCEPTED');
    const released = records.findIndex((r) => r.event === 'RELEASED');
    const swapped = records.map((r, i) => (i === accepted ? records[released]! : i === released ? records[accepted]! : r));
    const found = receiptsInAllowedOrder(swapped);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ invariant: 'receipts-in-allowed-order', subject: orderNo });
    expect(found[0]!.message).toContain('CEB622 got 399 after 800 (step 4); receipt codes do not go back. Order');
  });

  it('treats each cancellation request as its own declaration', () => {
    const base = { t: 0, orderNo: 'C1', channel: '9610-import', from: 'delivery.outbound', to: 'delivery.outbound', reason: null };
    const twice = [1, 2].map(() => ({ ...base, event: 'CANCEL_REQUESTED', status: [100] }));
    expect(receiptsInAllowedOrder(twice)).toEqual([]);
    expect(receiptsInAllowedOrder([{ ...base, event: 'CLOSED', status: [899] }, { ...base, event: 'RELEASED', status: [800] }])).toHaveLength(1);
  });
});

describe('quota never above the limit', () => {
  const at = Date.parse('2019-06-01T10:00:00+08:00');
  const move = (op: QuotaMovement['op'], invtNo: string, amount: string): QuotaMovement => ({ type: 'quota', op, invtNo, buyerId: '110101199003074514', amount: money(amount), at });

  it('holds while restorations make room, and catches the reservation that goes over', () => {
    const within = [move('reserve', 'I1', '20000'), move('restore', 'I1', '20000'), move('reserve', 'I2', '26000'), move('commit', 'I2', '26000')];
    expect(quotaWithinLimit(within)).toEqual([]);
    const over = [move('reserve', 'I1', '20000'), move('reserve', 'I2', '6000.01')];
    expect(quotaWithinLimit(over)).toEqual([
      { invariant: 'quota-within-limit', subject: '110101199003074514', message: 'list I2 took buyer 110101199003074514 to 26,000.01 CNY in 2019, over the annual limit of 26,000.00 CNY.' },
    ]);
    expect(quotaWithinLimit([move('reserve', 'I1', '2001')], { annualLimit: '2000' })).toHaveLength(1);
  });
});

describe('ledger never negative', () => {
  const base = { emsNo: 'T5141W000001', at: 0 };
  const line = (quantity: number) => [{ itemRecordNo: '1', quantity: money(quantity) }];

  it('holds on a real account book, and catches a deduction of stock that was never there', () => {
    const journal: LedgerEntry[] = [];
    const book = new BondedLedger({ onEntry: (entry) => journal.push(entry) });
    book.credit({ ...base, op: 'credit', ref: 'E1', lines: line(5) });
    book.reserve({ ...base, op: 'reserve', ref: 'L1', lines: line(3) });
    book.deduct('L1', 1);
    book.restore('L1', 2);
    expect(journal.map((e) => e.op)).toEqual(['credit', 'reserve', 'deduct', 'restore']);
    expect(ledgerNeverNegative(journal)).toEqual([]);
    const planted: LedgerEntry[] = [{ ...base, op: 'reserve', ref: 'L2', lines: line(2) }, { ...base, op: 'deduct', ref: 'L2', lines: line(2) }];
    const found = ledgerNeverNegative(planted);
    expect(found[0]).toMatchObject({ invariant: 'ledger-never-negative', subject: 'T5141W000001 item 1' });
    expect(found[0]!.message).toContain('-2 available');
  });

  it('catches a reservation of more than is on hand', () => {
    const planted: LedgerEntry[] = [{ ...base, op: 'credit', ref: 'E1', lines: line(1) }, { ...base, op: 'reserve', ref: 'L1', lines: line(2) }];
    expect(ledgerNeverNegative(planted).map((v) => v.message)).toEqual(['after reserve L1, T5141W000001 item 1 has 1 on hand, 2 reserved, -1 available.']);
  });
});

describe('taxes exact to the fen and equal to the rules', () => {
  const [docs] = fc.sample(channelDocuments('9610-import'), { numRuns: 1, seed: 9 });
  const order = docs!.order;
  const tax = docs!.tax!;

  it('holds for the rules own answer', () => {
    expect(taxesExact([{ order, tax }])).toEqual([]);
  });

  it('catches an amount that is not whole fen and a total that is not the rules answer', () => {
    const found = taxesExact([{ order, tax: { ...tax, vat: tax.vat.plus('0.001'), total: tax.total.plus('0.001') } }]);
    expect(found.map((v) => v.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('vat'), expect.stringContaining('is not whole fen'), expect.stringMatching(/total is .* the rules \(RULES_2019\) say/)]),
    );
  });

  it('catches a route the rules would not take', () => {
    expect(taxesExact([{ order, tax: { ...tax, route: 'cbec-full' } }])[0]?.message).toContain('route is cbec-full, the rules say cbec');
  });
});

describe('assertInvariants', () => {
  it('throws one error listing every violation', () => {
    const { records } = importTrail();
    const evidence = { log: records.filter((r) => r.event !== 'WAYBILL_ACKED'), ledger: [{ emsNo: 'E', at: 0, op: 'deduct' as const, ref: 'X', lines: [{ itemRecordNo: '1', quantity: money(1) }] }] };
    expect(checkInvariants(evidence).map((v) => v.invariant)).toEqual(['release-needs-matched-documents', 'ledger-never-negative']);
    expect(() => assertInvariants(evidence)).toThrow(InvariantError);
    expect(() => assertInvariants(evidence)).toThrow(/2 invariant violations:\n {2}- \[release-needs-matched-documents\]/);
  });
});
