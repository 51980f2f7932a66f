/**
 * The international leg of a 9610 direct-mail import: the parcel is bought abroad and travels to
 * the Chinese port before its inventory list is declared, so its lead time (order to door) is the
 * leg, the clearance and the domestic delivery. Bonded (1210/1239) goods already sit in the zone
 * and have no such leg: that difference is what bonded import exists for.
 *
 * The transit times are assumptions (no official figure exists), chosen so that order-to-door
 * times match the widely reported ranges: about 3 to 7 days by air express, 5 to 15 days by postal
 * lines (see docs/domain.md, "Lead times by channel").
 */
import type { Duration } from './scenario/schema.js';

/** Who carries the parcel abroad: a courier's own network, or postal lines (EMS and the like). */
export type DirectMailCarrier = 'express' | 'postal';

/** How the parcel travels to the port. */
export type DirectMailMode = 'air' | 'sea';

/** The international leg as a scenario gives it. */
export interface DirectMailLeg {
  /** Customs country code the parcels ship from, or `'goods'`: the origin of the order's first line. */
  readonly origin: string;
  readonly carrier: DirectMailCarrier;
  readonly mode: DirectMailMode;
  /** Transit from the order to the port; overrides the table. */
  readonly transit?: Duration | undefined;
}

/** Where a parcel comes from, as far as transit time is concerned. */
export type OriginRegion = 'east-asia' | 'asia' | 'oceania' | 'europe' | 'north-america' | 'latin-america' | 'africa';

/** Hong Kong, Japan, Macao, Korea, Taiwan: a day or two by air from the Chinese ports. */
const EAST_ASIA: ReadonlySet<string> = /* @__PURE__ */ new Set(['110', '116', '121', '133', '142', '143']);

/** Customs country codes group by continent in their first digit (1 Asia ... 6 Oceania). */
const BY_FIRST_DIGIT: Readonly<Record<string, OriginRegion>> = { '1': 'asia', '2': 'africa', '3': 'europe', '4': 'latin-america', '5': 'north-america', '6': 'oceania' };

/** The region of a customs country code (`'116'` is Japan: east Asia). Unknown codes count as the farthest. */
export function originRegion(customsCountry: string): OriginRegion {
  if (EAST_ASIA.has(customsCountry)) return 'east-asia';
  return BY_FIRST_DIGIT[customsCountry.charAt(0)] ?? 'africa';
}

/** Median transit in days, order to port, by region, carrier and mode [A]. */
export const TRANSIT_DAYS: Readonly<Record<OriginRegion, Readonly<Record<`${DirectMailCarrier}-${DirectMailMode}`, number>>>> = {
  'east-asia': { 'express-air': 2, 'postal-air': 4, 'express-sea': 4, 'postal-sea': 7 },
  asia: { 'express-air': 3, 'postal-air': 6, 'express-sea': 8, 'postal-sea': 14 },
  oceania: { 'express-air': 4, 'postal-air': 8, 'express-sea': 15, 'postal-sea': 25 },
  europe: { 'express-air': 4, 'postal-air': 9, 'express-sea': 30, 'postal-sea': 40 },
  'north-america': { 'express-air': 4, 'postal-air': 9, 'express-sea': 25, 'postal-sea': 35 },
  'latin-america': { 'express-air': 5, 'postal-air': 12, 'express-sea': 35, 'postal-sea': 45 },
  africa: { 'express-air': 6, 'postal-air': 14, 'express-sea': 35, 'postal-sea': 45 },
};

/** Spread of the lognormal transit around its median [A]: most parcels within about 0.6x to 1.8x. */
export const TRANSIT_SIGMA = 0.35;

/**
 * The transit distribution of parcels from `originCountry` (a customs code) under `leg`: the
 * scenario's own `transit` when it gives one, else the table's median for the region, carrier and mode.
 *
 * @example
 * ```ts
 * transitOf({ origin: 'goods', carrier: 'express', mode: 'air' }, '305'); // { medianMinutes: 5760, sigma: 0.35 } (France, 4 days)
 * ```
 */
export function transitOf(leg: DirectMailLeg, originCountry: string): Duration {
  if (leg.transit !== undefined) return leg.transit;
  const from = leg.origin === 'goods' ? originCountry : leg.origin;
  return { medianMinutes: TRANSIT_DAYS[originRegion(from)][`${leg.carrier}-${leg.mode}`] * 24 * 60, sigma: TRANSIT_SIGMA };
}
