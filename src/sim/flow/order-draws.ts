/**
 * What the platform draws for an order, from the order's own random stream ({@link OrderRandom}):
 * its lines (distinct goods of its channel, prices in whole jiao, quantities), freight, buyer,
 * whether someone else pays, and the parcel's weight. Drawn again, the same, whenever asked: when
 * the order is made, when customs taxes it, when the warehouse moves its stock, and when its
 * documents are built.
 */
import { CHANNEL_IDS, type ChannelId } from '../../channels/registry.js';
import { MoneyError, ScenarioError } from '../../domain/errors.js';
import { money } from '../../money/money.js';
import type { Scenario } from '../scenario/schema.js';
import { CHANNEL_PROFILES, RETAIL_UNITS_PER_LINE } from '../parties/platform.js';
import type { OrderRandom } from './order-random.js';

/** One order's draws; a scratch object refilled for each order asked about. */
export class OrderLines {
  /** Lines in use. */
  count = 0;
  /** Catalogue index of each line's goods. */
  readonly goods: Int32Array;
  readonly quantity: Float64Array;
  /** Unit price, fen (a whole number of jiao). */
  readonly price: Float64Array;
  /** Quantity x unit price, fen. */
  readonly value: Float64Array;
  /** Sum of the line values, fen. */
  goodsValue = 0;
  freight = 0;
  /** The buyer's index in the shard's population, or -1 (export). */
  buyer = -1;
  /** Someone other than the buyer pays (the next buyer of the population). */
  otherPayer = false;
  /** Parcel weight per line, in tenths of a kilogram. */
  weightTenths = 0;

  /** @param capacity - the most lines an order may have */
  constructor(capacity: number) {
    this.goods = new Int32Array(capacity);
    this.quantity = new Float64Array(capacity);
    this.price = new Float64Array(capacity);
    this.value = new Float64Array(capacity);
  }
}

/** The goods a channel sells: catalogue indexes with their cumulative weights. */
interface Shelf {
  readonly goods: Int32Array;
  readonly cumulative: Float64Array;
  readonly total: number;
}

/** Tries of the quick pick before the exact one takes over (when the goods left are a small share of the weight). */
const QUICK_TRIES = 16;

/** Draws orders' lines and parties for one shard. */
export class OrderDraws {
  readonly #shelves: Shelf[];
  readonly #minJiao: Float64Array;
  readonly #maxJiao: Float64Array;
  readonly #maxLines: number;
  readonly #buyers: number;
  readonly #payerMismatchRate: number;
  readonly #used: Uint8Array;

  /** @param buyers - the size of the shard's population */
  constructor(scenario: Scenario, buyers: number) {
    const catalogue = scenario.catalogue;
    this.#minJiao = Float64Array.from(catalogue, (g, i) => jiao(g.minPrice, `catalogue.${i}.minPrice`));
    this.#maxJiao = Float64Array.from(catalogue, (g, i) => jiao(g.maxPrice, `catalogue.${i}.maxPrice`));
    this.#shelves = CHANNEL_IDS.map((channel) => shelfOf(scenario, channel));
    this.#maxLines = scenario.buyers.maxLinesPerOrder;
    this.#buyers = buyers;
    this.#payerMismatchRate = scenario.buyers.payerMismatchRate;
    this.#used = new Uint8Array(catalogue.length);
  }

  /**
   * Draws the order `random` was started on, in channel `channel`, into `out`.
   *
   * @throws {@link ScenarioError} naming `catalogue` when the channel sells nothing (a scenario built past the loader)
   */
  draw(channel: number, random: OrderRandom, out: OrderLines): OrderLines {
    const shelf = this.#shelves[channel]!;
    const id = CHANNEL_IDS[channel]!;
    const profile = CHANNEL_PROFILES[id];
    if (shelf.goods.length === 0) {
      throw new ScenarioError([{ path: ['catalogue'], value: id, reason: `has no goods for channel ${id}; list it in the channels of at least one product (the scenario loader refuses such scenarios).` }]);
    }
    const b2b = profile.orderType === 'B' || profile.orderType === 'W';
    const lines = random.int(1, this.#maxLines);
    let goodsValue = 0;
    let count = 0;
    for (; count < lines && count < shelf.goods.length; count++) {
      const pick = this.#pick(shelf, random);
      this.#used[pick] = 1;
      const price = random.int(this.#minJiao[pick]!, this.#maxJiao[pick]!) * 10;
      const quantity = b2b ? random.int(20, 200) : random.int(RETAIL_UNITS_PER_LINE.min, RETAIL_UNITS_PER_LINE.max);
      out.goods[count] = pick;
      out.price[count] = price;
      out.quantity[count] = quantity;
      out.value[count] = price * quantity;
      goodsValue += price * quantity;
    }
    for (let i = 0; i < count; i++) this.#used[out.goods[i]!] = 0;
    out.count = count;
    out.goodsValue = goodsValue;
    out.freight = random.int(0, 30) * 100;
    const importing = profile.ieFlag === 'I';
    out.buyer = importing ? random.int(0, this.#buyers - 1) : -1;
    out.otherPayer = importing && random.bernoulli(this.#payerMismatchRate);
    out.weightTenths = random.int(2, 50);
    if (!Number.isSafeInteger(goodsValue)) throw new MoneyError([{ path: ['catalogue'], value: goodsValue, reason: 'prices make an order worth more than 2^53 fen; lower maxPrice.' }]);
    return out;
  }

  /**
   * One of the shelf's goods not yet on the order, with probability proportional to its weight
   * among those left: drawn from all by weight and drawn again when taken, or, after a few tries,
   * picked exactly from those left.
   */
  #pick(shelf: Shelf, random: OrderRandom): number {
    for (let t = 0; t < QUICK_TRIES; t++) {
      const index = shelf.goods[upperBound(shelf.cumulative, random.float() * shelf.total)]!;
      if (this.#used[index] === 0) return index;
    }
    let left = 0;
    for (let k = 0; k < shelf.goods.length; k++) if (this.#used[shelf.goods[k]!] === 0) left += weightAt(shelf, k);
    let point = random.float() * left;
    let last = -1;
    for (let k = 0; k < shelf.goods.length; k++) {
      if (this.#used[shelf.goods[k]!] !== 0) continue;
      last = shelf.goods[k]!;
      point -= weightAt(shelf, k);
      if (point < 0) return last;
    }
    return last;
  }
}

function weightAt(shelf: Shelf, k: number): number {
  return shelf.cumulative[k]! - (k === 0 ? 0 : shelf.cumulative[k - 1]!);
}

/** The first index whose cumulative weight is above `point`. */
function upperBound(cumulative: Float64Array, point: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > point) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function shelfOf(scenario: Scenario, channel: ChannelId): Shelf {
  const goods: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  scenario.catalogue.forEach((g, index) => {
    if (g.channels !== undefined && !g.channels.includes(channel)) return;
    total += g.weight;
    goods.push(index);
    cumulative.push(total);
  });
  return { goods: Int32Array.from(goods), cumulative: Float64Array.from(cumulative), total };
}

/** A catalogue price in whole jiao, rounded down (as the prices drawn are). */
function jiao(price: string, field: string): number {
  const value = Number(money(price, field).times(10).floor().toString());
  if (!Number.isSafeInteger(value)) throw new MoneyError([{ path: field.split('.'), value: price, reason: 'is too large to draw prices from exactly; give at most 15 digits.' }]);
  return value;
}
