/**
 * NDJSON lines of a run's transitions, exactly as `JSON.stringify` of the {@link TransitionRecord}
 * would write them, without building the record: when the log takes bytes, each line is encoded
 * straight into a buffer (numbers digit by digit, the part naming the channel, the states and the
 * event copied from bytes made once per transition of the table); otherwise as a string.
 */
import { CHANNEL_IDS } from '../../channels/registry.js';
import type { TransitionLog, TransitionRecord } from '../log.js';
import type { OrderNumbers } from '../parties/platform.js';
import { EVENT_TYPES } from '../runner/lean/codes.js';
import type { LeanTable } from '../runner/lean/table.js';

/** Bytes of NDJSON gathered before they go to the log. */
const CHUNK = 1 << 20;
/** Room kept at the end of a chunk for one more line (longer lines flush first). */
const LINE_ROOM = 4096;

const encoder = /* @__PURE__ */ new TextEncoder();
const bytes = (text: string): Uint8Array => encoder.encode(text);
const OPEN = /* @__PURE__ */ bytes('{"t":');
const ORDER = /* @__PURE__ */ bytes(',"orderNo":"');
const STATUS = /* @__PURE__ */ bytes(',"status":[');
const REASON = /* @__PURE__ */ bytes('],"reason":');
const NULL_END = /* @__PURE__ */ bytes('null}\n');

/** Writes a run's transitions to its log. */
export class TransitionLines {
  readonly #log: TransitionLog;
  readonly #tables: readonly LeanTable[];
  readonly #middles = new Map<number, string>();
  readonly #middleBytes = new Map<number, Uint8Array>();
  readonly #reasons = new Map<string, Uint8Array>();
  #chunk: Uint8Array | undefined;
  #at = 0;

  constructor(log: TransitionLog, tables: readonly LeanTable[]) {
    this.#log = log;
    this.#tables = tables;
  }

  /**
   * Logs a transition of the order `serial` of channel index `channel` (placed at `placedAt`; its
   * orderNo from `numbers`) from configuration `from` to `to` on event `code`, with the receipt
   * statuses it produced and the reason of its first refusal, if any.
   */
  write(t: number, numbers: OrderNumbers, channel: number, placedAt: number, serial: number, from: number, code: number, to: number, statuses: readonly number[], reason: string | null): void {
    const log = this.#log;
    if (log.writeBytes !== undefined) return this.#encode(t, numbers.headBytes(channel, placedAt), serial, channel, from, code, to, statuses, reason);
    const orderNo = numbers.of(channel, placedAt, serial);
    if (log.writeLine === undefined) {
      const table = this.#tables[channel]!;
      const record: TransitionRecord = { t, orderNo, channel: CHANNEL_IDS[channel]!, from: table.nameOf(from), event: EVENT_TYPES[code]!, to: table.nameOf(to), status: [...statuses], reason };
      log.write(record);
      return;
    }
    log.writeLine(`{"t":${t},"orderNo":"${orderNo}"${this.#middle(channel, from, code, to)},"status":[${statuses.join(',')}],"reason":${reason === null ? 'null' : JSON.stringify(reason)}}\n`);
  }

  /** Hands the lines encoded so far to the log (call before waiting on a congested log, and at the end). */
  flush(): void {
    if (this.#chunk === undefined || this.#at === 0) return;
    this.#log.writeBytes!(this.#chunk.subarray(0, this.#at));
    this.#chunk = undefined;
    this.#at = 0;
  }

  #encode(t: number, head: Uint8Array, serial: number, channel: number, from: number, code: number, to: number, statuses: readonly number[], reason: string | null): void {
    if (this.#chunk === undefined) this.#chunk = new Uint8Array(CHUNK + LINE_ROOM);
    this.#put(OPEN);
    this.#digits(t, 0);
    this.#put(ORDER);
    this.#put(head);
    this.#digits(serial, 10);
    this.#put(this.#middleBytesOf(channel, from, code, to));
    this.#put(STATUS);
    for (let i = 0; i < statuses.length; i++) {
      if (i > 0) this.#chunk[this.#at++] = 0x2c; // ,
      this.#digits(statuses[i]!, 0);
    }
    this.#put(REASON);
    this.#put(reason === null ? NULL_END : this.#reasonBytes(reason));
    if (this.#at >= CHUNK) this.flush();
  }

  #put(part: Uint8Array): void {
    if (this.#at + part.length > this.#chunk!.length) this.#grow(part.length);
    this.#chunk!.set(part, this.#at);
    this.#at += part.length;
  }

  /** A line longer than the room left: a larger chunk for it. */
  #grow(needed: number): void {
    const larger = new Uint8Array(this.#chunk!.length * 2 + needed);
    larger.set(this.#chunk!.subarray(0, this.#at));
    this.#chunk = larger;
  }

  /** Writes a whole number of at most 15 digits in decimal, left-padded with zeros to `width` digits (0: as JSON writes it). */
  #digits(value: number, width: number): void {
    if (value < 0 || !Number.isSafeInteger(value) || value >= 1e15) {
      this.#put(bytes(String(value).padStart(width, '0')));
      return;
    }
    let length = 1;
    for (let p = 10; p <= value; p *= 10) length++;
    if (length < width) length = width;
    if (this.#at + length > this.#chunk!.length) this.#grow(length);
    const chunk = this.#chunk!;
    let v = value;
    for (let i = this.#at + length - 1; i >= this.#at; i--) {
      chunk[i] = 0x30 + (v % 10);
      v = Math.floor(v / 10);
    }
    this.#at += length;
  }

  #reasonBytes(reason: string): Uint8Array {
    let known = this.#reasons.get(reason);
    if (known === undefined) {
      known = bytes(`${JSON.stringify(reason)}}\n`);
      this.#reasons.set(reason, known);
    }
    return known;
  }

  #middleBytesOf(channel: number, from: number, code: number, to: number): Uint8Array {
    const key = transitionKey(channel, from, code, to);
    let known = this.#middleBytes.get(key);
    if (known === undefined) {
      known = bytes(`"${this.#middle(channel, from, code, to)}`);
      this.#middleBytes.set(key, known);
    }
    return known;
  }

  #middle(channel: number, from: number, code: number, to: number): string {
    const key = transitionKey(channel, from, code, to);
    let middle = this.#middles.get(key);
    if (middle === undefined) {
      const table = this.#tables[channel]!;
      middle = `,"channel":${JSON.stringify(CHANNEL_IDS[channel])},"from":${JSON.stringify(table.nameOf(from))},"event":${JSON.stringify(EVENT_TYPES[code])},"to":${JSON.stringify(table.nameOf(to))}`;
      this.#middles.set(key, middle);
    }
    return middle;
  }
}

/** One number for a transition of the tables: channel, state before, event code and state after. */
function transitionKey(channel: number, from: number, code: number, to: number): number {
  return ((channel * 65536 + from) * 32 + code) * 65536 + to;
}
