/**
 * Hostile command lines, run as a child process under a 512 MB memory cap: every bad argument
 * exits 2 with the reason naming the argument and the command's usage line, never a stack trace
 * (unless --debug), and the same input exits the same way whatever --shards is.
 */
import { describe, expect, it } from 'vitest';
import { baseScenario, cli, example, scratch, writeInput, type CliResult } from './helpers.js';

const scenario = example('peak-day-11-11');
const dir = scratch('args');
const aFile = writeInput(dir, 'a-file.txt', 'not a directory');

/** A run's child process ended by itself, in time, with no stack trace on stderr. */
function finished(r: CliResult): void {
  expect(r.timedOut, 'ended within the time limit').toBe(false);
  expect(r.signal).toBeNull();
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** A usage error: exit 2, the reason naming `argument`, then the command's usage line. */
function usageError(r: CliResult, command: string, argument: string, reason: RegExp): void {
  finished(r);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`cbec-sim ${command}: ${argument}: `);
  expect(r.stderr).toMatch(reason);
  expect(r.stderr).toContain(`Usage: cbec-sim ${command}`);
  expect(r.stdout).toBe('');
}

describe.concurrent('cbec-sim run refuses every bad argument with exit 2, the reason and the usage line', () => {
  it.each([
    [['--frobnicate'], '--frobnicate', /is not an option of cbec-sim run/],
    [['-x'], '-x', /is not an option of cbec-sim run/],
    [['--seed'], '--seed', /needs a value/],
    [['--seed', '--log'], '--seed', /needs a value/],
    [['--seed', 'abc'], '--seed', /must be a whole number/],
    [['--seed', '1.5'], '--seed', /must be a whole number/],
    [['--seed', '1e3'], '--seed', /must be a whole number/],
    [['--seed', '9007199254740992'], '--seed', /must be a whole number/],
    [['--orders', '0'], '--orders', /must be from 1 to 1,000,000,000/],
    [['--orders', '-5'], '--orders', /must be from 1 to 1,000,000,000/],
    [['--orders', '2.5'], '--orders', /must be a whole number/],
    [['--orders', '1000000001'], '--orders', /must be from 1 to 1,000,000,000/],
    [['--orders='], '--orders', /must be a whole number/],
    [['--shards', '0'], '--shards', /from 1 to 64/],
    [['--shards', '65'], '--shards', /from 1 to 64/],
    [['--shards', 'two'], '--shards', /must be a whole number/],
    [['--workers', '0'], '--workers', /from 1 to the number of shards \(1\)/],
    [['--shards', '2', '--workers', '3'], '--workers', /from 1 to the number of shards \(2\)/],
    [['--runner', 'fast'], '--runner', /must be one of lean, compiled, xstate/],
    [['--format', 'pdf'], '--format', /comma-separated list of md, json, csv, html/],
    [['--format', 'md,,json'], '--format', /comma-separated list/],
    [['--log'], '--log', /needs --out DIR/],
    [['--log=yes'], '--log', /takes no value/],
    [['second.json'], 'second.json', /one argument too many/],
    [['--out', aFile], '--out', /is a file, not a directory/],
    [['--out', `${aFile}/under`], '--out', /lies under a file/],
  ])('run <scenario> %j names %s', async (args, argument, reason) => {
    usageError(await cli(['run', scenario, ...args]), 'run', argument, reason);
  });

  it('run without a scenario names the missing argument', async () => {
    usageError(await cli(['run']), 'run', '<scenario file>', /is missing/);
  });

  it('run -- --seed reads --seed as the file name, and names it when it does not exist', async () => {
    usageError(await cli(['run', '--', '--seed']), 'run', '--seed', /cannot be read: ENOENT/);
  });

  it.each([[['--seed', '-1']], [['--seed=-9007199254740991']], [['--seed', '9007199254740991']]])('run accepts the safe-integer seed %j', async (args) => {
    const r = await cli(['run', scenario, '--orders', '3', '--format', 'json', ...args]);
    finished(r);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scenario.seed).toBe(Number((args.at(-1) ?? '').replace('--seed=', '')));
  });
});

