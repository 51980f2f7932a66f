/**
 * Folder exchange, as the e-port client does it: XML files dropped in `DIR/send/` are taken (in
 * name order) like posted messages; the receipts for every sender that used the folder are
 * written to `DIR/receive/`, each file written under a temporary name and renamed, so a reader
 * never sees half a file. A file that cannot be read moves to `DIR/failed/` with
 * `<name>.reason.txt` beside it (the CEB900 receipt's text). A taken file is removed after its
 * transaction commits; after a crash it is taken again, and its guid makes that a no-op.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssues } from '../messages/format-issues.js';
import type { SandboxEngine } from './engine.js';
import { readMessage } from './intake.js';

/** The folders of an exchange directory. */
export interface ExchangeFolders {
  readonly send: string;
  readonly receive: string;
  readonly failed: string;
}

/** The folders under `dir`, created if missing. */
export function exchangeFolders(dir: string): ExchangeFolders {
  const folders = { send: join(dir, 'send'), receive: join(dir, 'receive'), failed: join(dir, 'failed') };
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  return folders;
}

/** Writes `text` to `path` atomically: a temporary file in the same folder, then a rename. */
export function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

const RECEIVERS_KEY = 'exchange.receivers';

/** Watches a folder exchange. */
export class FolderExchange {
  readonly folders: ExchangeFolders;
  readonly #engine: SandboxEngine;
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(engine: SandboxEngine, dir: string, intervalMs = 200) {
    this.#engine = engine;
    this.folders = exchangeFolders(dir);
    this.#intervalMs = intervalMs;
  }

  start(): void {
    this.#stopped = false;
    this.#loop();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  #loop(): void {
    try {
      this.poll();
    } catch {
      // the database or the folder is unavailable for now: the files stay and are taken later
    }
    if (!this.#stopped) {
      this.#timer = setTimeout(() => this.#loop(), this.#intervalMs);
      this.#timer.unref();
    }
  }

  /** Takes every file waiting in send/ and writes every new receipt to receive/. */
  poll(): void {
    for (const name of readdirSync(this.folders.send).filter((n) => n.toLowerCase().endsWith('.xml')).sort()) this.#take(name);
    this.#deliver();
  }

  #receivers(): string[] {
    return JSON.parse(this.#engine.store.getMeta(RECEIVERS_KEY) ?? '[]') as string[];
  }

  #take(name: string): void {
    const path = join(this.folders.send, name);
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) return;
    const read = readMessage(readFileSync(path, 'utf8'), '');
    if ('refused' in read) {
      const receipt = this.#engine.answerUnreadable(read.refused);
      writeAtomically(join(this.folders.failed, `${name}.reason.txt`), `${formatIssues(read.refused.issues).join('\n')}\n\n${receipt}`);
      renameSync(path, join(this.folders.failed, name));
      return;
    }
    const receivers = this.#receivers();
    if (!receivers.includes(read.ok.sender) && read.ok.sender !== '') {
      this.#engine.transaction(() => this.#engine.store.setMeta(RECEIVERS_KEY, JSON.stringify([...receivers, read.ok.sender].sort())));
    }
    this.#engine.receive(read.ok);
    rmSync(path, { force: true });
  }

  #deliver(): void {
    const store = this.#engine.store;
    for (const receiver of this.#receivers()) {
      const cursorKey = `folder:${receiver}`;
      for (;;) {
        const receipts = store.receiptsFor(receiver, store.ackedCursor(cursorKey), 500);
        if (receipts.length === 0) break;
        for (const r of receipts) writeAtomically(join(this.folders.receive, `${String(r.id).padStart(12, '0')}_${r.type}_${r.guid}.xml`), r.xml);
        const last = receipts.at(-1)?.id ?? 0;
        this.#engine.transaction(() => store.ack(cursorKey, last));
      }
    }
  }
}
