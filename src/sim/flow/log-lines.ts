/**
 * NDJSON lines of a run's transitions, exactly as `JSON.stringify` of the {@link TransitionRecord}
 * would write them, without building the record: when the log takes bytes, each line is encoded
 * straight into a buffer from three parts made once and copied after (the time's leading digits,
 * the orderNo's channel prefix and date, and everything after the orderNo for one transition with
 * its statuses and reason) and the digits that change from line to line; otherwise as a string.
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
/** The time's last digits, written per line; the digits before them are made once per value. */
const TIME_LOW_DIGITS = 6;
const TIME_LOW = 10 ** TIME_LOW_DIGITS;
/** Digits of an orderNo's serial. */
const SERIAL_DIGITS = 10;
const SERIAL_LIMIT = 10 ** SERIAL_DIGITS;

const encoder = /* @__PURE__ */ new TextEncoder();
const bytes = (text: string): Uint8Array => encoder.encode(text);
/** The ASCII digits of 00 to 99, two bytes each. */
const DIGIT_PAIRS = /* @__PURE__ */ bytes(Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0')).join(''));

/** The part of a line after the orderNo, for one transition with its statuses and reason. */
interface Tail {
  readonly to: number;
  readonly statuses: readonly number[];
  readonly reason: string | null;
  readonly bytes: Uint8Array;
}

/** Writes a run's transitions to its log. */
export class TransitionLines {
  readonly #log: TransitionLog;
  readonly #tables: readonly LeanTable[];
  readonly #middles = new Map<number, string>();
  /** Per channel, at `from * EVENT_TYPES.length + code`: the tails seen of that plan. */
  readonly #tails: (Tail[] | undefined)[][];
  /** Per channel, the orderNo head last written and `,"orderNo":"` with it. */
  readonly #heads: (Uint8Array | undefined)[] = [];
  readonly #headParts: Uint8Array[] = [];
  /** The leading digits of the time last written, and `{"t":` with them. */
  #timeHigh = -1;
  #timePart: Uint8Array = new Uint8Array(0);
  /** The buffer lines are encoded into; the bytes before `#start` are the log's already. */
  #chunk: Uint8Array | undefined;
  #start = 0;
  #at = 0;

  constructor(log: TransitionLog, tables: readonly LeanTable[]) {
    this.#log = log;
    this.#tables = tables;
    this.#tails = tables.map(() => []);
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
    log.writeLine(`{"t":${t},"orderNo":"${orderNo}"${this.#middle(channel, from, code, to)}${statusAndReason(statuses, reason)}\n`);
  }

  /**
   * Hands the lines encoded so far to the log (call before waiting on a congested log, and at the
   * end). The rest of the buffer takes the next lines, so a flush allocates nothing.
   */
  flush(): void {
    if (this.#chunk === undefined || this.#at === this.#start) return;
    this.#log.writeBytes!(this.#chunk.subarray(this.#start, this.#at));
    this.#start = this.#at;
    if (this.#at >= CHUNK) this.#chunk = undefined;
  }

  #encode(t: number, head: Uint8Array, serial: number, channel: number, from: number, code: number, to: number, statuses: readonly number[], reason: string | null): void {
    if (this.#chunk === undefined) {
      this.#chunk = new Uint8Array(CHUNK + LINE_ROOM);
      this.#start = 0;
      this.#at = 0;
    }
    this.#time(t);
    this.#put(this.#headPart(channel, head));
    this.#serial(serial);
    this.#put(this.#tail(channel, from, code, to, statuses, reason));
    if (this.#at >= CHUNK) this.flush();
  }

  #put(part: Uint8Array): void {
    if (this.#at + part.length > this.#chunk!.length) this.#grow(part.length);
    this.#chunk!.set(part, this.#at);
    this.#at += part.length;
  }

  /** A line longer than the room left: a larger chunk for it, with the lines not yet handed over. */
  #grow(needed: number): void {
    const larger = new Uint8Array(this.#chunk!.length * 2 + needed);
    larger.set(this.#chunk!.subarray(this.#start, this.#at));
    this.#chunk = larger;
    this.#at -= this.#start;
    this.#start = 0;
  }

  /** `{"t":` and the time as JSON writes it: the leading digits copied, the last six written. */
  #time(t: number): void {
    if (!Number.isSafeInteger(t) || t < TIME_LOW) {
      this.#put(bytes(`{"t":${t}`));
      return;
    }
    const high = Math.floor(t / TIME_LOW);
    if (high !== this.#timeHigh) {
      this.#timeHigh = high;
      this.#timePart = bytes(`{"t":${high}`);
    }
    this.#put(this.#timePart);
    this.#pairs((t - high * TIME_LOW) | 0, TIME_LOW_DIGITS);
  }

  /** The serial, left-padded with zeros to ten digits as the orderNo has it. */
  #serial(serial: number): void {
    if (!Number.isSafeInteger(serial) || serial < 0 || serial >= SERIAL_LIMIT) {
      this.#put(bytes(String(serial).padStart(SERIAL_DIGITS, '0')));
      return;
    }
    const high = Math.floor(serial / TIME_LOW);
    this.#pairs(high | 0, SERIAL_DIGITS - TIME_LOW_DIGITS);
    this.#pairs((serial - high * TIME_LOW) | 0, TIME_LOW_DIGITS);
  }

  /** Writes `value` (a whole number below 10 to the `width`, at most a million; `width` even) as `width` digits, two at a time, in integer arithmetic. */
  #pairs(value: number, width: number): void {
    const chunk = this.#chunk!;
    let v = value;
    for (let i = this.#at + width - 2; i >= this.#at; i -= 2) {
      const rest = (v / 100) | 0;
      const pair = 2 * (v - rest * 100);
      chunk[i] = DIGIT_PAIRS[pair]!;
      chunk[i + 1] = DIGIT_PAIRS[pair + 1]!;
      v = rest;
    }
    this.#at += width;
  }

  /** `,"orderNo":"` and the head of the orderNo, made again when the channel's head changes. */
  #headPart(channel: number, head: Uint8Array): Uint8Array {
    if (this.#heads[channel] !== head) {
      this.#heads[channel] = head;
      this.#headParts[channel] = bytes(`,"orderNo":"${new TextDecoder().decode(head)}`);
    }
    return this.#headParts[channel]!;
  }

  /** The rest of the line after the orderNo's digits, made once for each transition, statuses and reason seen. */
  #tail(channel: number, from: number, code: number, to: number, statuses: readonly number[], reason: string | null): Uint8Array {
    const byPlan = this.#tails[channel]!;
    const at = from * EVENT_TYPES.length + code;
    while (byPlan.length <= at) byPlan.push(undefined);
    let seen = byPlan[at];
    if (seen === undefined) byPlan[at] = seen = [];
    for (let i = 0; i < seen.length; i++) {
      const tail = seen[i]!;
      if (tail.to === to && tail.reason === reason && sameNumbers(tail.statuses, statuses)) return tail.bytes;
    }
    const tail: Tail = { to, statuses: [...statuses], reason, bytes: bytes(`"${this.#middle(channel, from, code, to)}${statusAndReason(statuses, reason)}\n`) };
    seen.push(tail);
    return tail.bytes;
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

/** The end of a line: its statuses, its reason and the closing brace. */
function statusAndReason(statuses: readonly number[], reason: string | null): string {
  return `,"status":[${statuses.join(',')}],"reason":${reason === null ? 'null' : JSON.stringify(reason)}}`;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One number for a transition of the tables: channel, state before, event code and state after. */
function transitionKey(channel: number, from: number, code: number, to: number): number {
  return ((channel * 65536 + from) * 32 + code) * 65536 + to;
}
