/**
 * The entry of a reader thread (built as `intake-worker.js`): reads each posted message it is
 * given (`readMessage`: the envelope, the XML and the schema check) and posts back what it gave,
 * in the order the messages came. A message it cannot answer from here (the reading threw, or
 * the answer cannot cross to the other thread) is sent back to be read on the server's thread,
 * where it fails, or succeeds, exactly as it would have without this thread.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { readMessage } from './intake.js';
import type { ReadJob, ReadReply } from './intake-protocol.js';

function serve(port: MessagePort): void {
  port.on('message', (job: ReadJob) => {
    let reply: ReadReply;
    try {
      reply = { id: job.id, result: readMessage(job.text, job.script, job.limits) };
    } catch {
      reply = { id: job.id, inline: true };
    }
    try {
      port.postMessage(reply);
    } catch {
      port.postMessage({ id: job.id, inline: true } satisfies ReadReply);
    }
  });
}

if (parentPort) serve(parentPort);
