import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CHANNEL_IDS } from '../../src/channels/registry.js';
import { matchDocuments } from '../../src/customs/matching.js';
import { hsCodeProblem } from '../../src/domain/hs-code.js';
import { parseOrder } from '../../src/domain/order.js';
import { isValidResidentId, residentIdProblem } from '../../src/domain/resident-id.js';
import { buildMessage } from '../../src/messages/build.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
import { MESSAGE_TYPES } from '../../src/messages/registry.js';
import { tariffRow } from '../../src/rules/tariff.js';
import { parseScenario } from '../../src/sim/scenario/load.js';
import {
  arbitraries,
  buyer,
  cebMessage,
  channelDocuments,
  flawsFor,
  goods,
  hsCode,
  ID_CORRUPTIONS,
  invalidResidentId,
  inventoryList,
  orderInput,
  residentId,
  scenarioInput,
  taxesExact,
} from '../../src/testing/index.js';
import { channelFacts } from '../../src/testing/channel-facts.js';

const RUNS = { numRuns: 30 };

describe('buyers', () => {
  test.prop([residentId()], RUNS)('valid ID numbers pass isValidResidentId', (id) => {
    expect(residentIdProblem(id)).toBeUndefined();
  });

  test.prop([buyer()], RUNS)('buyers carry a valid ID number of type 1', (b) => {
    expect(b.idType).toBe('1');
    expect(isValidResidentId(b.idNumber)).toBe(true);
  });

  const expectedProblem = { 'check-character': 'check character', 'birth-date': 'birth date', length: '18 characters', 'non-digit': '18 characters', 'lower-case-x': '18 characters' } as const;
  describe.each(ID_CORRUPTIONS)('ID numbers broken by %s', (kind) => {
    test.prop([invalidResidentId(kind)], RUNS)('are refused for that reason', (id) => {
      expect(isValidResidentId(id)).toBe(false);
      expect(residentIdProblem(id)).toContain(expectedProblem[kind]);
    });
    test.prop([buyer({ corruptId: kind })], { numRuns: 10 })('make parseOrder refuse the buyer', (b) => {
      const input = fc.sample(orderInput('9610-import'), { numRuns: 1, seed: 1 })[0]!;
      expect(() => parseOrder({ ...input, buyer: b })).toThrow(/buyer\.idNumber: ID number/);
    });
  });

  test.prop([invalidResidentId()], RUNS)('any invalid ID number is refused', (id) => {
    expect(isValidResidentId(id)).toBe(false);
  });
});

describe('goods', () => {
  test.prop([hsCode()], RUNS)('HS codes are 10 digits the tariff table covers', (code) => {
    expect(hsCodeProblem(code)).toBeUndefined();
    expect(tariffRow(code)).toBeDefined();
  });

  test.prop([goods({ bonded: true }), goods()], RUNS)('bonded goods have an item record number, others none', (bonded, plain) => {
    expect(bonded.itemRecordNo).toMatch(/^\d+$/);
    expect(plain.itemRecordNo).toBeUndefined();
  });
});

describe.each(CHANNEL_IDS)('orders and documents of channel %s', (id) => {
  const required = channelFacts(id).required;

  test.prop([orderInput(id)], RUNS)('order input passes parseOrder', (input) => {
    const order = parseOrder(input);
    expect(order.orderNo).toBe(input.orderNo);
    expect(order.actualPaid.eq(order.goodsValue.plus(order.freight).plus(order.taxTotal).minus(order.discount))).toBe(true);
  });

  test.prop([channelDocuments(id)], RUNS)('consistent documents pass the three-document matcher', (docs) => {
    expect(matchDocuments(docs, { required })).toEqual([]);
    expect(docs.tax === undefined).toBe(id.endsWith('-export') || id === '9710' || id === '9810');
    if (docs.tax) {
      expect(docs.tax.route).toBe('cbec');
      expect(docs.order.taxTotal.toFixed(2)).toBe(docs.tax.total.toFixed(2)); // the platform withholds the rules' tax
      expect(taxesExact([{ order: docs.order, tax: docs.tax }])).toEqual([]);
    }
  });

  test.prop([inventoryList(id)], { numRuns: 10 })('inventory lists name their order and the channel mode', (list) => {
    expect(list.orderNo.length).toBeGreaterThan(0);
    expect(list.emsNo !== undefined).toBe(channelFacts(id).bonded);
  });

  describe.each(flawsFor(id))('with the flaw %s', (flaw) => {
    test.prop([channelDocuments(id, { flaw })], { numRuns: 15 })('are refused by the matcher for that reason', (docs) => {
      expect(docs.flaw).toBe(flaw);
      expect(matchDocuments(docs, { required }).map((f) => f.code)).toContain(flaw);
    });
  });
});

describe('flaws a channel cannot carry', () => {
  it('are refused up front', () => {
    expect(() => channelDocuments('9710', { flaw: 'payment-missing' })).toThrow(/cannot be planted in 9710/);
  });
});

describe('CEB messages', () => {
  describe.each(MESSAGE_TYPES)('%s', (type) => {
    test.prop([cebMessage(type)], { numRuns: 10 })('built XML passes the schema check and parses back to its data', (m) => {
      expect(validateMessage(m.xml, { level: 'schema' })).toEqual([]);
      expect(parseMessage(m.xml).data).toEqual(m.data);
    });
  });

  test.prop([cebMessage(undefined, '2018')], { numRuns: 20 })('messages of any type of the 2018 specification rebuild to the same XML', (m) => {
    expect(buildMessage(m.type, m.data, { spec: '2018' })).toBe(m.xml);
    expect(parseMessage(m.xml, { spec: '2018' }).spec).toBe('2018');
  });
});

describe('scenarios', () => {
  test.prop([scenarioInput()], { numRuns: 50 })('pass parseScenario and stay small', (input) => {
    const scenario = parseScenario(input);
    expect(scenario.maxOrders).toBeLessThanOrEqual(40);
    expect(scenario.arrivals.length).toBeGreaterThan(0);
  });
});

describe('the arbitraries object', () => {
  it('lists every arbitrary by name', () => {
    expect(Object.keys(arbitraries)).toEqual(expect.arrayContaining(['residentId', 'amount', 'buyer', 'goods', 'channelDocuments', 'cebMessage', 'scenarioInput', 'eventWalk']));
  });
});
