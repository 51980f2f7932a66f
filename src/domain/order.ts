/**
 * Reading an order from outside data: validation at the boundary, with every problem reported.
 */
import { z } from 'zod';
import { ValidationError } from './errors.js';
import { issuesFromZod } from './zod-issues.js';
import { countryField, currencyField, hsCodeField, instantField, moneyField, quantityField, unitField } from './fields.js';
import { residentIdProblem } from './resident-id.js';
import { ZERO, sum } from '../money/money.js';
import { dropUndefined } from './drop-undefined.js';
import type { Order, OrderType, TradeMode } from './model.js';
import { MEASURE_UNITS, type MeasureUnit } from './measure.js';

const partySchema = /* @__PURE__ */ (() =>
  z.object({
    code: z.string().regex(/^[0-9A-Z]{10}([0-9A-Z]{8})?$/, 'must be a 10-character customs code or an 18-character credit code (digits and upper-case letters)'),
    name: z.string().min(1, 'must not be empty'),
  }))();

const buyerSchema = /* @__PURE__ */ (() =>
  z.object({
    regNo: z.string().min(1, 'must not be empty'),
    name: z.string().min(1, 'must not be empty'),
    idType: z.enum(['1', '2']).default('1'),
    idNumber: z.string(),
    phone: z.string().regex(/^\+?[0-9-]{5,20}$/, 'must be a phone number (digits, optional + and -)'),
  }).superRefine((buyer, ctx) => {
    if (buyer.idType !== '1') return;
    const problem = residentIdProblem(buyer.idNumber);
    if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], input: buyer.idNumber, message: `ID number ${problem}` });
  }))();

const goodsSchema = /* @__PURE__ */ (() =>
  z.object({
  itemNo: z.string().min(1, 'must not be empty'),
  itemName: z.string().min(1, 'must not be empty'),
  hsCode: hsCodeField([10]),
  gname: z.string().min(1, 'must not be empty').optional(),
  declarationElements: z.array(z.string()).default([]),
  unit: unitField,
  originCountry: countryField,
  barCode: z.string().default('无'),
  itemRecordNo: z.string().min(1).optional(),
  measure: z.object({ quantity: quantityField, unit: z.enum(MEASURE_UNITS as [MeasureUnit, ...MeasureUnit[]]) }).strict().optional(),
}))();

const lineSchema = /* @__PURE__ */ z.object({
  goods: goodsSchema,
  quantity: quantityField,
  unitPrice: moneyField,
});

const TRADE_MODES = ['9610', '1210', '1239', '9710', '9810', '0110'] as const;

/** Which supervision modes each order type can travel under (0110 is ordinary trade, before a CBEC mode existed). */
const MODES_BY_ORDER_TYPE: Record<OrderType, readonly TradeMode[]> = {
  I: ['9610', '1210', '1239', '0110'],
  E: ['9610', '1210', '0110'],
  B: ['9710', '0110'],
  W: ['9810', '0110'],
};

