/**
 * What the generators need to know about a channel to shape its documents.
 *
 * @internal
 */
import { CHANNELS, type ChannelId } from '../channels/registry.js';
import type { DocumentKind } from '../customs/matching.js';
import type { OrderType } from '../domain/model.js';

/** How a channel's documents look. */
export interface ChannelFacts {
  readonly orderType: OrderType;
  /** Lines carry item record numbers and the list an account book (1210, 1239). */
  readonly bonded: boolean;
  /** 9710/9810: order and waybill only. */
  readonly b2b: boolean;
  /** The documents customs matches before it accepts the list. */
  readonly required: readonly DocumentKind[];
}

/** The facts of channel `id`. */
export function channelFacts(id: ChannelId): ChannelFacts {
  const channel = CHANNELS[id];
  const b2b = id === '9710' || id === '9810';
  const orderType: OrderType = channel.ieFlag === 'I' ? 'I' : id === '9710' ? 'B' : id === '9810' ? 'W' : 'E';
  return {
    orderType,
    bonded: channel.tradeMode === '1210' || channel.tradeMode === '1239',
    b2b,
    required: b2b ? ['order', 'waybill'] : ['order', 'payment', 'waybill'],
  };
}
