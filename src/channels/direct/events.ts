/**
 * Events only the import channels (9610, 1210, 1239 import) accept: delivery to the buyer and
 * returns (CEB625).
 */

/** The carrier delivered the parcel to the consignee. */
export interface DeliveredEvent {
  readonly type: 'DELIVERED';
  readonly at: number;
}

/** The declarant files a return request (CEB625); accepted within 30 days of release [C]. */
export interface ReturnRequestedEvent {
  readonly type: 'RETURN_REQUESTED';
  readonly at: number;
}

/** The returned goods are back at the site or zone; accepted within 45 days of release [C]. */
export interface GoodsReturnedEvent {
  readonly type: 'GOODS_RETURNED';
  readonly at: number;
}

/** The import-only events. */
export type ImportEvent = DeliveredEvent | ReturnRequestedEvent | GoodsReturnedEvent;
