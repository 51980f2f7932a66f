/**
 * The channels by id: `CHANNELS['1210-import'].machine`, `getChannel(id)`, and the channel an order
 * travels by, from its direction and trade mode.
 */
import { ValidationError } from '../domain/errors.js';
import type { IeFlag, Order, TradeMode } from '../domain/model.js';
import { bondedExportMachine, bondedImportAMachine, bondedImportMachine } from './bonded/machine.js';
import { b2bDirectExportMachine, overseasWarehouseMachine } from './b2b/machine.js';
import { directExportMachine, directImportMachine } from './direct/machine.js';
import type { ChannelEventType } from './events.js';

/** The channel ids. */
export type ChannelId = '9610-import' | '1210-import' | '1239-import' | '9610-export' | '1210-export' | '9710' | '9810';

/** The type of every channel machine (they share one setup). */
export type ChannelMachine = typeof directImportMachine;

/** A channel: its machine and what it is. */
export interface Channel {
  readonly id: ChannelId;
  readonly machine: ChannelMachine;
  readonly tradeMode: TradeMode;
  readonly ieFlag: IeFlag;
  /** One line, for diagrams and reports. */
  readonly title: string;
  /** The event types the machine accepts somewhere. */
  readonly events: readonly ChannelEventType[];
}

function channel(id: ChannelId, machine: ChannelMachine, tradeMode: TradeMode, ieFlag: IeFlag, title: string): Channel {
  return { id, machine, tradeMode, ieFlag, title, events: [...machine.root.events].sort() as ChannelEventType[] };
}

/** Every channel, keyed by id. */
export const CHANNELS: Readonly<Record<ChannelId, Channel>> = {
  '9610-import': /* @__PURE__ */ channel('9610-import', directImportMachine, '9610', 'I', '9610 direct-buy retail import (直购进口)'),
  '1210-import': /* @__PURE__ */ channel('1210-import', bondedImportMachine, '1210', 'I', '1210 bonded retail import (网购保税进口)'),
  '1239-import': /* @__PURE__ */ channel('1239-import', bondedImportAMachine, '1239', 'I', '1239 bonded retail import A, non-pilot cities (保税电商A)'),
  '9610-export': /* @__PURE__ */ channel('9610-export', directExportMachine, '9610', 'E', '9610 retail export (零售出口)'),
  '1210-export': /* @__PURE__ */ channel('1210-export', bondedExportMachine, '1210', 'E', '1210 bonded export (保税出口)'),
  '9710': /* @__PURE__ */ channel('9710', b2bDirectExportMachine, '9710', 'E', '9710 B2B direct export (跨境电商B2B直接出口)'),
  '9810': /* @__PURE__ */ channel('9810', overseasWarehouseMachine, '9810', 'E', '9810 export to overseas warehouse (跨境电商出口海外仓)'),
};

/** The channel ids, in table order (not `Object.keys`, which puts the numeric ids `9710`, `9810` first). */
export const CHANNEL_IDS: readonly ChannelId[] = ['9610-import', '1210-import', '1239-import', '9610-export', '1210-export', '9710', '9810'];

/**
 * The channel with id `id`.
 *
 * @throws {@link ValidationError} naming `channel` when there is no such channel
 */
export function getChannel(id: string): Channel {
  if (Object.hasOwn(CHANNELS, id)) return CHANNELS[id as ChannelId];
  throw new ValidationError([{ path: ['channel'], value: id, reason: `is not a channel; use one of ${CHANNEL_IDS.join(', ')}.` }]);
}

/**
 * The channel an order travels by: its direction (ieFlag) and trade mode; ordinary trade (0110)
 * B2B orders go by 9710 or 9810 according to their order type.
 *
 * @throws {@link ValidationError} naming `tradeMode` when no channel carries that mode in that direction
 */
export function channelFor(order: Order): Channel {
  const mode = order.tradeMode === '0110' && order.ieFlag === 'E' ? (order.orderType === 'W' ? '9810' : '9710') : order.tradeMode;
  const found = Object.values(CHANNELS).find((c) => c.tradeMode === mode && c.ieFlag === order.ieFlag);
  if (found === undefined) {
    throw new ValidationError([{ path: ['tradeMode'], value: order.tradeMode, reason: `has no ${order.ieFlag === 'I' ? 'import' : 'export'} channel; use 9610, 1210 or 1239 for import, 9610, 1210, 9710 or 9810 for export.` }]);
  }
  return found;
}
