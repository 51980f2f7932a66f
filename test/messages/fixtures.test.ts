import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../src/messages/build.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';

const dir = new URL('../fixtures/messages/', import.meta.url);
const files = (sub: string) => readdirSync(new URL(sub, dir)).filter((f) => f.endsWith('.xml') && !f.startsWith('dxp-')).map((f) => `${sub}${f}`);
const read = (file: string) => readFileSync(new URL(file, dir));
const ALL = [...files(''), ...files('2018/'), ...files('special/')];

describe('fixture messages', () => {
  it('number 87 messages: 42 of 202205, 38 of 2018 and 7 special ones (plus 3 DXP envelopes)', () => {
    expect(ALL).toHaveLength(87);
  });

  it.each(ALL)('%s parses, validates at schema level, round-trips and rebuilds', (file) => {
    const bytes = read(file);
    expect(validateMessage(bytes, { level: 'schema' })).toEqual([]);
    const parsed = parseMessage(bytes);
    const rebuilt = buildMessage(parsed.type, parsed.data, parsed);
    const again = parseMessage(rebuilt);
    expect(again.data).toEqual(parsed.data);
    expect([again.guid, again.version, again.spec]).toEqual([parsed.guid, parsed.version, parsed.spec]);
    expect(buildMessage(again.type, again.data, again)).toBe(rebuilt);
  });

  it.each(files(''))('%s, as the real system issues it, passes the business checks too', (file) => {
    expect(validateMessage(read(file))).toEqual([]);
  });

  it('a 2018 list (CEB603 with the 2018 lengths) is read as 2018 when it does not fit 202205', () => {
    const xml = read('2018/CEB603.xml').toString('utf8').replace(/<ceb:logisticsNo>[^<]*</, '<ceb:logisticsNo>SD2022061500011800000000000000000099<');
    expect(parseMessage(xml).spec).toBe('2018');
    expect(validateMessage(xml, { spec: '202205', level: 'schema' }).map((i) => i.path.join('.'))).toEqual(['Inventory.0.InventoryHead.logisticsNo']);
  });
});
