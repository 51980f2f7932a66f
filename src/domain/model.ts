/**
 * The core domain model: the objects that CEB messages describe and channel machines move.
 *
 * Names follow the customs message fields (docs/domain.md §2.4) so that a reader who knows the
 * specification recognises them: `ebpCode`, `logisticsNo`, `invtNo`, `gcode` (here `hsCode`).
 * Objects are plain readonly data; amounts are exact {@link Money}.
 */
import type { Money } from '../money/money.js';
import type { Measure } from './measure.js';

/** Supervision mode (监管方式) of a flow; `0110` is ordinary trade, used before a CBEC mode existed. */
export type TradeMode = '9610' | '1210' | '1239' | '9710' | '9810' | '0110';

/** Import (`I`) or export (`E`). */
export type IeFlag = 'I' | 'E';

/**
 * CEB order type: `I` import order, `E` B2C export order, `B` B2B export order (9710),
 * `W` overseas-warehouse booking (9810).
 */
export type OrderType = 'I' | 'E' | 'B' | 'W';

/** Buyer ID type (buyerIdType): `1` resident ID card, `2` other [M]. */
export type IdType = '1' | '2';

/**
 * The roles a company plays in a CBEC flow.
 * - `ebp` e-commerce platform (电商平台)
 * - `ebc` e-commerce enterprise, the seller (电商企业)
 * - `payment` payment enterprise (支付企业)
 * - `logistics` logistics enterprise (物流企业)
 * - `agent` declarant, who files the inventory list (申报企业)
 * - `area` company inside the bonded zone (区内企业)
 */
export type PartyRole = 'ebp' | 'ebc' | 'payment' | 'logistics' | 'agent' | 'area';

/** A registered company: its customs registration code and name. */
export interface Party {
  readonly role: PartyRole;
  /** Customs registration code (10 characters) or unified social credit code (18). */
  readonly code: string;
  readonly name: string;
}

/** A postal address in China. */
export interface Address {
  /** Free-text address as the consignee wrote it. */
  readonly line: string;
  /** 6-digit administrative-division code (consigneeDistrict), when known. */
  readonly districtCode?: string;
}

/** The buyer (订购人) of an import order, who is also the taxpayer. */
export interface Buyer {
  /** Account on the platform (buyerRegNo). */
  readonly regNo: string;
  readonly name: string;
  readonly idType: IdType;
  /** 18-character resident ID number when `idType` is `1`. */
  readonly idNumber: string;
  readonly phone: string;
}

/** The person the parcel goes to (收货人). */
export interface Consignee {
  readonly name: string;
  readonly phone: string;
  readonly address: Address;
}

/** A product as customs knows it. */
export interface Goods {
  /** Enterprise item number (itemNo). */
  readonly itemNo: string;
  /** Product name on the platform (itemName). */
  readonly itemName: string;
  /** HS code (gcode): 10 digits on lists. */
  readonly hsCode: string;
  /** Customs commodity name (gname). */
  readonly gname: string;
  /** Declaration elements (申报要素), joined with `|` as gmodel. */
  readonly declarationElements: readonly string[];
  /** Declared unit, customs unit code (e.g. `035` kg, `011` piece) [P]. */
  readonly unit: string;
  /** Country of origin, customs code. */
  readonly originCountry: string;
  /** Bar code, `无` when none. */
  readonly barCode: string;
  /** Bonded account-book item number (itemRecordNo), for 1210/1239 goods. */
  readonly itemRecordNo?: string;
  /** What one unit holds (a 50 ml bottle), for taxes by quantity: specific consumption taxes and per-ml price tests. */
  readonly measure?: Measure;
}

/** One line of an order or inventory list. */
export interface LineItem {
  /** Line number, from 1 (gnum). */
  readonly gnum: number;
  readonly goods: Goods;
  /** Quantity in the declared unit; positive. */
  readonly quantity: Money;
  /** Unit price in the order currency. */
  readonly unitPrice: Money;
  /** quantity x unitPrice. */
  readonly totalPrice: Money;
}

/** An e-commerce order (CEB311 import, CEB303 export). */
export interface Order {
  readonly orderNo: string;
  readonly orderType: OrderType;
  readonly ieFlag: IeFlag;
  readonly tradeMode: TradeMode;
  readonly ebp: Party;
  readonly ebc: Party;
  /** Import buyer; absent on export orders. */
  readonly buyer?: Buyer;
  readonly consignee?: Consignee;
  readonly lines: readonly LineItem[];
  /** Sum of line totals (goodsValue). */
  readonly goodsValue: Money;
  readonly freight: Money;
  readonly insurance: Money;
  /** Non-cash deduction (discount). */
  readonly discount: Money;
  /** Tax withheld by the platform (taxTotal). */
  readonly taxTotal: Money;
  /** Amount actually paid (acturalPaid, sic). */
  readonly actualPaid: Money;
  /** Customs currency code; `142` is CNY. */
  readonly currency: string;
  /** When the buyer placed the order, epoch ms. */
  readonly placedAt: number;
}

/** A payment record (CEB411 import, CEB403 export receipt). */
export interface Payment {
  readonly payCode: string;
  readonly payName: string;
  readonly payTransactionId: string;
  readonly orderNo: string;
  readonly ebpCode: string;
  readonly payerIdType: IdType;
  readonly payerIdNumber: string;
  readonly payerName: string;
  readonly payerPhone: string;
  readonly amountPaid: Money;
  readonly currency: string;
  /** Epoch ms. */
  readonly payTime: number;
}

/** A waybill (CEB511 import, CEB505 export). */
export interface Waybill {
  readonly logisticsCode: string;
  readonly logisticsName: string;
  readonly logisticsNo: string;
  readonly orderNo: string;
  /** Master bill number (billNo), when consolidated. */
  readonly billNo?: string;
  readonly freight: Money;
  readonly insuredFee: Money;
  readonly currency: string;
  /** Gross weight in kg. */
  readonly weightKg: Money;
  readonly packNo: number;
  readonly goodsInfo: string;
  readonly consignee?: Consignee;
}

/** One line of an inventory list: an order line as declared, with its record number for bonded goods. */
export interface InventoryLine {
  readonly gnum: number;
  readonly goods: Goods;
  readonly quantity: Money;
  readonly unitPrice: Money;
  readonly totalPrice: Money;
}

/** An inventory list (申报清单, CEB621 import / CEB603 export), filed by the declarant. */
export interface InventoryList {
  /** Enterprise internal number (copNo). */
  readonly copNo: string;
  /** Pre-entry number given by the e-port (preNo), once declared. */
  readonly preNo?: string;
  /** List number given by customs (invtNo), once accepted. */
  readonly invtNo?: string;
  readonly orderNo: string;
  readonly logisticsNo: string;
  readonly ieFlag: IeFlag;
  readonly tradeMode: TradeMode;
  /** Customs district code, 4 characters (JGS/T 18). */
  readonly customsCode: string;
  /** Port code, 4 characters. */
  readonly portCode: string;
  readonly ebp: Party;
  readonly ebc: Party;
  readonly logistics: Party;
  readonly agent: Party;
  /** In-zone company (bonded flows). */
  readonly area?: Party;
  /** Guarantor of the tax (assureCode). */
  readonly assureCode?: string;
  /** Bonded account-book number (emsNo), for 1210/1239. */
  readonly emsNo?: string;
  readonly buyer?: Buyer;
  readonly lines: readonly InventoryLine[];
  readonly freight: Money;
  readonly insuredFee: Money;
  readonly currency: string;
  /** Epoch ms of declaration. */
  readonly declaredAt: number;
}
