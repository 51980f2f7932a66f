/**
 * The pieces the command line stands on, tested in the process: the output directory's lock and
 * staging (including finishing a commit a killed run left), exit codes whatever thread failed,
 * bounded input reading, strict dates, and text made safe for a terminal.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError, OutputLockedError, UsageError } from '../../src/cli/errors.js';
import { EXIT, exitCodeOf } from '../../src/cli/exit-codes.js';
import { lockOutputDir } from '../../src/cli/output/lock.js';
import { StagedOutputs } from '../../src/cli/output/staged-outputs.js';
import { bounded, issueLines, printable } from '../../src/cli/terminal.js';
import { MissingDependencyError, RuleError, ScenarioError, TariffError, TransitionError } from '../../src/domain/errors.js';
import { ExperimentError, ExperimentRunError } from '../../src/experiment/errors.js';
import { calendarDate, readEpochMs, readIsoInstant } from '../../src/domain/instant.js';
import { readRegularFile, utf8Text } from '../../src/io/read-file.js';
import { ShardError } from '../../src/sim/shard/errors.js';
import { errorData, errorFromData } from '../../src/sim/shard/protocol.js';
import { scratch } from './helpers.js';

describe('the output directory lock', () => {
  it('refuses a second holder, naming the lock file and the holder; frees the directory on release', () => {
    const dir = scratch('lock');
    const lock = lockOutputDir(dir, 'first');
    expect(() => lockOutputDir(dir, 'second')).toThrow(OutputLockedError);
    expect(() => lockOutputDir(dir, 'second')).toThrow(`${join(dir, '.cbec-sim.lock')} is held by process ${process.pid}`);
    lock.release();
    lock.release();
    const again = lockOutputDir(dir, 'third');
    expect(JSON.parse(readFileSync(again.path, 'utf8'))).toMatchObject({ pid: process.pid, command: 'third' });
    again.release();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('staged outputs', () => {
  it('finish the commit a killed run left (its journal), then clear its staging directory', () => {
    const dir = scratch('journal');
    writeFileSync(join(dir, 'report.json'), 'old json');
    writeFileSync(join(dir, 'report.md'), 'old md');
    writeFileSync(join(dir, 'orders.ndjson'), 'new log, installed before the kill');
    const stage = join(dir, '.cbec-sim-run-4194321');
    mkdirSync(stage);
    writeFileSync(join(stage, 'report.json'), 'new json');
    writeFileSync(join(stage, 'COMMIT'), JSON.stringify({ install: ['orders.ndjson', 'report.json'], remove: ['report.md', 'report.csv', 'report.html'] }));
    const staged = StagedOutputs.open(dir, 'test');
    staged.abandon();
    expect(readdirSync(dir).sort()).toEqual(['orders.ndjson', 'report.json']);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('new json');
    expect(readFileSync(join(dir, 'orders.ndjson'), 'utf8')).toBe('new log, installed before the kill');
  });

  it('clear a staging directory without a journal, keeping the outputs as they were', () => {
    const dir = scratch('abandoned');
    writeFileSync(join(dir, 'report.json'), 'previous');
    mkdirSync(join(dir, '.cbec-sim-run-4194322'));
    writeFileSync(join(dir, '.cbec-sim-run-4194322', 'report.json'), '{"cut');
    StagedOutputs.open(dir, 'test').abandon();
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('previous');
  });

  it('install every staged file at once and remove the outputs of earlier runs not written again', () => {
    const dir = scratch('commit');
    writeFileSync(join(dir, 'report.html'), 'earlier run');
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    const staged = StagedOutputs.open(dir, 'test');
    writeFileSync(staged.staged('report.md'), '# new');
    staged.commit(['report.md']);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'report.md']);
  });

  it('refuse a target that is a directory before anything is installed', () => {
    const dir = scratch('blocked');
    mkdirSync(join(dir, 'report.md'));
    const staged = StagedOutputs.open(dir, 'test');
    writeFileSync(staged.staged('report.md'), '# new');
    expect(() => staged.commit(['report.md'])).toThrow(OutputError);
    staged.abandon();
    expect(readdirSync(dir)).toEqual(['report.md']);
  });
});

describe('exit codes are the same whichever thread failed', () => {
  const fromWorker = (error: Error) => errorFromData(errorData(error));
  const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  it.each([
    ['a bad scenario', new ScenarioError([{ path: ['horizonDays'], value: 0, reason: 'x' }]), EXIT.usage],
    ['a bad scenario in shard 1 of 2', new ShardError(1, 2, new ScenarioError([{ path: [], value: 0, reason: 'x' }])), EXIT.usage],
    ['a bad scenario on a worker thread', new ShardError(1, 2, fromWorker(new ScenarioError([{ path: [], value: 0, reason: 'x' }])), 1), EXIT.usage],
    ['a rule refusal on a worker thread', new ShardError(0, 2, fromWorker(new RuleError([{ path: [], value: 0, reason: 'x' }])), 0), EXIT.usage],
    ['a full disk on a worker thread', new ShardError(0, 2, fromWorker(enospc), 0), EXIT.io],
    ['a full disk', new OutputError('out/report.md', 'no space left on device (ENOSPC)'), EXIT.io],
    ['a locked directory', new OutputLockedError('out/.cbec-sim.lock', 'process 1'), EXIT.locked],
    ['a bad argument', new UsageError([{ path: ['--seed'], value: 'x', reason: 'x' }], 'Usage: cbec-sim run'), EXIT.usage],
    ['a bad tariff file', new TariffError([{ path: ['t.csv'], value: 0, reason: 'x' }]), EXIT.usage],
    ['a bad experiment file', new ExperimentError([{ path: ['factors'], value: 0, reason: 'x' }]), EXIT.usage],
    ['an optional package not installed', new MissingDependencyError(['vega'], 'HTML reports'), EXIT.usage],
    ['an experiment that could not finish (its code, EXPERIMENT, is no system error code)', new ExperimentRunError('needs 2 more units'), EXIT.failed],
    ['a refused transition (a bug)', new TransitionError('a', 'B'), EXIT.internal],
    ['a TypeError (a bug)', new TypeError('x is not a function'), EXIT.internal],
    ['a TypeError on a worker thread', new ShardError(0, 2, fromWorker(new TypeError('x')), 0), EXIT.internal],
  ])('%s exits %d', (_what, error, code) => {
    expect(exitCodeOf(error)).toBe(code);
  });
});

describe('reading input files', () => {
  const dir = scratch('read');
  it.each([
    ['a file above the cap', () => writeFileSync(join(dir, 'big'), 'x'.repeat(2048)), join(dir, 'big'), /is 0 MiB; cbec-sim reads files of at most 0 MiB/],
    ['a directory', () => mkdirSync(join(dir, 'sub')), join(dir, 'sub'), /is a directory, not a regular file/],
    ['a pipe with no writer', () => execFileSync('mkfifo', [join(dir, 'fifo')]), join(dir, 'fifo'), /is a pipe \(FIFO\)/],
    ['a character device', () => undefined, '/dev/null', /is a character device/],
    ['nothing at all', () => undefined, join(dir, 'none'), /cannot be read: ENOENT/],
  ])('refuses %s', (_what, make, path, reason) => {
    make();
    expect(readRegularFile(path, 1024).problem).toMatch(reason);
  });

  it('reads a file up to its cap', () => {
    writeFileSync(join(dir, 'exact'), 'x'.repeat(1024));
    expect(readRegularFile(join(dir, 'exact'), 1024).bytes?.length).toBe(1024);
  });

  it.each([
    [[0x61, 0xff, 0x62], 1],
    [[0x61, 0x62, 0xc3], 2],
    [[0xe2, 0x82], 0],
    [[0x61, 0xed, 0xa0, 0x80], 1],
    [[0xf4, 0x90, 0x80, 0x80], 0],
  ])('names the first bad UTF-8 byte of %j: offset %i', (bytes, offset) => {
    expect(utf8Text(Uint8Array.from(bytes)).problem).toBe(`is not valid UTF-8 (first bad byte at offset ${offset}); save it as UTF-8.`);
  });

  it('drops a byte-order mark and keeps the text whole', () => {
    expect(utf8Text(Uint8Array.from([0xef, 0xbb, 0xbf, 0xe8, 0xb4, 0xa7])).text).toBe('货');
  });
});

describe('dates and instants are read strictly', () => {
  it.each([['2020-02-29'], ['2000-02-29'], ['0001-01-01'], ['9999-12-31']])('%s exists', (text) => {
    expect(calendarDate(text).problem).toBeUndefined();
  });

  it.each([
    ['2021-02-29', /2021-02 has 28 days/],
    ['2100-02-29', /2100-02 has 28 days/],
    ['2021-04-31', /2021-04 has 30 days/],
    ['2021-13-01', /month 13 does not exist/],
    ['2021-00-10', /month 00 does not exist/],
    ['2021-01-00', /2021-01 has 31 days/],
    ['21-01-01', /must be a date written 'YYYY-MM-DD'/],
  ])('%s is refused', (text, reason) => {
    expect(calendarDate(text).problem).toMatch(reason);
  });

  it.each([
    ['2019-03-15T10:00:00+08:00', Date.UTC(2019, 2, 15, 2)],
    ['2019-03-15T10:00+0800', Date.UTC(2019, 2, 15, 2)],
    ['2019-03-15T02:00:00.5Z', Date.UTC(2019, 2, 15, 2, 0, 0, 500)],
    ['2019-03-15T00:00:00-05:30', Date.UTC(2019, 2, 15, 5, 30)],
    ['0050-06-01T00:00:00Z', Date.parse('0050-06-01T00:00:00Z')],
  ])('%s is %i', (text, ms) => {
    expect(readIsoInstant(text).ms).toBe(ms);
  });

  it.each([['2019-03-15T24:00:00Z'], ['2019-03-15T10:60:00Z'], ['2019-03-15T10:00:60Z'], ['2019-03-15T10:00:00+24:00'], ['2019-03-15T10:00:00+08:60'], ['2019-02-29T10:00:00Z'], ['2019-03-15 10:00:00Z'], ['2019-03-15T10:00:00']])('%s is refused', (text) => {
    expect(readIsoInstant(text).problem).toBeDefined();
  });

  it.each([[8.64e15, true], [-8.64e15, true], [8.64e15 + 1, false], [1.5, false], [Number.NaN, false]])('epoch %d ms accepted: %s', (ms, ok) => {
    expect(readEpochMs(ms).problem === undefined).toBe(ok);
  });
});

describe('text for a terminal', () => {
  it('escapes every control character, line breaks included, and bidirectional overrides', () => {
    expect(printable('a\u001b[31mb\nc\u0000d\te\u009bf\u202eg\u2028h')).toBe('a\\x1b[31mb\\nc\\x00d\\te\\x9bf\\u202eg\\u2028h');
    expect(printable('陈小明 №5')).toBe('陈小明 №5');
  });

  it('bounds a line and the number of issue lines', () => {
    expect(bounded('x'.repeat(1_000), 10)).toBe('xxxxxxxxxx... (990 more characters)');
    const lines = issueLines(Array.from({ length: 120 }, (_, i) => ({ path: ['calendar', 'holidays', i], value: i, reason: 'is not a real calendar date.' })));
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe('calendar.holidays[0]: is not a real calendar date.');
    expect(lines[50]).toBe('... and 70 more issues');
  });

  it('the staging directory never survives an abandoned run', () => {
    const dir = scratch('abandon');
    const staged = StagedOutputs.open(dir, 'test');
    writeFileSync(staged.staged('orders.ndjson'), '{"t":1}\n');
    staged.abandon();
    expect(existsSync(staged.stage)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
