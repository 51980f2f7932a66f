/**
 * The entry of an experiment worker thread (built as `experiment-worker.js`): runs the units it is
 * sent, one at a time, and posts each one's outcome (or its failure) back.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { errorData } from '../sim/shard/protocol.js';
import { runUnit } from './run-unit.js';
import type { FromUnitWorker, ToUnitWorker } from './pool.js';

function serve(port: MessagePort): void {
  port.on('message', (message: ToUnitWorker) => {
    const post = (reply: FromUnitWorker) => port.postMessage(reply);
    runUnit(message.job).then(
      (outcome) => post({ type: 'done', outcome }),
      (error: unknown) => post({ type: 'failed', index: message.job.unit.index, error: errorData(error) }),
    );
  });
}

if (parentPort) serve(parentPort);
