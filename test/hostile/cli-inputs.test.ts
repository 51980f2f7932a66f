/**
 * Hostile input files, through the CLI as a child process under a 512 MB memory cap: devices,
 * pipes, directories and oversized files are refused before they are read; bytes that are not
 * UTF-8 are refused, never turned into U+FFFD; files are read by content, not by extension; names
 * reach the terminal with their control characters escaped; error output is bounded.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseScenario, cli, example, scratch, writeInput, type CliResult } from './helpers.js';

const dir = scratch('inputs');
/** A raw NUL or ESC in output. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000\u001b]/;
const fixture = (name: string) => new URL(`../fixtures/messages/${name}`, import.meta.url).pathname;
const orderExample = new URL('../../examples/orders/cosmetics-9610.json', import.meta.url).pathname;

/** Ended by itself within the time limit (a device or pipe is never read to its end). */
function finished(r: CliResult): void {
  expect(r.timedOut, 'ended within the time limit').toBe(false);
  expect(r.signal).toBeNull();
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** A file refused as a bad argument: exit 2, naming the file and the reason, with the usage line. */
function refusedFile(r: CliResult, file: string, reason: RegExp): void {
  finished(r);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`${file}: `);
  expect(r.stderr).toMatch(reason);
  expect(r.stderr).toMatch(/Usage: cbec-sim/);
}

const fifo = join(dir, 'pipe.json');
execFileSync('mkfifo', [fifo]);
const huge = join(dir, 'huge.json');
writeFileSync(huge, '');
truncateSync(huge, 17 * 1024 * 1024); // sparse: costs no disk
const folder = join(dir, 'folder.json');
mkdirSync(folder);

describe.concurrent('files that are not regular, or too large, are refused before they are read', () => {
  it.each([
    ['run', '/dev/zero', /is a character device, not a regular file/],
    ['validate', '/dev/zero', /is a character device, not a regular file/],
    ['order', '/dev/zero', /is a character device, not a regular file/],
    ['run', '/dev/urandom', /is a character device/],
    ['run', fifo, /is a pipe \(FIFO\), not a regular file/],
    ['validate', fifo, /is a pipe \(FIFO\)/],
    ['run', folder, /is a directory, not a regular file/],
    ['order', folder, /is a directory/],
    ['run', huge, /is 17 MiB; cbec-sim reads files of at most 16 MiB/],
    ['validate', huge, /is 17 MiB; cbec-sim reads files of at most 16 MiB/],
    ['run', join(dir, 'missing.json'), /cannot be read: ENOENT/],
    ['validate', join(dir, 'missing.xml'), /cannot be read: ENOENT/],
  ])('%s %s', async (command, file, reason) => {
    refusedFile(await cli([command, file]), file, reason);
  });
});

