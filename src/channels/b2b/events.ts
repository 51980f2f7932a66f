/**
 * Events only the B2B export channels accept (9810: overseas warehouse).
 */

/** 9810: the goods were stocked in the overseas warehouse. */
export interface WarehousedEvent {
  readonly type: 'WAREHOUSED';
  readonly at: number;
}

/** 9810: the goods were sold from the overseas warehouse (delivered from there). */
export interface SoldEvent {
  readonly type: 'SOLD';
  readonly at: number;
}

/** The B2B-only events. */
export type B2bEvent = WarehousedEvent | SoldEvent;
