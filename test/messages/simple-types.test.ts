import { describe, expect, it } from 'vitest';
import { charLength, collapseWhitespace, simpleTypeProblem } from '../../src/messages/schema/simple-types.js';
import type { SimpleType } from '../../src/messages/spec.js';

const N19_5: SimpleType = { base: 'decimal', totalDigits: 19, fractionDigits: 5 };
const str = (minLength: number, maxLength: number, collapse = false): SimpleType => ({ base: 'string', minLength, maxLength, collapse });

describe('string lengths, counted as the schema validator counts them', () => {
  it('counts characters, a character outside the BMP once', () => {
    expect(charLength('广州😀a')).toBe(4);
    expect(simpleTypeProblem('44010😀', str(6, 6))).toBeUndefined();
  });
  it('keeps spaces and line breaks of a preserved string, so " 44010" has 6 characters', () => {
    expect(simpleTypeProblem(' 44010', str(6, 6))).toBeUndefined();
    expect(simpleTypeProblem('4401060', str(6, 6))).toBe('has 7 characters; it must have exactly 6');
  });
  it('collapses white space first when the schema says so: " 5 " is one character, "5 5" three', () => {
    expect(collapseWhitespace('  a \n\t b  ')).toBe('a b');
    expect(simpleTypeProblem(' 5 ', str(1, 1, true))).toBeUndefined();
    expect(simpleTypeProblem('5 5', str(1, 1, true))).toBe('has 3 characters; it must have exactly 1');
    expect(simpleTypeProblem('  ', str(1, 1, true))).toBe('has 0 characters; it must have exactly 1');
  });
  it('reports too short and too long against a range', () => {
    expect(simpleTypeProblem('', str(1, 60))).toBe('has 0 characters; it needs at least 1');
    expect(simpleTypeProblem('x'.repeat(61), str(1, 60))).toBe('has 61 characters; it takes at most 60');
    expect(simpleTypeProblem('x'.repeat(60), str(1, 60))).toBeUndefined();
  });
});

describe('decimals N19,5 (lexical form and facets as libxml2 reads them)', () => {
  it.each(['0', '-0', '+1', '.5', '5.', '00.', '760.00', ' 5 ', '1.500000', '12345678901234.12345', '1234567890123456789', '0000000000000000000000000000001', '1234567890123456789.00000'])('accepts %j', (v) => {
    expect(simpleTypeProblem(v, N19_5)).toBeUndefined();
  });
  it.each(['', ' ', '.', '-.', '+', '1e5', '1.2.3', '１２', ' 1 2', '1,5', '1234567890123456789.000000', '1234567890123456789012345'])('refuses %j as not a decimal', (v) => {
    expect(simpleTypeProblem(v, N19_5)).toBe('is not a decimal number such as 120.50');
  });
  it('counts fraction digits without trailing zeros: 0.0000010 has 6', () => {
    expect(simpleTypeProblem('0.0000010', N19_5)).toBe('has 6 digits after the point; at most 5 are allowed');
  });
  it('counts total digits without leading zeros: 20 digits are one too many', () => {
    expect(simpleTypeProblem('12345678901234567890', N19_5)).toBe('has 20 digits; at most 19 are allowed');
    expect(simpleTypeProblem('123456789012345.12345', N19_5)).toBe('has 20 digits; at most 19 are allowed');
  });
});

describe('xs:int', () => {
  const INT: SimpleType = { base: 'int' };
  it.each(['1', '+1', '-0', '007', '00', '2147483647', '-2147483648', '00000000000000000000000000001'])('accepts %j', (v) => expect(simpleTypeProblem(v, INT)).toBeUndefined());
  it.each([' 1 ', '', '+', '-', '1.0', 'x'])('refuses %j (no white space around an int)', (v) => expect(simpleTypeProblem(v, INT)).toBe('is not a whole number such as 1 (no spaces, no decimal point)'));
  it('refuses values outside 32 bits', () => {
    expect(simpleTypeProblem('2147483648', INT)).toBe('is outside the range of a 32-bit integer (-2147483648 to 2147483647)');
    expect(simpleTypeProblem('-2147483649', INT)).toBe('is outside the range of a 32-bit integer (-2147483648 to 2147483647)');
  });
  it('counts digits for totalDigits 9 without leading zeros', () => {
    expect(simpleTypeProblem('000000000123456789', { base: 'int', totalDigits: 9 })).toBeUndefined();
    expect(simpleTypeProblem('1234567890', { base: 'int', totalDigits: 9 })).toBe('has 10 digits; at most 9 are allowed');
  });
});

describe('base64, dateTime and date', () => {
  const B64: SimpleType = { base: 'base64Binary' };
  it.each(['', 'PGE+PC9hPg==', 'PGE=', ' PGE+ PC9h\nPg== '])('base64 accepts %j (white space anywhere)', (v) => expect(simpleTypeProblem(v, B64)).toBeUndefined());
  it.each(['PGE+PC9hPg', 'PGE+PC9hPg=', 'PG==', 'PGE+PC9hPh==', 'P', 'PGE+PC9hP==='])('base64 refuses %j (length, padding, or bits the padding must zero)', (v) =>
    expect(simpleTypeProblem(v, B64)).toMatch(/^is not base64 text/),
  );
  const DT: SimpleType = { base: 'dateTime' };
  it.each(['2019-03-15T10:00:00', '2019-03-15T10:00:00.123', '2019-03-15T10:00:00+08:00', '2019-03-15T10:00:00Z', '2020-02-29T10:00:00', '2019-03-15T24:00:00', '-0001-03-15T10:00:00', '12019-03-15T10:00:00', '2019-03-15T10:00:00-14:00'])(
    'dateTime accepts %j',
    (v) => expect(simpleTypeProblem(v, DT)).toBeUndefined(),
  );
  it.each(['2019-02-29T10:00:00', '2019-03-15T23:59:60', ' 2019-03-15T10:00:00 ', '2019-03-15', '20190315100000', '2019-3-15T10:00:00', '0000-03-15T10:00:00', '02019-03-15T10:00:00', '2019-03-15T24:30:00', '2019-03-15T10:00:00+14:01', '2019-03-15T10:00:00.', '1900-02-29T10:00:00', '2019-04-31T10:00:00'])(
    'dateTime refuses %j',
    (v) => expect(simpleTypeProblem(v, DT)).toMatch(/^is not a date and time/),
  );
  it('date accepts 2022-06-15 and refuses 2022-06-31', () => {
    expect(simpleTypeProblem('2022-06-15', { base: 'date' })).toBeUndefined();
    expect(simpleTypeProblem('2022-06-31', { base: 'date' })).toBe('is not a date such as 2019-03-15');
  });
  it('ID is an XML name without a colon; any URI passes', () => {
    expect(simpleTypeProblem('sig-1', { base: 'ID' })).toBeUndefined();
    expect(simpleTypeProblem('a b', { base: 'ID' })).toMatch(/^is not an XML name/);
    expect(simpleTypeProblem('1a', { base: 'ID' })).toMatch(/^is not an XML name/);
    expect(simpleTypeProblem('x:y', { base: 'ID' })).toMatch(/^is not an XML name/);
    expect(simpleTypeProblem(' any thing ', { base: 'anyURI' })).toBeUndefined();
  });
  it('integer (the X.509 serial number) is a whole number of any size', () => {
    expect(simpleTypeProblem('-123456789012345678901234567890', { base: 'integer' })).toBeUndefined();
    expect(simpleTypeProblem('12.0', { base: 'integer' })).toBe('is not a whole number');
  });
});
