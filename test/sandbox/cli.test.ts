/** `cbec-sim serve`: its help, and bad options refused with the option named, before anything starts. */
import { describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { MissingDependencyError, ValidationError } from '../../src/domain/errors.js';
import { loadHttp, loadSqlite } from '../../src/sandbox/optional.js';

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

describe('without the sandbox packages (optional peers of cbec-sim)', () => {
  const notFound = (name: string, code: string) => Object.assign(new Error(`Cannot find package '${name}'`), { code });
  const INSTALL = 'install them with `npm install better-sqlite3@^12.11.1 fastify@^5.12.8 @fastify/rate-limit@^11.2.0`';

  it('refuses to open a database with a MissingDependencyError that says what to install', () => {
    const refusal = (): unknown => loadSqlite(() => { throw notFound('better-sqlite3', 'MODULE_NOT_FOUND'); });
    expect(refusal).toThrow(MissingDependencyError);
    expect(refusal).toThrow(`The sandbox's HTTP server and database (cbec-sim serve, startSandbox) need better-sqlite3@^12.11.1 and fastify@^5.12.8 and @fastify/rate-limit@^11.2.0, optional dependencies of cbec-sim: ${INSTALL}.`);
  });

  it('refuses to start the HTTP server the same way', async () => {
    const refusal = loadHttp(() => Promise.reject(notFound('fastify', 'ERR_MODULE_NOT_FOUND')));
    await expect(refusal).rejects.toThrow(MissingDependencyError);
    await expect(refusal).rejects.toThrow(INSTALL);
  });

  it('passes any other failure on as it is', async () => {
    expect(() => loadSqlite(() => { throw new Error('wrong ELF class'); })).toThrow('wrong ELF class');
    await expect(loadHttp(() => Promise.reject(new Error('disk on fire')))).rejects.toThrow('disk on fire');
  });

  it('loads them when they are installed', async () => {
    expect(typeof loadSqlite()).toBe('function');
    expect(typeof (await loadHttp()).fastify).toBe('function');
  });
});
