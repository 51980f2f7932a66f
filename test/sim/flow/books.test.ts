/**
 * The run's books in whole numbers against the Decimal references: random quota and stock
 * movements of a few orders, applied through the order flow's effects to the quota book and the
 * account book, and to `createQuotaLedger` and `BondedLedger`, give the same decisions and the
 * same totals, to the fen and the unit.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { BondedLedger } from '../../../src/channels/bonded/ledger.js';
import { money, type Money } from '../../../src/money/money.js';
import { moneyOfFen } from '../../../src/money/fen.js';
import { createQuotaLedger } from '../../../src/rules/quota.js';
import { rulesAt } from '../../../src/rules/rule-sets.js';
import { ChannelMetrics } from '../../../src/sim/metrics/channel-metrics.js';
import { FlowEffects, type EffectParts } from '../../../src/sim/flow/effects.js';
import { OrderDraws, OrderLines } from '../../../src/sim/flow/order-draws.js';
import { OrderRandom } from '../../../src/sim/flow/order-random.js';
import { QuotaBook } from '../../../src/sim/flow/quota-book.js';
import { OrderRows } from '../../../src/sim/flow/rows.js';
import { StockBook } from '../../../src/sim/flow/stock-book.js';
import { createRng } from '../../../src/sim/rng.js';
import { parseScenario } from '../../../src/sim/scenario/load.js';
import { stockingPolicy } from '../../../src/sim/stocking.js';
import { SummaryBook } from '../../../src/sim/summary-book.js';
import { CHANNEL_IDS } from '../../../src/channels/registry.js';
import { E, QUOTA_COMMIT, QUOTA_RESERVE, QUOTA_RESTORE, STOCK_CREDIT, STOCK_DEDUCT, STOCK_RESERVE, STOCK_RESTORE } from '../../../src/sim/runner/lean/codes.js';
import { LeanEvent } from '../../../src/sim/runner/lean/context.js';

const scenario = parseScenario({
  start: '2019-12-30T00:00:00+08:00',
  arrivals: [{ channel: '1210-import', ordersPerDay: 1 }],
  catalogue: ['A', 'B', 'C', 'D'].map((itemNo) => ({ itemNo, itemName: itemNo, hsCode: '3304990099', unit: '011', originCountry: 'JP', minPrice: '10.00', maxPrice: '9000.00', channels: ['1210-import' as const] })),
  buyers: { population: 3, maxLinesPerOrder: 3 },
});
const ORDERS = 6;
const CHANNEL = CHANNEL_IDS.indexOf('1210-import');
const YEAR_END = Date.parse('2019-12-31T23:00:00+08:00');
const EMS = 'T5141W000001';

/** The flow's effects over a few orders, with every book they move and what they queued. */
function books() {
  const rows = new OrderRows(ORDERS);
  const queued: { slot: number; code: number }[] = [];
  const draws = new OrderDraws(scenario, 3);
  const random = new OrderRandom(99);
  const source = { draws, random, lines: new OrderLines(3) };
  const quota = new QuotaBook(() => 0);
  const stock = new StockBook(scenario.catalogue.length);
  const metrics = new ChannelMetrics('1210-import');
  const parts: EffectParts = {
    scenario,
    rows,
    schedule: (slot, _time, code) => queued.push({ slot, code }),
    lines: source,
    quota,
    stock,
    summaries: new SummaryBook(scenario, createRng(1).stream('destinations'), 'X'),
    metrics: () => metrics,
    carrier: () => createRng(1).stream('carrier'),
    stocking: stockingPolicy(scenario),
    firstYear: 2019,
  };
  for (let slot = 0; slot < ORDERS; slot++) {
    rows.take();
    rows.setChannel(slot, CHANNEL);
    rows.setSerial(slot, slot + 1);
    rows.setBuyer(slot, slot % 3);
    const lines = draws.draw(CHANNEL, random.start(slot + 1), source.lines);
    rows.setGoods(slot, lines.goodsValue);
    rows.setFreight(slot, lines.freight);
  }
  return { rows, effects: new FlowEffects(parts), quota, stock, queued, source };
}

/** One movement of one order at one instant. */
const move = fc.record({ slot: fc.nat({ max: ORDERS - 1 }), op: fc.nat({ max: 3 }), hours: fc.integer({ min: 0, max: 48 }) });