describe.concurrent('bytes that are not UTF-8 are refused, never replaced by U+FFFD', () => {
  const text = JSON.stringify(baseScenario()).replace('hostile base', 'caf\u00e9');
  const json = Buffer.from(text, 'utf8');
  const latin1 = Buffer.from(text, 'latin1'); // é as the one byte 0xe9

  it('run refuses a Latin-1 scenario (exit 2), naming the file and the offset of the first bad byte', async () => {
    const file = writeInput(dir, 'latin1.json', latin1);
    const r = await cli(['run', file]);
    finished(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cbec-sim run: Invalid scenario (1 issue):\n  - ${file}: is not valid UTF-8 (first bad byte at offset 12)`);
  });

  it('validate reports a Latin-1 scenario invalid (exit 1), naming the offset', async () => {
    const file = writeInput(dir, 'latin1-validate.json', latin1);
    const r = await cli(['validate', file]);
    finished(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/is not valid UTF-8 \(first bad byte at offset \d+\)/);
    expect(r.stdout).not.toContain('\ufffd');
  });

  it('validate reports a CEB message with an invalid byte invalid (exit 1)', async () => {
    const bytes = Buffer.concat([readFileSync(fixture('CEB311.xml')).subarray(0, 200), Buffer.from([0xff, 0xfe]), readFileSync(fixture('CEB311.xml')).subarray(200)]);
    const file = writeInput(dir, 'bad-bytes.xml', bytes);
    const r = await cli(['validate', file]);
    finished(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not valid UTF-8/);
  });

  it('order refuses an order file with a bad byte', async () => {
    const file = writeInput(dir, 'bad-order.json', Buffer.concat([readFileSync(orderExample).subarray(0, 50), Buffer.from([0xc3, 0x28]), readFileSync(orderExample).subarray(50)]));
    refusedFile(await cli(['order', file]), file, /not valid UTF-8/);
  });

  it('accepts a scenario saved with a UTF-8 byte-order mark', async () => {
    const file = writeInput(dir, 'bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json]));
    const r = await cli(['validate', file]);
    finished(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("valid scenario 'café'");
  });
});

describe.concurrent('validate reads a file by its content, whatever its name', () => {
  it.each([
    ['a scenario named x.JSON', 'x.JSON', () => readFileSync(example('guangzhou-2013')), /valid scenario 'Guangzhou/],
    ['a scenario named scenario.xml', 'scenario.xml', () => readFileSync(example('guangzhou-2013')), /valid scenario 'Guangzhou/],
    ['a scenario with no extension', 'scenario', () => readFileSync(example('guangzhou-2013')), /valid scenario/],
    ['a CEB311 message named order.json', 'order.json', () => readFileSync(fixture('CEB311.xml')), /valid CEB311 message/],
    ['a CEB311 message with no extension', 'message', () => readFileSync(fixture('CEB311.xml')), /valid CEB311 message/],
  ])('%s', async (_what, name, content, expected) => {
    const file = join(scratch('content'), name);
    writeFileSync(file, content());
    const r = await cli(['validate', file]);
    finished(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(expected);
  });

  it.each([
    ['an empty file', '', /is not valid JSON/],
    ['text that is neither JSON nor XML', 'hello', /is not valid JSON/],
    ['JSON that is not an object', '[1, 2, 3]', /expected object/i],
    ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /\(scenario\)|not valid JSON/],
    ['Infinity written as 1e400', JSON.stringify({ ...baseScenario(), horizonDays: 1 }).replace('"horizonDays":1', '"horizonDays":1e400'), /horizonDays/],
    ['a prototype-polluting key', JSON.stringify({ ...baseScenario() }).replace('{', '{"__proto__":{"polluted":true},'), /__proto__|Unrecognized key/],
  ])('reports %s invalid (exit 1) within the limits', async (_what, text, reason) => {
    const r = await cli(['validate', writeInput(scratch('invalid'), 'input.json', text)]);
    finished(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(reason);
  });
});

describe.concurrent('names reach the terminal escaped, and error output is bounded', () => {
  it('refuses a scenario name with an ANSI escape and a NUL, showing neither raw', async () => {
    const r = await cli(['validate', writeInput(scratch('ansi'), 's.json', { ...baseScenario(), name: 'Peak\u001b[31m RED\u0000' })]);
    finished(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/name: must not contain control characters/);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
  });

  it('prints an order whose names hold escapes and line breaks with them escaped', async () => {
    const order = JSON.parse(readFileSync(orderExample, 'utf8')) as { ebp: { name: string }; buyer: { name: string } };
    order.ebp.name = 'Mall\u001b[2J\u001b[31m';
    order.buyer.name = '陈\nFAKE LINE\u0000';
    const r = await cli(['order', writeInput(scratch('order-ansi'), 'order.json', order)]);
    finished(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('platform Mall\\x1b[2J\\x1b[31m');
    expect(r.stdout).toContain('buyer 陈\\nFAKE LINE\\x00');
    expect(r.stdout).not.toMatch(RAW_CONTROL);
  });

  it('escapes control characters in a file name it echoes', async () => {
    const file = join(scratch('file-name'), 'evil\u001b[31m\nname.json');
    copyFileSync(example('guangzhou-2013'), file);
    const r = await cli(['validate', file]);
    finished(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('evil\\x1b[31m\\nname.json: valid scenario');
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('prints at most 50 issue lines for a scenario with 5,000 bad dates', async () => {
    const r = await cli(['validate', writeInput(scratch('many'), 's.json', { ...baseScenario(), calendar: { holidays: Array.from({ length: 5000 }, (_, i) => `2021-02-${30 + (i % 2)}`) } })]);
    finished(r);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(51);
    expect(lines[50]).toMatch(/and 4,950 more issues/);
  });

  it('cuts a 1 MB key name in the error to a bounded line', async () => {
    const key = 'k'.repeat(1_000_000);
    const r = await cli(['run', writeInput(scratch('key'), 's.json', { ...baseScenario(), [key]: 1 })]);
    finished(r);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(2_000);
    expect(r.stderr).toMatch(/more characters\)/);
  });

  it('order refuses a buyer born after the order was placed, naming the field', async () => {
    const order = JSON.parse(readFileSync(orderExample, 'utf8')) as { buyer: { idNumber: string } };
    order.buyer.idNumber = '110105209901010012';
    const r = await cli(['order', writeInput(scratch('born'), 'order.json', order)]);
    finished(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/buyer\.idNumber: ID number has a birth date 20990101, later than 2019-03-15/);
  });
});
