/**
 * The entry of a shard worker thread (built as `shard-worker.js`): simulates its job's shards one
 * after another and posts each one's facts (or its failure) to the calling thread, forwarding
 * progress as it goes; an abort message stops the shard running at its next chunk boundary.
 */
import { createWriteStream } from 'node:fs';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { createNdjsonLog } from '../log.js';
import { runnerNamed } from '../runner/registry.js';
import { shardTask } from './plan.js';
import { errorData, shardLogFile, type AbortMessage, type WorkerJob, type WorkerMessage } from './protocol.js';
import { runShard } from './run-shard.js';

async function work(port: MessagePort, job: WorkerJob): Promise<void> {
  const controller = new AbortController();
  if (job.aborted) controller.abort();
  const onMessage = (message: AbortMessage) => {
    if (message.type === 'abort') controller.abort();
  };
  port.on('message', onMessage);
  const post = (message: WorkerMessage) => port.postMessage(message);
  try {
    for (const shard of job.shards) {
      const log = job.logDir === undefined ? undefined : createNdjsonLog(createWriteStream(shardLogFile(job.logDir, shard)));
      try {
        const facts = await runShard(shardTask(job.plan, shard), runnerNamed(job.runner), { onProgress: (progress) => post({ type: 'progress', shard, progress }), signal: controller.signal, ...(log ? { log } : {}) });
        await log?.close();
        post({ type: 'facts', shard, facts });
      } catch (e) {
        post({ type: 'failed', shard, error: errorData(e) });
        return;
      }
    }
  } finally {
    port.off('message', onMessage);
  }
}

if (parentPort) void work(parentPort, workerData as WorkerJob);
