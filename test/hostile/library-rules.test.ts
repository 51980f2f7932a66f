/**
 * Hostile input to the rules and to money: every refusal is a RuleError or a MoneyError naming the
 * field, never a TypeError, whatever is passed; amounts beyond what the model holds exactly are
 * refused; formatting is linear in the digits.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { MoneyError, RuleError, ScenarioError, ValidationError } from '../../src/domain/errors.js';
import { parseOrder } from '../../src/domain/order.js';
import { formatCny, money, MoneyDecimal } from '../../src/money/money.js';
import { exportTaxTreatment } from '../../src/rules/export.js';
import { retailImportTax } from '../../src/rules/retail-import-tax.js';
import { parseScenario } from '../../src/sim/scenario/load.js';
import { thrown } from './helpers.js';

describe('rule input that is not even an object gets a RuleError, not a TypeError', () => {
  it.each([[null], [undefined], [5], ['2019-06-01'], [[]]])('retailImportTax(%j)', (input) => {
    const e = thrown(() => retailImportTax(input as never));
    expect(e).toBeInstanceOf(RuleError);
    expect((e as RuleError).code).toBe('RULE');
    expect((e as RuleError).issues[0]?.path).toEqual([]);
  });

  it.each([
    [[null], 'lines.0'],
    [[7], 'lines.0'],
    [['3304990099'], 'lines.0'],
    [[{ hsCode: '3304990099', quantity: 1, unitPrice: '10.00', rates: null }], 'lines.0.rates'],
    [[{ hsCode: '3304990099', quantity: 1, unitPrice: '10.00' }, null], 'lines.1'],
  ])('retailImportTax with lines %j names %s', (lines, path) => {
    const e = thrown(() => retailImportTax({ date: '2019-06-01', lines } as never));
    expect(e).toBeInstanceOf(RuleError);
    expect((e as RuleError).issues.map((i) => i.path.join('.'))).toEqual([path]);
  });

  it.each([
    [null, ''],
    [{ mode: '9610', date: '2021-03-01', exporter: null, lines: [] }, 'exporter'],
    [{ mode: '9610', date: '2021-03-01', exporter: {}, lines: [null] }, 'lines.0'],
    [{ mode: '9610', date: '2021-03-01', exporter: {}, lines: 'none' }, 'lines'],
  ])('exportTaxTreatment(%j) names %j', (input, path) => {
    const e = thrown(() => exportTaxTreatment(input as never));
    expect(e).toBeInstanceOf(RuleError);
    expect((e as RuleError).issues.map((i) => i.path.join('.'))).toContain(path);
  });

  test.prop([fc.record({ date: fc.oneof(fc.constant('2019-06-01'), fc.anything()), lines: fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), fc.anything()), freight: fc.anything(), fromCountry: fc.anything() }, { requiredKeys: [] })])(
    'retailImportTax answers anything with a tax or a RuleError',
    (input) => {
      try {
        retailImportTax(input as never);
      } catch (e) {
        expect(e).toBeInstanceOf(RuleError);
      }
    },
  );
});

describe('anything at all is answered with a typed error', () => {
  test.prop([fc.record({ mode: fc.oneof(fc.constantFrom('9610', '1210', '9710', '9810'), fc.anything()), date: fc.oneof(fc.constant('2021-03-01'), fc.anything()), exporter: fc.anything(), lines: fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), fc.anything()) }, { requiredKeys: [] })])(
    'exportTaxTreatment: an assessment or a RuleError',
    (input) => {
      try {
        exportTaxTreatment(input as never);
      } catch (e) {
        expect(e).toBeInstanceOf(RuleError);
      }
    },
  );

  test.prop([fc.anything()])('parseScenario: a scenario or a ScenarioError', (input) => {
    expect(() => parseScenario(input)).toThrow(ScenarioError);
  });

  test.prop([fc.anything()])('parseOrder: an order or a ValidationError', (input) => {
    expect(() => parseOrder(input)).toThrow(ValidationError);
  });
});

describe('money beyond what the model holds exactly is refused', () => {
  it.each([
    ['35 significant digits', '1'.repeat(35)],
    ['10^40', `1${'0'.repeat(40)}`],
    ['34 digits and a fen', `${'9'.repeat(33)}.01`],
    ['101 characters of zeros', `0.${'0'.repeat(98)}1`],
    ['a bigint of 35 digits', 10n ** 35n],
    ['a Decimal of 40 digits', new Decimal(`1.${'1'.repeat(39)}`)],
  ])('%s', (_what, value) => {
    const e = thrown(() => money(value));
    expect(e).toBeInstanceOf(MoneyError);
    expect((e as MoneyError).code).toBe('INVALID_MONEY');
    expect((e as MoneyError).issues[0]?.reason).toMatch(/34 significant digits/);
  });

  it('keeps 34 significant digits exactly', () => {
    expect(money(`${'9'.repeat(32)}.99`).toFixed(2)).toBe(`${'9'.repeat(32)}.99`);
    expect(money('0.000000000000000000000000000000000000000001').toString()).toBe('1e-42');
  });

  it('formatCny is linear: a 100,000-digit amount formats at once, grouped in threes', { timeout: 5_000 }, () => {
    const text = formatCny(new MoneyDecimal(`1${'0'.repeat(99_999)}`));
    expect(text).toMatch(/^1(,000){33333}\.00$/);
  });

  it('formatCny groups small and negative amounts as before', () => {
    expect([formatCny(money('0')), formatCny(money('999.5')), formatCny(money('1000')), formatCny(money('-1234567.891'))]).toEqual(['0.00', '999.50', '1,000.00', '-1,234,567.89']);
  });
});
