// Recorded event sequences: what a simulation really sends to each order's machine, kept so that
// several runners can be timed on exactly the same work, without the rest of the simulator.
import { performance } from 'node:perf_hooks';
import { lib } from './library.mjs';

/**
 * Runs `scenario` for `orders` orders with a runner that delegates to the xstate runner and
 * records, per order, the channel, the order and every event sent to it, in order.
 */
export async function record(scenario, orders) {
  const recorded = [];
  const recorder = {
    name: lib.xstateRunner.name,
    start(channel, order) {
      const instance = lib.xstateRunner.start(channel, order);
      const events = [];
      recorded.push({ channel, order, events });
      return {
        get state() {
          return instance.state;
        },
        get done() {
          return instance.done;
        },
        can: (event) => instance.can(event),
        send(event) {
          events.push(event);
          return instance.send(event);
        },
      };
    },
  };
  await lib.createSimulation(scenario, { orders, runner: recorder }).run();
  return recorded;
}

/** Starts each recorded order on `runner` and sends its events, reading every effect emitted. */
function replayOnce(runner, recorded) {
  let touched = 0;
  for (const { channel, order, events } of recorded) {
    const instance = runner.start(channel, order);
    for (const event of events) {
      const outcome = instance.send(event);
      if (outcome.accepted) for (const effect of outcome.effects) touched += effect.at;
    }
  }
  return touched;
}

/**
 * Times replays of `recorded` on each runner of `runners` (by name): one untimed pass each to warm
 * the JIT, then rounds of one pass per runner, in turn, until at least `minSeconds` have gone by
 * (and at least three rounds). Taking turns gives every runner the same share of whatever else the
 * machine is doing. Reports each runner's median pass.
 */
export function timeReplays(runners, recorded, minSeconds) {
  const entries = Object.entries(runners);
  for (const [, runner] of entries) replayOnce(runner, recorded);
  const passes = new Map(entries.map(([name]) => [name, []]));
  const begun = performance.now();
  for (let round = 0; round < 3 || performance.now() - begun < minSeconds * 1000; round++) {
    for (const [name, runner] of entries) {
      const t0 = performance.now();
      replayOnce(runner, recorded);
      passes.get(name).push((performance.now() - t0) / 1000);
    }
  }
  const events = recorded.reduce((n, r) => n + r.events.length, 0);
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return Object.fromEntries(entries.map(([name]) => [name, { orders: recorded.length, events, passes: passes.get(name).length, seconds: median(passes.get(name)) }]));
}

/** JSON with object keys sorted, so two effects print alike whatever order their keys were set in. */
function canonical(value) {
  if (value !== null && typeof value === 'object' && typeof value.toJSON === 'function') return canonical(value.toJSON());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const describeOutcome = (outcome) => (outcome.accepted ? canonical(outcome.effects) : 'refused');

/**
 * Drives `candidate` and `reference` side by side through `recorded`: after every event, the same
 * acceptance and the same effects; at the end, the same state name. Returns the counts and the
 * first few disagreements.
 */
export function compareRunners(candidate, reference, recorded) {
  const disagreements = [];
  let steps = 0;
  let disagreeing = 0;
  const note = (text) => {
    disagreeing++;
    if (disagreements.length < 5) disagreements.push(text);
  };
  for (const { channel, order, events } of recorded) {
    const a = candidate.start(channel, order);
    const b = reference.start(channel, order);
    for (const event of events) {
      steps++;
      const got = describeOutcome(a.send(event));
      const want = describeOutcome(b.send(event));
      if (got !== want) note(`${order.orderNo} ${event.type}: ${got} where the machine gives ${want}`);
    }
    if (a.state !== b.state) note(`${order.orderNo} ends in '${a.state}' where the machine ends in '${b.state}'`);
  }
  return { orders: recorded.length, steps, agrees: disagreeing === 0, disagreeing, disagreements };
}
