/** `cbec-sim serve`: its help, and bad options refused with the option named, before anything starts. */
import { describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { ValidationError } from '../../src/domain/errors.js';

const io = () => {
  const out: string[] = [];
  return { out, io: { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) } };
};

describe('cbec-sim serve', () => {
  it('is a command, and --help lists its options', async () => {
    expect(COMMANDS.map((c) => c.name)).toContain('serve');
    const { out, io: streams } = io();
    expect(await serveCommand.run(['--help'], streams)).toBe(0);
    for (const option of ['--port', '--db', '--scenario', '--seed', '--clock', '--exchange', '--api-key', '--admin-token', '--rate-limit']) expect(out.join('')).toContain(option);
  });

  it.each([
    [['--port', '70000'], '--port'],
    [['--clock', 'fast'], 'clock'],
    [['--api-key', 'no-equals-sign'], '--api-key'],
    [['--host', '0.0.0.0'], '--api-key'],
    [['stray'], 'stray'],
  ])('refuses %j naming %s', async (args, named) => {
    const error = await serveCommand.run(args, io().io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => String(i.path[0]))).toContain(named);
  });
});
