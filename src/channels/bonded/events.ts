/**
 * Events only the bonded channels (1210/1239 import, 1210 export) accept.
 */

/**
 * 1210 export: the order's goods entered the zone on a second-line entry (二线入区). Credits the
 * account book under `ref` and triggers the export rebate (入区即退税 [M]).
 */
export interface ZoneEnteredEvent {
  readonly type: 'ZONE_ENTERED';
  /** Entry reference (核注清单 number) the credit is booked under. */
  readonly ref: string;
  /** Account book the goods are credited to. */
  readonly emsNo: string;
  readonly at: number;
}

/** The account book refused the reservation a LIST_DECLARED emitted: not enough stock. */
export interface StockShortageEvent {
  readonly type: 'STOCK_SHORTAGE';
  readonly at: number;
}

/** The bonded-only events. */
export type BondedEvent = ZoneEnteredEvent | StockShortageEvent;
