/**
 * The runners by name, so a run (or a worker thread, which cannot receive functions) can name the
 * one it uses.
 */
import { ValidationError } from '../../domain/errors.js';
import { compiledRunner } from './compiled.js';
import { leanRunner } from './lean/instance.js';
import type { OrderRunner } from './types.js';
import { xstateRunner } from './xstate.js';

/**
 * Every runner by name: `lean` (the default: orders as rows of numbers), `compiled` (the compiled
 * table over each order's objects) and `xstate` (the reference: one xstate actor per order).
 */
export const RUNNERS = { lean: leanRunner, compiled: compiledRunner, xstate: xstateRunner } as const satisfies Record<string, OrderRunner>;

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
