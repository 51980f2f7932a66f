/**
 * The entry of the checkpoint thread (built as `checkpoint-worker.js`): on a connection of its
 * own to the sandbox's database file, it copies what the write-ahead log holds into the database
 * (a passive checkpoint, which never makes the writer wait) every `intervalMs`. When the log has
 * grown past `restartBytes` all the same (writes never paused long enough for a passive
 * checkpoint to catch up), it makes the writer wait once, briefly, so the log can start again
 * from its beginning. It stops, closing its connection, when told to.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { loadSqlite } from './optional.js';
import type { CheckpointJob } from './checkpointer.js';

/** What `PRAGMA wal_checkpoint` answers: busy (1 when blocked), frames in the log, frames copied. */
interface CheckpointResult {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

function run(port: MessagePort, job: CheckpointJob): void {
  const Database = loadSqlite();
  const db = new Database(job.path);
  db.pragma(`busy_timeout = ${job.busyTimeoutMs}`);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const checkpoint = () => {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
    if (result !== undefined && result.log * pageSize > job.restartBytes) db.pragma('wal_checkpoint(RESTART)');
  };
  const timer = setInterval(() => {
    try {
      checkpoint();
    } catch {
      // a locked or failing checkpoint is tried again at the next interval; the writer's own
      // connection never depends on it
    }
  }, job.intervalMs);
  port.on('message', (message: unknown) => {
    if (message !== 'stop') return;
    clearInterval(timer);
    db.close();
    port.close();
  });
}

if (parentPort) run(parentPort, workerData as CheckpointJob);
