import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ValidationError } from '../../domain/errors.js';
import type { Command } from './command.js';

function whole(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,16}$/.test(text) || Number(text) < min || Number(text) > max) throw new ValidationError([{ path: [`--${name}`], value: text, reason: `must be a whole number from ${min} to ${max}.` }], 'Invalid option');
  return Number(text);
}

function onOff(name: string, text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  if (text !== 'on' && text !== 'off') throw new ValidationError([{ path: [`--${name}`], value: text, reason: 'must be on or off.' }], 'Invalid option');
  return text === 'on';
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run a local customs Single Window sandbox that your systems send CEB messages to',
  help: `Usage: cbec-sim serve [options]

Runs a sandbox of the customs side: CEB XML in (POST /ceb/messages, bare or in a DXP envelope; or
files in DIR/send/ with --exchange), receipts out (GET /ceb/receipts?receiver=DXPID, webhooks, or
DIR/receive/), each order through its channel's state machine, outcomes scripted per order
(X-Cbec-Script header, 'cbec-script: ...' in a note, or PUT /admin/orders/:orderNo/script) or
drawn from the scenario with the seed. State lives in SQLite; kill it at any moment and start it
again: nothing acknowledged is lost. The web page at / shows each order's state and timeline.

Options:
  --port N            port (default 8080; 0 picks a free one)
  --host ADDR         address to bind (default 127.0.0.1); any other needs --api-key and --admin-token
  --db FILE           SQLite database (default sandbox.sqlite; :memory: for none)
  --scenario FILE     rates, durations and customs district (default: every order takes the happy
                      path unless scripted)
  --seed N            seed of drawn outcomes and receipt guids (default 1)
  --clock MODE        manual (default: moves only by POST /admin/clock/advance), real, or xN (N
                      times wall time, e.g. x60)
  --start ISO         where a new manual or xN clock starts (default the scenario's start, else
                      2024-01-15T09:00:00+08:00)
  --exchange DIR      also take files from DIR/send/, write receipts to DIR/receive/, unreadable
                      files to DIR/failed/
  --api-key KEY=DXPID a sender's API key (X-Api-Key); repeat for each sender
  --admin-token TOKEN token for admin calls and views (Authorization: Bearer TOKEN); also read
                      from CBEC_SANDBOX_ADMIN_TOKEN
  --rate-limit N      requests per second each sender may post (default 5000; 0 for no limit)
  --threads on|off    read posted messages (XML, schema check) and checkpoint the database on
                      threads of their own, beside the one that drives the orders (default on
                      where there is more than one core)
  -h, --help          this text

Stop it with Ctrl-C (SIGINT) or SIGTERM. Exit code 2 for a bad option.
`,
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(this.help);
      return 0;
    }
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        scenario: { type: 'string' },
        seed: { type: 'string' },
        clock: { type: 'string' },
        start: { type: 'string' },
        exchange: { type: 'string' },
        'api-key': { type: 'string', multiple: true },
        'admin-token': { type: 'string' },
        'rate-limit': { type: 'string' },
        threads: { type: 'string' },
      },
    });
    if (positionals.length > 0) throw new ValidationError([{ path: [positionals[0] ?? ''], value: positionals[0], reason: 'is not an option of serve; see cbec-sim serve --help.' }], 'Invalid option');
    // the server's code (Fastify, SQLite) loads only for this command
    const { parseApiKeys } = await import('../../sandbox/access.js');
    const { startSandbox } = await import('../../sandbox/start.js');
    const adminToken = values['admin-token'] ?? process.env['CBEC_SANDBOX_ADMIN_TOKEN'];
    const sandbox = await startSandbox({
      port: whole('port', values.port, 0, 65535) ?? 8080,
      host: values.host ?? '127.0.0.1',
      db: values.db ?? 'sandbox.sqlite',
      seed: whole('seed', values.seed, 0, Number.MAX_SAFE_INTEGER) ?? 1,
      clock: values.clock ?? 'manual',
      ...(values.scenario !== undefined && { scenario: values.scenario }),
      ...(values.start !== undefined && { start: values.start }),
      ...(values.exchange !== undefined && { exchange: values.exchange }),
      apiKeys: Object.fromEntries(parseApiKeys(values['api-key'] ?? [])),
      ...(adminToken !== undefined && adminToken !== '' && { adminToken }),
      rateLimit: whole('rate-limit', values['rate-limit'], 0, 1_000_000) ?? 5000,
      threads: onOff('threads', values.threads) ?? availableParallelism() > 1,
    });
    const clock = sandbox.clock();
    io.out(`cbec-sim sandbox listening on ${sandbox.url} (database ${values.db ?? 'sandbox.sqlite'}, clock ${clock.mode} at ${new Date(clock.now).toISOString()}); Ctrl-C stops it.\n`);
    // An error nothing caught is reported and the sandbox keeps serving. Once standard output or
    // error is gone (the terminal closed), reporting stops, so a write error cannot loop.
    let reporting = true;
    const quiet = () => {
      reporting = false;
    };
    process.stdout.on('error', quiet);
    process.stderr.on('error', quiet);
    const keepRunning = (error: unknown) => {
      if (!reporting || (error as { code?: unknown } | undefined)?.code === 'EPIPE') return quiet();
      io.err(`cbec-sim serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)} (the sandbox keeps running)\n`);
    };
    process.on('uncaughtException', keepRunning);
    process.on('unhandledRejection', keepRunning);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await sandbox.close();
    io.out('cbec-sim sandbox stopped.\n');
    return 0;
  },
};
