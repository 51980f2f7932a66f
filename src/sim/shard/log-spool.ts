/**
 * Transition logs of shards simulated on worker threads: each worker writes its shards' records
 * to files of their own, and the calling thread appends them to the run's log in shard order,
 * giving the same bytes as a run on one thread.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { TransitionLog, TransitionRecord } from '../log.js';

/**
 * Appends every NDJSON record of `file` to `log`, waiting whenever the log is congested: as the
 * file's bytes when the log takes bytes, else record by record.
 */
export async function appendLogFile(file: string, log: TransitionLog): Promise<void> {
  if (log.writeBytes !== undefined) {
    for await (const chunk of createReadStream(file)) {
      log.writeBytes(chunk as Buffer);
      if (log.congested) await log.drained();
    }
    return;
  }
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.length === 0) continue;
    log.write(JSON.parse(line) as TransitionRecord);
    if (log.congested) await log.drained();
  }
}