/** The JSON shape of an order, as a scenario file or integrator supplies it. */
export const orderInputSchema = /* @__PURE__ */ (() =>
  z
    .object({
      orderNo: z.string().regex(/^[\x21-\x7e]{1,60}$/, 'must be 1 to 60 printable ASCII characters without spaces'),
      orderType: z.enum(['I', 'E', 'B', 'W']).default('I'),
      tradeMode: z.enum(TRADE_MODES),
      ebp: partySchema,
      ebc: partySchema,
      buyer: buyerSchema.optional(),
      consignee: z
        .object({
          name: z.string().min(1, 'must not be empty'),
          phone: z.string().min(5, 'must be a phone number'),
          address: z.object({ line: z.string().min(1, 'must not be empty'), districtCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit division code').optional() }),
        })
        .optional(),
      lines: z.array(lineSchema).min(1, 'must have at least one line'),
      freight: moneyField.optional(),
      insurance: moneyField.optional(),
      discount: moneyField.optional(),
      taxTotal: moneyField.optional(),
      actualPaid: moneyField.optional(),
      currency: currencyField.default('142'),
      placedAt: instantField,
    })
    .superRefine((order, ctx) => {
      const isImport = order.orderType === 'I';
      if (isImport && !order.buyer) ctx.addIssue({ code: 'custom', path: ['buyer'], input: undefined, message: 'is required on an import order (orderType I): the buyer is the taxpayer' });
      const allowed = MODES_BY_ORDER_TYPE[order.orderType];
      if (!allowed.includes(order.tradeMode)) {
        ctx.addIssue({ code: 'custom', path: ['tradeMode'], input: order.tradeMode, message: `mode ${order.tradeMode} does not fit orderType ${order.orderType}; use one of ${allowed.join(', ')}` });
      }
      // The reference day of the buyer's birth date is the day the order was placed (Shanghai), never today.
      if (order.buyer?.idType === '1') {
        const placedOn = new Date(order.placedAt + 8 * 3_600_000).toISOString().slice(0, 10);
        const problem = residentIdProblem(order.buyer.idNumber, placedOn);
        // other problems of the number are the buyer schema's to report
        if (problem !== undefined && residentIdProblem(order.buyer.idNumber) === undefined) ctx.addIssue({ code: 'custom', path: ['buyer', 'idNumber'], input: order.buyer.idNumber, message: `ID number ${problem}` });
      }
      order.lines.forEach((line, i) => {
        if ((order.tradeMode === '1210' || order.tradeMode === '1239') && !line.goods.itemRecordNo) {
          ctx.addIssue({ code: 'custom', path: ['lines', i, 'goods', 'itemRecordNo'], input: undefined, message: 'is required for bonded goods (1210/1239): the account-book item number' });
        }
      });
    }))();

/** What {@link parseOrder} accepts (the JSON input type of {@link orderInputSchema}). */
export type OrderInput = z.input<typeof orderInputSchema>;

/**
 * Validates outside data and returns an {@link Order} with derived amounts filled in:
 * line totals, goodsValue, and (when absent) actualPaid = goods + freight + tax - discount.
 *
 * @throws {@link ValidationError} listing every problem with its path (never just the first)
 * @example
 * ```ts
 * const order = parseOrder(JSON.parse(text));
 * order.goodsValue.toFixed(2);
 * ```
 */
export function parseOrder(input: unknown): Order {
  const parsed = orderInputSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error), 'Invalid order');
  const o = parsed.data;
  const lines = o.lines.map((line, i) => ({
    gnum: i + 1,
    goods: {
      ...line.goods,
      gname: line.goods.gname ?? line.goods.itemName,
    },
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    totalPrice: line.quantity.times(line.unitPrice),
  }));
  const goodsValue = sum(lines.map((l) => l.totalPrice));
  const freight = o.freight ?? ZERO;
  const insurance = o.insurance ?? ZERO;
  const discount = o.discount ?? ZERO;
  const taxTotal = o.taxTotal ?? ZERO;
  return {
    orderNo: o.orderNo,
    orderType: o.orderType as OrderType,
    ieFlag: o.orderType === 'I' ? 'I' : 'E',
    tradeMode: o.tradeMode as TradeMode,
    ebp: { role: 'ebp', ...o.ebp },
    ebc: { role: 'ebc', ...o.ebc },
    ...(o.buyer ? { buyer: o.buyer } : {}),
    ...(o.consignee ? { consignee: dropUndefined(o.consignee) } : {}),
    lines: lines.map((line) => dropUndefined(line)),
    goodsValue,
    freight,
    insurance,
    discount,
    taxTotal,
    actualPaid: o.actualPaid ?? goodsValue.plus(freight).plus(taxTotal).minus(discount),
    currency: o.currency,
    placedAt: o.placedAt,
  };
}

