/**
 * NDJSON lines of a run's transitions, built as `JSON.stringify` of the {@link TransitionRecord}
 * would build them, without building the record: the part naming the channel, the states and the
 * event is made once per transition of the table and reused.
 */
import { CHANNEL_IDS } from '../../channels/registry.js';
import type { TransitionLog, TransitionRecord } from '../log.js';
import { EVENT_TYPES } from '../runner/lean/codes.js';
import type { LeanTable } from '../runner/lean/table.js';

/** Writes a run's transitions to its log. */
export class TransitionLines {
  readonly #log: TransitionLog;
  readonly #tables: readonly LeanTable[];
  readonly #middles = new Map<number, string>();

  constructor(log: TransitionLog, tables: readonly LeanTable[]) {
    this.#log = log;
    this.#tables = tables;
  }

  /**
   * Logs a transition of channel index `channel` from configuration `from` to `to` on event
   * `code`, with the receipt statuses it produced and the reason of its first refusal, if any.
   */
  write(t: number, orderNo: string, channel: number, from: number, code: number, to: number, statuses: readonly number[], reason: string | null): void {
    const log = this.#log;
    if (log.writeLine === undefined) {
      const table = this.#tables[channel]!;
      const record: TransitionRecord = { t, orderNo, channel: CHANNEL_IDS[channel]!, from: table.nameOf(from), event: EVENT_TYPES[code]!, to: table.nameOf(to), status: [...statuses], reason };
      log.write(record);
      return;
    }
    log.writeLine(`{"t":${t},"orderNo":"${orderNo}"${this.#middle(channel, from, code, to)},"status":[${statuses.join(',')}],"reason":${reason === null ? 'null' : `"${reason}"`}}\n`);
  }

  #middle(channel: number, from: number, code: number, to: number): string {
    const key = ((channel * 65536 + from) * 32 + code) * 65536 + to;
    let middle = this.#middles.get(key);
    if (middle === undefined) {
      const table = this.#tables[channel]!;
      middle = `,"channel":${JSON.stringify(CHANNEL_IDS[channel])},"from":${JSON.stringify(table.nameOf(from))},"event":${JSON.stringify(EVENT_TYPES[code])},"to":${JSON.stringify(table.nameOf(to))}`;
      this.#middles.set(key, middle);
    }
    return middle;
  }
}
