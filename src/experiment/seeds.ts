/**
 * Seeds of replications. With common random numbers, replication r of every point runs with the
 * same seed, so two points see the same arrivals, buyers and draws wherever their settings allow,
 * and their difference is not noise from the seeds. Without, every (point, replication) has a
 * seed of its own. Either way seeds come from the experiment's root seed through named streams,
 * so a seed never depends on how many points, replications or worker threads there are.
 */
import { createRng } from '../sim/rng.js';

/** The largest seed handed to a replication (seeds are whole numbers from 0 to this). */
const MAX_SEED = 2 ** 31 - 1;

/**
 * The seed of replication `replication` of point `point`.
 *
 * @example
 * ```ts
 * replicationSeed(1, true, 0, 4) === replicationSeed(1, true, 2, 4); // true: common random numbers
 * ```
 */
export function replicationSeed(rootSeed: number, commonRandomNumbers: boolean, point: number, replication: number): number {
  const root = createRng(rootSeed);
  const stream = commonRandomNumbers ? root.stream(`replication-${replication}`) : root.stream(`point-${point}`).stream(`replication-${replication}`);
  return stream.int(0, MAX_SEED);
}