describe.concurrent('the other commands refuse bad arguments the same way', () => {
  it.each([
    ['validate', [], '<file>', /is missing/],
    ['validate', [scenario, scenario], scenario, /one argument too many/],
    ['validate', [scenario, '--strict'], '--strict', /is not an option of cbec-sim validate/],
    ['order', [], '<order file>', /is missing/],
    ['order', ['a.json', 'b.json'], 'b.json', /one argument too many/],
    ['order', ['-v', 'a.json'], '-v', /is not an option of cbec-sim order/],
    ['diagram', [], '<channel>', /is missing/],
    ['diagram', ['bonded'], '<channel>', /is not a channel; use one of 9610-import/],
    ['diagram', ['9610-import', '9710'], '9710', /one argument too many/],
    ['diagram', ['--mermaid', '9610-import'], '--mermaid', /is not an option of cbec-sim diagram/],
    ['schema', ['out.json'], 'out.json', /which takes none/],
    ['schema', ['--pretty'], '--pretty', /which takes none/],
  ] as const)('%s %j names %s', async (command, args, argument, reason) => {
    usageError(await cli([command, ...args]), command, argument, reason);
  });

  it.each([
    [[], /a command is missing/],
    [['simulate'], /unknown command 'simulate'/],
    [['-x'], /'-x' is not an option of cbec-sim/],
    [['--seed', '7'], /'--seed' is not an option of cbec-sim/],
  ])('cbec-sim %j exits 2 with the reason and the command list', async (args, reason) => {
    const r = await cli(args);
    finished(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toContain('Usage: cbec-sim <command> [options]');
  });

  it.each([[['--help']], [['help']], [['-h']], [['run', '--help']], [['run', scenario, '--frobnicate', '-h']], [['validate', '--help']], [['diagram', '-h']], [['schema', '--help']], [['order', '--help']]])(
    '%j prints help on stdout and exits 0',
    async (args) => {
      const r = await cli(args);
      finished(r);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: cbec-sim/);
    },
  );
});

describe.concurrent('stack traces and exit codes', () => {
  it('prints the stack of an error only under --debug', async () => {
    const plain = await cli(['run', scenario, '--seed', 'x']);
    const debug = await cli(['--debug', 'run', scenario, '--seed', 'x']);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/--seed: must be a whole number/);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it.each([
    ['an invalid scenario', { ...baseScenario(), horizonDays: 1e308 }],
    ['a scenario whose catalogue repeats an itemNo', { ...baseScenario(), catalogue: [...(baseScenario()['catalogue'] as object[]), (baseScenario()['catalogue'] as object[])[0]] }],
    ['a scenario with a start outside the supported calendar', { ...baseScenario(), start: '1970-01-01T00:00:00Z' }],
  ])('exits 2 for %s whatever --shards and --workers', async (_what, input) => {
    const file = writeInput(scratch('shards'), 'scenario.json', input);
    const codes = await Promise.all([[], ['--shards', '1'], ['--shards', '2'], ['--shards', '2', '--workers', '2']].map(async (extra) => (await cli(['run', file, ...extra])).code));
    expect(codes).toEqual([2, 2, 2, 2]);
  });

  it('exits 0 for the same valid scenario whatever --shards and --workers, with the same report for 1 and 2 workers', async () => {
    const file = writeInput(scratch('shards-ok'), 'scenario.json', baseScenario());
    const [one, two, sharded] = await Promise.all([[], ['--shards', '2'], ['--shards', '2', '--workers', '2']].map((extra) => cli(['run', file, '--format', 'json', ...extra])));
    expect([one?.code, two?.code, sharded?.code]).toEqual([0, 0, 0]);
    expect(sharded?.stdout).toBe(two?.stdout);
  });
});
