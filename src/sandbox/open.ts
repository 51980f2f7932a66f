/**
 * Opening a sandbox's core on its database: the seed and clock it was created with are kept in
 * the database, so a restart resumes the same sandbox (and refuses a different seed).
 */
import { CbecError } from '../domain/errors.js';
import type { Scenario } from '../sim/scenario/schema.js';
import { createRng } from '../sim/rng.js';
import { behaviourOf } from './behaviour.js';
import { SandboxClock, type ClockAnchor, type ClockMode } from './clock.js';
import { SandboxEngine } from './engine.js';
import { Store } from './store.js';
import { wallNow } from './wall-clock.js';

/** What the core needs. */
export interface CoreOptions {
  /** Database file, or `':memory:'`. */
  readonly db: string;
  readonly seed: number;
  readonly clock: ClockMode;
  /** Rates, durations and customs district; the all-happy default when absent. */
  readonly scenario?: Scenario | undefined;
  /** Where a new manual or scaled clock starts, epoch ms (default: the scenario's start). */
  readonly start?: number | undefined;
  /** Checkpoint a database file on a thread of its own (default false). */
  readonly checkpointThread?: boolean;
}

/**
 * Opens (creating if needed) the sandbox in `options.db`.
 *
 * @throws {@link CbecError} when the database was created with another seed
 */
export function openEngine(options: CoreOptions): SandboxEngine {
  const store = Store.open({ path: options.db, checkpointThread: options.checkpointThread ?? false });
  try {
    const storedSeed = store.getMeta('seed');
    if (storedSeed !== undefined && Number(storedSeed) !== options.seed) {
      throw new CbecError('VALIDATION', `The sandbox database ${options.db} was created with seed ${storedSeed}; start it with --seed ${storedSeed}, or use a new database for seed ${options.seed}.`);
    }
    const behaviour = behaviourOf(options.scenario);
    const stored = store.getMeta('clock');
    const anchor: ClockAnchor = stored !== undefined ? (JSON.parse(stored) as ClockAnchor) : { sandboxAt: options.start ?? behaviour.start, wallAt: wallNow() };
    const clock = new SandboxClock(options.clock, options.clock.kind === 'real' ? { sandboxAt: Math.max(anchor.sandboxAt, wallNow()), wallAt: wallNow() } : anchor);
    store.transaction(() => {
      store.setMeta('seed', String(options.seed));
      store.setMeta('clock', JSON.stringify(clock.anchor));
    });
    return new SandboxEngine(store, clock, behaviour, createRng(options.seed));
  } catch (error) {
    void store.close();
    throw error;
  }
}
