/**
 * What every mapping from the domain model shares: the declaration header, the transfer node,
 * and how amounts and times are written on the wire.
 */
import type { Money } from '../money/money.js';
import type { Party } from '../domain/model.js';
import { cebTime } from '../sim/clock.js';

/** The header of a declaration the simulation files. */
export interface DeclarationHeader {
  /** 36 characters, upper case (see `formatGuid`). */
  readonly guid: string;
  /** When the declaration is sent, epoch ms; written as appTime in Beijing time. */
  readonly appTime: number;
  /** 1 new (default), 2 change, 3 delete. */
  readonly appType?: '1' | '2' | '3';
  /** 1 saved, 2 declared (default; real declared messages must then be signed). */
  readonly appStatus?: '1' | '2';
}

/** Who transmits a message (BaseTransfer); dxpMode defaults to `DXP`. */
export interface TransferParty {
  readonly copCode: string;
  readonly copName: string;
  /** DXP user id, e.g. `DXPENT0000458763`. */
  readonly dxpId: string;
  readonly dxpMode?: string;
  readonly note?: string;
}

/** The four header fields as message data. */
export function headerFields(header: DeclarationHeader): Record<string, string> {
  return { guid: header.guid, appType: header.appType ?? '1', appTime: cebTime(header.appTime), appStatus: header.appStatus ?? '2' };
}

/** BaseTransfer as message data. */
export function transferNode(transfer: TransferParty): Record<string, string | undefined> {
  return { copCode: transfer.copCode, copName: transfer.copName, dxpMode: transfer.dxpMode ?? 'DXP', dxpId: transfer.dxpId, note: transfer.note };
}

/** An amount as the wire wants it: 2 decimals, or more when the amount has them (up to 5). */
export function amountText(amount: Money): string {
  return amount.decimalPlaces() <= 2 ? amount.toFixed(2) : amount.toFixed();
}

/** A quantity or weight in plain decimal notation (`1`, `0.25`). */
export function quantityText(quantity: Money): string {
  return quantity.toFixed();
}

/** A party as `{prefix}Code` and `{prefix}Name`. */
export function partyFields(prefix: string, party: Pick<Party, 'code' | 'name'> | undefined): Record<string, string | undefined> {
  return { [`${prefix}Code`]: party?.code, [`${prefix}Name`]: party?.name };
}

/** The Beijing-time date of an instant, `YYYYMMDD`. */
export function cebDate(epochMs: number): string {
  return cebTime(epochMs).slice(0, 8);
}

/**
 * The specification and model text (gmodel) of goods: their declaration elements joined with
 * `|`, or the goods name when the catalogue lists none (the schemas require gmodel) [A].
 */
export function gmodelOf(goods: { readonly declarationElements: readonly string[]; readonly gname: string }): string {
  return goods.declarationElements.length > 0 ? goods.declarationElements.join('|') : goods.gname;
}
