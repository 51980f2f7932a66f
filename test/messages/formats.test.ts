/**
 * The business format of each kind of CEB field: a value it accepts, values one character off
 * (too short, too long, something before or after), and the hint the business check reports.
 */
import { describe, expect, it } from 'vitest';
import { formatOf, isRealInstant, type Format } from '../../src/messages/formats.js';

const accepts = (format: Format | undefined, value: string): boolean => format !== undefined && format.pattern.test(value) && (format.check?.(value) ?? true);

interface Case {
  readonly field: readonly [type: string, parent: string, name: string];
  readonly good: readonly string[];
  readonly bad: readonly string[];
  readonly hint: string;
}

const cases: Record<string, Case> = {
  'appTime: 14 digits YYYYMMDDhhmmss, a real instant': {
    field: ['CEB311', 'OrderHead', 'appTime'],
    good: ['20190315102400', '19000101000000', '20240229235959'],
    bad: ['2019031510240', '201903151024000', 'x20190315102400', '20190315102400x', '2019031510240a', '18991231235959', '20190229102400', '20191315102400', '20190332102400', '20190315240000', '20190315106000', '20190315102460'],
    hint: 'a real date and time as 14 digits YYYYMMDDhhmmss (Beijing time), e.g. 20190315100000',
  },
  'returnTime: 17 digits YYYYMMDDhhmmssSSS': {
    field: ['CEB312', 'OrderReturn', 'returnTime'],
    good: ['20190315102612345'],
    bad: ['2019031510261234', '201903151026123456', 'x20190315102612345', '20190315102612345x', '20190230102612345'],
    hint: 'a real date and time as 17 digits YYYYMMDDhhmmssSSS (Beijing time), e.g. 20190315100000123',
  },
  'declTime: 8 digits YYYYMMDD, a real date': {
    field: ['CEB621', 'InventoryHead', 'declTime'],
    good: ['20190315', '20000229'],
    bad: ['2019031', '201903150', 'x20190315', '20190315x', '19000229', '20190001', '20190100'],
    hint: 'a real date as 8 digits YYYYMMDD, e.g. 20190315',
  },
  'ebpCode: a 10-character registration code or an 18-character credit code': {
    field: ['CEB311', 'OrderHead', 'ebpCode'],
    good: ['4401960XXA', '91440101MA5CXXXX1A'],
    bad: ['4401960XX', '4401960XXAB', '91440101MA5CXXXX1', '91440101MA5CXXXX1AB', '4401960xxa', '-4401960XXA', '4401960XXA-'],
    hint: 'a 10-character customs registration code (e.g. 4401960XXA) or an 18-character unified social credit code, upper case',
  },
  'ownerCode: a company code, or NO': {
    field: ['CEB621', 'InventoryList', 'ownerCode'],
    good: ['NO', '4401960XXA', '91440101MA5CXXXX1A'],
    bad: ['N', 'NOT', 'xNO', 'no', '4401960XX'],
    hint: 'a 10-character customs registration code (e.g. 4401960XXA) or an 18-character unified social credit code, upper case, or NO when the manufacturer is not registered',
  },
  'customsCode and portCode: 4 characters': {
    field: ['CEB621', 'InventoryHead', 'portCode'],
    good: ['5141', 'A1B2'],
    bad: ['514', '51411', 'a141', ' 5141', '5141 '],
    hint: 'a 4-character customs code, e.g. 5141',
  },
  'currency: a known 3-digit code': {
    field: ['CEB303', 'OrderHead', 'currency'],
    good: ['142', '502'],
    bad: ['999', '14', '1420', 'x142', '142x'],
    hint: 'a known 3-digit customs currency code, e.g. 142 (CNY) or 502 (USD)',
  },
  'country: a known 3-digit code': {
    field: ['CEB311', 'OrderList', 'country'],
    good: ['116', '142'],
    bad: ['998', '11', '1160', 'x116'],
    hint: 'a known 3-digit customs country code, e.g. 142 (China) or 116 (Japan)',
  },
  'unit: a known 3-digit code': {
    field: ['CEB621', 'InventoryList', 'unit'],
    good: ['035', '142'],
    bad: ['999', '35', '0350', 'x035'],
    hint: 'a known 3-digit customs unit code, e.g. 035 (kg) or 142 (piece)',
  },
  'trafMode: one known character': {
    field: ['CEB621', 'InventoryHead', 'trafMode'],
    good: ['5', 'W'],
    bad: ['Q', '55', '', 'w'],
    hint: 'a known customs transport-mode code, e.g. 5 (air), 4 (road) or 6 (post)',
  },
  'gcode: 10 digits': {
    field: ['CEB621', 'InventoryList', 'gcode'],
    good: ['3304990099'],
    bad: ['330499009', '33049900990', 'x3304990099', '3304990099x', '330499009A'],
    hint: 'a 10-digit HS code, e.g. 3304990099',
  },
  'preNo: a letter and 17 digits': {
    field: ['CEB622', 'InventoryReturn', 'preNo'],
    good: ['B20190315000000042'],
    bad: ['120190315000000042', 'B2019031500000004', 'B201903150000000420', 'xB20190315000000042', 'b20190315000000042'],
    hint: 'a letter and 17 digits, e.g. B20190315000000042',
  },
  'invtNo: district, year, I or E, 9 to 11 digits': {
    field: ['CEB622', 'InventoryReturn', 'invtNo'],
    good: ['51412019I000000007', '51412019E00000000712'],
    bad: ['51412019I00000000', '51412019I000000007123', '51412019X000000007', '5141201AI000000007', 'x51412019I000000007', '51412019I000000007x', '5141a019I000000007'],
    hint: 'district (4) + year (4) + I or E + 9 to 11 digits, e.g. 51412019I000000007',
  },
  'returnStatus: a whole number of up to 9 digits, negative for exceptions': {
    field: ['CEB312', 'OrderReturn', 'returnStatus'],
    good: ['2', '120', '-301', '123456789'],
    bad: ['', '1234567890', '+2', '--1', '2-', 'x2', '2x'],
    hint: 'a status code such as 2, 120 or 800 (negative for processing exceptions)',
  },
  'gnum, packNo, msgCount, msgSeqNo: a whole number from 1': {
    field: ['CEB311', 'OrderList', 'gnum'],
    good: ['1', '10', '99999'],
    bad: ['0', '01', '-1', '', 'x1', '1x'],
    hint: 'a whole number from 1, without sign or leading zeros',
  },
  'consigneeDistrict: 6 digits': {
    field: ['CEB311', 'OrderHead', 'consigneeDistrict'],
    good: ['440106'],
    bad: ['44010', '4401060', 'x440106', '440106x'],
    hint: 'a 6-digit administrative-division code, e.g. 440106',
  },
  'appType: 1 new, 2 change, 3 delete': {
    field: ['CEB311', 'OrderHead', 'appType'],
    good: ['1', '2', '3'],
    bad: ['0', '4', '12', ''],
    hint: "one of '1', '2', '3'",
  },
  'tradeMode: the cross-border supervision modes and 0110': {
    field: ['CEB621', 'InventoryHead', 'tradeMode'],
    good: ['9610', '1210', '1239', '9710', '9810', '0110'],
    bad: ['8888', '961', '96100', 'x9610'],
    hint: "one of '1210', '1239', '9610', '9710', '9810', '0110'",
  },
  'statisticsFlag: A or B': {
    field: ['CEB603', 'OrderHead', 'statisticsFlag'],
    good: ['A', 'B'],
    bad: ['C', 'AB', ''],
    hint: "one of 'A', 'B'",
  },
  'orderType of an import order (CEB311): I': {
    field: ['CEB311', 'OrderHead', 'orderType'],
    good: ['I'],
    bad: ['E', 'B', 'W'],
    hint: "one of 'I'",
  },
  'orderType of an export order (CEB303): E, B or W': {
    field: ['CEB303', 'OrderHead', 'orderType'],
    good: ['E', 'B', 'W'],
    bad: ['I'],
    hint: "one of 'E', 'B', 'W'",
  },
  'status of a tax bill (TaxHeadRd): 1, 2 or 3': {
    field: ['CEB816', 'TaxHeadRd', 'status'],
    good: ['1', '2', '3'],
    bad: ['4', '0'],
    hint: "one of '1', '2', '3'",
  },
  'status of a tax-bill status message (TaxHeadStatus): 1, 2 or 3': {
    field: ['CEB818', 'TaxHeadStatus', 'status'],
    good: ['3'],
    bad: ['4'],
    hint: "one of '1', '2', '3'",
  },
};

describe('business formats of CEB fields', () => {
  it.each(Object.entries(cases))('%s', (_, { field, good, bad, hint }) => {
    const format = formatOf(...field);
    expect(format?.hint).toBe(hint);
    expect(good.filter((v) => !accepts(format, v))).toEqual([]);
    expect(bad.filter((v) => accepts(format, v))).toEqual([]);
  });

  it('free text has no format: a name, a note, the status of a subscription', () => {
    expect(formatOf('CEB311', 'OrderHead', 'buyerName')).toBeUndefined();
    expect(formatOf('CEB311', 'OrderHead', 'note')).toBeUndefined();
    expect(formatOf('CEB311', 'BaseSubscribe', 'status')).toBeUndefined();
  });

  it('a time of day is checked only past the date: 8 digits are a date, 14 a date and a time', () => {
    expect(isRealInstant('20190315')).toBe(true);
    expect(isRealInstant('20190315235959')).toBe(true);
    expect(isRealInstant('20190315236000')).toBe(false);
  });
});
