/**
 * The runners by name, so a run (or a worker thread, which cannot receive functions) can name the
 * one it uses.
 */
import { ValidationError } from '../../domain/errors.js';
import { compiledRunner } from './compiled.js';
import type { OrderRunner } from './types.js';
import { xstateRunner } from './xstate.js';

/** Every runner by name: `compiled` (the default, fast) and `xstate` (the reference). */
export const RUNNERS = { compiled: compiledRunner, xstate: xstateRunner } as const satisfies Record<string, OrderRunner>;

/** A runner's name. */
export type RunnerName = keyof typeof RUNNERS;

/**
 * The runner named `name`.
 *
 * @throws {@link ValidationError} naming `runner` when there is no such runner
 */
export function runnerNamed(name: string): OrderRunner {
  if (Object.hasOwn(RUNNERS, name)) return RUNNERS[name as RunnerName];
  throw new ValidationError([{ path: ['runner'], value: name, reason: `is not a runner; use one of ${Object.keys(RUNNERS).join(', ')}.` }]);
}
