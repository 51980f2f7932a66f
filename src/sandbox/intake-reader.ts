/**
 * Reading posted messages off the server's thread. Reading a message (the envelope, the XML, the
 * schema check) is the largest part of the work a message costs that needs no state; a reader
 * thread does it while the server's thread drives the machines and writes the database, so on a
 * machine with more than one core the two go on side by side. Answers come back in the order the
 * messages were given, so the order in which the engine takes them is the order they arrived.
 * Without a thread, or when the thread cannot answer, a message is read on the server's thread,
 * with the same result.
 */
import type { Worker } from 'node:worker_threads';
import type { ParseLimits } from '../messages/limits.js';
import { startWorkerThread } from '../sim/shard/worker-script.js';
import { readMessage, type IntakeResult } from './intake.js';
import type { ReadJob, ReadReply } from './intake-protocol.js';

interface Pending {
  readonly job: ReadJob;
  readonly resolve: (result: IntakeResult) => void;
  readonly reject: (error: unknown) => void;
}

/** Reads posted messages on a reader thread (started on first use), or on this thread. */
export class IntakeReader {
  #useThread: boolean;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | undefined;
  #nextId = 1;
  #closed = false;
  #readOnThread = 0;

  /** @param thread - read on a thread of its own (otherwise every message is read on this thread) */
  constructor(thread: boolean) {
    this.#useThread = thread;
  }

  /** Messages the reader thread has answered (the others were read on this thread). */
  get readOnThread(): number {
    return this.#readOnThread;
  }

  /** Reads `text` as {@link readMessage} does, with the `X-Cbec-Script` header `script` ('' when none). */
  read(text: string, script: string, limits: ParseLimits): Promise<IntakeResult> {
    if (!this.#useThread || this.#closed) return new Promise((resolve) => resolve(readMessage(text, script, limits)));
    const worker = this.#worker ?? this.#start();
    const job: ReadJob = { id: this.#nextId++, text, script, limits };
    return new Promise((resolve, reject) => {
      this.#pending.set(job.id, { job, resolve, reject });
      worker.postMessage(job);
    });
  }

  /** Reads what is still waiting on this thread and stops the reader thread. */
  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = undefined;
    this.#readHere();
    await worker?.terminate();
  }

  #start(): Worker {
    const worker = startWorkerThread('intake-worker.js', new URL('./intake-worker.ts', import.meta.url), undefined);
    // the server keeps the process alive, not this thread
    worker.unref();
    let online = false;
    worker.once('online', () => (online = true));
    worker.on('message', (reply: ReadReply) => this.#answer(reply));
    worker.on('error', () => this.#lost(worker, online));
    worker.on('exit', () => this.#lost(worker, online));
    this.#worker = worker;
    return worker;
  }

  #answer(reply: ReadReply): void {
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    this.#pending.delete(reply.id);
    if ('result' in reply) {
      this.#readOnThread++;
      pending.resolve(reply.result);
    } else settleHere(pending);
  }

  /**
   * The thread stopped: what it had not answered is read here, in order. The next message starts
   * a new thread, unless this one never started (then every message is read here from now on).
   */
  #lost(worker: Worker, wasOnline: boolean): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    if (!wasOnline) this.#useThread = false;
    this.#readHere();
  }

  #readHere(): void {
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    for (const pending of waiting) settleHere(pending);
  }
}

function settleHere({ job, resolve, reject }: Pending): void {
  try {
    resolve(readMessage(job.text, job.script, job.limits));
  } catch (error) {
    reject(error);
  }
}
