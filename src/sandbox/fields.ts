/**
 * Reading parsed message data (strings and nested nodes, as `parseMessage` returns them) into
 * typed values. The message has already passed validation, so required fields are present and
 * well formed; these helpers only convert.
 */
import type { MessageData } from '../messages/spec.js';
import { money, type Money } from '../money/money.js';
import { toEpoch } from '../sim/clock.js';

/** A node's fields, read one by one. */
export class Fields {
  constructor(readonly data: MessageData) {}

  /** A text field ('' when absent). */
  text(name: string): string {
    const value = this.data[name];
    return typeof value === 'string' ? value : '';
  }

  /** A text field, or undefined when absent or empty. */
  optional(name: string): string | undefined {
    const value = this.text(name);
    return value === '' ? undefined : value;
  }

  money(name: string): Money {
    const value = this.text(name);
    return money(value === '' ? '0' : value, name);
  }

  /** A `YYYYMMDDhhmmss` (Beijing time) field as epoch ms. */
  time(name: string): number {
    return cebTimeToEpoch(this.text(name));
  }

  /** A child node. */
  node(name: string): Fields {
    const value = this.data[name];
    const record = Array.isArray(value) ? value[0] : value;
    return new Fields(typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as MessageData) : {});
  }

  /** A repeated child node, each as Fields. */
  nodes(name: string): Fields[] {
    const value = this.data[name];
    if (value === undefined || typeof value === 'string') return [];
    const list = (Array.isArray(value) ? value : [value]) as readonly (MessageData | string)[];
    return list.filter((item): item is MessageData => typeof item === 'object').map((item) => new Fields(item));
  }
}

/** `YYYYMMDDhhmmss` or `YYYYMMDD` (Beijing time) as epoch ms. */
export function cebTimeToEpoch(text: string): number {
  const [y, mo, d, h = '00', mi = '00', s = '00'] = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?/.exec(text)?.slice(1) ?? [];
  return toEpoch(`${y ?? '1970'}-${mo ?? '01'}-${d ?? '01'}T${h}:${mi}:${s}+08:00`, 'time');
}
