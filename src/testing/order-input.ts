import fc from 'fast-check';
import { CHANNELS, type ChannelId } from '../channels/registry.js';
import type { OrderInput } from '../domain/order.js';
import { retailImportTax } from '../rules/retail-import-tax.js';
import { toEpoch } from '../sim/clock.js';
import { buyer, consignee } from './buyer.js';
import { channelFacts } from './channel-facts.js';
import { goods } from './goods.js';
import { amount } from './amount.js';

/** Platforms (ebp) and sellers (ebc) the generated orders name. */
const PLATFORMS = [
  { code: '4401960ABC', name: '广州某电商平台' },
  { code: '3301960XYZ', name: '杭州某跨境平台' },
];
const SELLERS = [
  { code: '4401960DEF', name: '某海外旗舰店' },
  { code: '91440101MA5CXXXX1B', name: '广州某贸易有限公司' },
];

const FROM = toEpoch('2019-04-01T00:00:00+08:00') / 1000;
const UNTIL = toEpoch('2024-12-31T23:59:59+08:00') / 1000;

/**
 * Order JSON for channel `id`, as `parseOrder` takes it: one to three lines of tariff-table goods,
 * one to three of each at 1.00 to 400.00 CNY, freight up to 50.00, placed between 2019-04 and 2024.
 * Import orders carry a buyer with a valid ID and the tax the platform withholds (the rules'
 * answer), so every order stays within the 2019 single-transaction limit; B2B orders stay within
 * the 5,000 CNY list route.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(orderInput('9610-import'), (input) => parseOrder(input).orderNo === input.orderNo));
 * ```
 */
export function orderInput(id: ChannelId): fc.Arbitrary<OrderInput> {
  const facts = channelFacts(id);
  const channel = CHANNELS[id];
  const importing = channel.ieFlag === 'I';
  const line = fc.record({ goods: goods({ bonded: facts.bonded }).map((g) => ({ ...g, declarationElements: [...g.declarationElements] })), quantity: fc.integer({ min: 1, max: 3 }).map(String), unitPrice: amount('1.00', '400.00').map((a) => a.toFixed(2)) });
  return fc
    .record({
      orderNo: fc.stringMatching(/^[A-Z]{2}[0-9]{10,18}$/),
      ebp: fc.constantFrom(...PLATFORMS),
      ebc: fc.constantFrom(...SELLERS),
      buyer: buyer(),
      consignee: consignee(),
      lines: fc.array(line, { minLength: 1, maxLength: 3 }),
      freight: amount('0.00', '50.00').map((a) => a.toFixed(2)),
      placedAt: fc.integer({ min: FROM, max: UNTIL }).map((s) => s * 1000),
    })
    .map(({ buyer: b, consignee: c, ...o }) => {
      const base = { ...o, orderType: facts.orderType, tradeMode: channel.tradeMode, currency: '142' };
      if (!importing) return base;
      const tax = retailImportTax({ date: o.placedAt, lines: o.lines.map((l) => ({ hsCode: l.goods.hsCode, quantity: l.quantity, unitPrice: l.unitPrice })), freight: o.freight });
      return { ...base, buyer: b, consignee: c, taxTotal: tax.total.toFixed(2) };
    });
}