describe('the quota book, moved by the order flow, against createQuotaLedger', () => {
  test.prop([fc.array(move, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 2_600_000 }), { minLength: 3, maxLength: 3 })])(
    'refuses the same reservations and holds the same totals, to the fen, across the turn of a year',
    (moves, prior) => {
      const { rows, effects, quota, queued } = books();
      const reference = createQuotaLedger();
      const held = new Set<number>();
      const reserved = new Set<number>();
      // Each buyer has used some of the 2019 limit already, in both books.
      prior.forEach((fen, buyer) => {
        quota.reserve(buyer, YEAR_END, fen);
        reference.reserve({ buyerId: `B${buyer}`, invtNo: `P${buyer}`, at: YEAR_END, amount: moneyOfFen(fen) });
      });
      const event = new LeanEvent();
      for (const { slot, op, hours } of moves) {
        const at = YEAR_END + hours * 3_600_000 - 24 * 3_600_000;
        const amount: Money = moneyOfFen(rows.goods(slot) + rows.freight(slot));
        const buyerId = `B${rows.buyer(slot)}`;
        const invtNo = `L${slot}`;
        if (op === 0) {
          // An order reserves once (its list is accepted once).
          if (reserved.has(slot)) continue;
          reserved.add(slot);
          queued.length = 0;
          effects.quota(slot, QUOTA_RESERVE, event.set(E.CUSTOMS_ACCEPTED, slot, at));
          if (rulesAt(at).regime === 'cbec') {
            const ok = reference.reserve({ buyerId, invtNo, at, amount }).ok;
            if (ok) held.add(slot);
            expect(queued).toEqual(ok ? [] : [{ slot, code: E.QUOTA_REFUSED }]);
          }
        } else if (op === 1) {
          effects.quota(slot, QUOTA_COMMIT, event.set(E.RELEASED, 0, at));
          if (held.has(slot)) reference.commit(invtNo);
        } else if (op === 2) {
          effects.quota(slot, QUOTA_RESTORE, event.set(E.REJECTED, 0, at));
          if (held.has(slot)) reference.restore(invtNo);
          held.delete(slot);
        }
        for (let buyer = 0; buyer < 3; buyer++) {
          for (const when of [YEAR_END, YEAR_END + 2 * 3_600_000]) expect(moneyOfFen(quota.used(buyer, when)).eq(reference.used(`B${buyer}`, when))).toBe(true);
        }
      }
      expect(quota.overruns).toBe(0);
    },
  );

  it("books a buyer's prior use once per year, below the share of the limit, and none under the postal rules", () => {
    const quota = new QuotaBook(() => 0.499);
    const at = Date.parse('2019-11-04T10:00:00+08:00');
    quota.bookPrior(7, at);
    quota.bookPrior(7, at);
    expect(quota.used(7, at)).toBe(Math.floor(0.499 * 26_000 * 100));
    const postal = Date.parse('2013-11-04T10:00:00+08:00');
    quota.bookPrior(7, postal);
    expect([quota.inForce(postal), quota.used(7, postal)]).toEqual([false, 0]);
  });
});

describe('the account book, moved by the order flow, against BondedLedger', () => {
  test.prop([fc.array(move, { maxLength: 40 }), fc.integer({ min: 1, max: 12 })])('refuses the same reservations and holds the same balances, unit for unit', (moves, opening) => {
    const { effects, stock, queued, rows, source } = books();
    const reference = new BondedLedger();
    const lines = (slot: number) => {
      const drawn = source.draws.draw(CHANNEL, source.random.start(rows.serial(slot)), new OrderLines(3));
      return Array.from({ length: drawn.count }, (_, i) => ({ itemRecordNo: String(drawn.goods[i]! + 1), quantity: money(drawn.quantity[i]!) }));
    };
    for (let item = 0; item < scenario.catalogue.length; item++) {
      stock.credit(item, opening);
      reference.credit({ op: 'credit', ref: `OPEN${item}`, emsNo: EMS, lines: [{ itemRecordNo: String(item + 1), quantity: money(opening) }], at: 0 });
    }
    const event = new LeanEvent();
    const credited = new Set<number>();
    for (const { slot, op } of moves) {
      const ref = `C${slot}`;
      // An order's goods enter the zone once.
      if (op === 0 && credited.has(slot)) continue;
      if (op === 0) credited.add(slot);
      const ops = [STOCK_CREDIT, STOCK_RESERVE, STOCK_DEDUCT, STOCK_RESTORE] as const;
      queued.length = 0;
      effects.stock(slot, ops[op]!, event.set(E.LIST_DECLARED, 0, 0));
      if (op === 0) reference.credit({ op: 'credit', ref: `HZ${slot}`, emsNo: EMS, lines: lines(slot), at: 0 });
      else if (op === 1) expect(queued.some((q) => q.code === E.STOCK_SHORTAGE)).toBe(!reference.reserve({ op: 'reserve', ref, emsNo: EMS, lines: lines(slot), at: 0 }).ok);
      else if (op === 2) reference.deduct(ref, 0);
      else reference.restore(ref, 0);
      for (let item = 0; item < scenario.catalogue.length; item++) {
        const balance = reference.balance(EMS, String(item + 1));
        expect([stock.onHand[item], stock.reserved[item]]).toEqual([Number(balance.onHand.toString()), Number(balance.reserved.toString())]);
      }
    }
  });
});
