// The package under measurement: the built dist/index.js, or the build CBEC_SIM_DIST points at
// (a path to another build's index.js, e.g. a scratch build of the current sources).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const override = process.env.CBEC_SIM_DIST;

/** Where the package was loaded from, for the report. */
export const packagePath = override ?? 'dist/index.js';

/** The package's exports. */
export const lib = await import(override ? pathToFileURL(resolve(override)).href : '../dist/index.js');

/** True when the package exports the compiled runner. */
export const hasCompiledRunner = lib.compiledRunner !== undefined;

/** True when the package has the lean runner (its default). */
export const hasLeanRunner = lib.leanRunner !== undefined;

/** True when scenarios can be split into shards (and runs may use worker threads): the scenario schema has `shards`. */
export const hasShards = lib.scenarioJsonSchema().properties?.shards !== undefined;

/**
 * The runners by the name the bench uses. Where the package lacks a runner, the next one stands in
 * for it (lean: compiled; compiled: xstate), and the bench says so.
 */
export const runners = {
  xstate: lib.xstateRunner,
  compiled: lib.compiledRunner ?? lib.xstateRunner,
  lean: lib.leanRunner ?? lib.compiledRunner ?? lib.xstateRunner,
};

/** The runner called `name`. */
export function runnerNamed(name) {
  const runner = runners[name];
  if (runner === undefined) throw new Error(`no runner '${name}'; use ${Object.keys(runners).join(', ')}`);
  return runner;
}
