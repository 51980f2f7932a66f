/**
 * Ctrl-C and `kill`: the first SIGINT or SIGTERM aborts the command's `AbortSignal` (a run stops at
 * its next chunk, writes its partial report and cleans up); a second one runs the registered
 * clean-ups at once (temporary files, the output lock) and exits.
 */
import { EXIT } from './exit-codes.js';

/** The signals a command stops on, and the exit code of each (128 + its number). */
const SIGNALS = { SIGINT: EXIT.sigint, SIGTERM: EXIT.sigterm } as const;
type StopSignal = keyof typeof SIGNALS;

const cleanups = new Set<() => void>();

/**
 * Registers a synchronous clean-up for a second signal (which exits without waiting); returns the
 * function that unregisters it, to call once the clean-up is no longer needed.
 */
export function atForcedExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** The exit code of a command stopped by `signal`'s reason, or `undefined` when it was not stopped. */
export function interruptedExit(signal: AbortSignal | undefined): number | undefined {
  if (!signal?.aborted) return undefined;
  const reason: unknown = signal.reason;
  return typeof reason === 'string' && reason in SIGNALS ? SIGNALS[reason as StopSignal] : EXIT.sigint;
}

/**
 * Wires SIGINT and SIGTERM to a new `AbortSignal` for the command's run; `write` reports what
 * happens. Returns the signal and a function that unwires the handlers.
 */
export function stopOnSignals(write: (text: string) => void): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const handler = (name: StopSignal) => {
    if (!controller.signal.aborted) {
      write(`cbec-sim: ${name}: stopping at the next chunk and writing what was simulated (again to stop at once).\n`);
      controller.abort(name);
      return;
    }
    for (const cleanup of cleanups) cleanup();
    write(`cbec-sim: ${name} again: stopped; nothing was written.\n`);
    process.exit(SIGNALS[name]);
  };
  const handlers = (Object.keys(SIGNALS) as StopSignal[]).map((name) => [name, () => handler(name)] as const);
  for (const [name, h] of handlers) process.on(name, h);
  return { signal: controller.signal, dispose: () => handlers.forEach(([name, h]) => process.off(name, h)) };
}
