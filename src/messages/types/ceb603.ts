/**
 * CEB603 export inventory list (InventoryHead + InventoryList) and its receipt CEB604 (docs/domain.md §2.4).
 * Transport fields may stay empty and arrive later through CEB607; itemRecordNo is mandatory for
 * bonded (1210) export, a rule of the flow rather than of the message.
 */
import { CODE3, CUSTOMS, DATE8, DECIMAL, GNUM, HS10, IE_FLAG, INVT_NO, PRE_NO, COUNT, oneOf } from '../formats.js';
import { many, one, opt, req, type MessageSpec } from '../spec.js';
import { amount, customsMessage, declaration, DECLARATION_HEADER, LIST_RECEIPT_IDS, party, receiptNode } from './common.js';

/** Freight and insurance basis: 1 rate, 2 unit price, 3 total. */
const CHARGE_BASIS = oneOf('1', '2', '3');

/** CEB603 出口清单 export inventory list, filed by the declarant. */
export const CEB603: MessageSpec = declaration(
  'CEB603',
  many('Inventory', [
    one('InventoryHead', [
      ...DECLARATION_HEADER,
      req('customsCode', 4, CUSTOMS),
      ...party('ebp'),
      req('orderNo', 60),
      ...party('logistics'),
      req('logisticsNo', 60),
      req('copNo', 30),
      opt('preNo', 18, PRE_NO),
      opt('invtNo', 18, INVT_NO),
      req('ieFlag', 1, IE_FLAG),
      req('portCode', 4, CUSTOMS),
      req('ieDate', 8, DATE8),
      req('statisticsFlag', 1, oneOf('A', 'B')),
      ...party('agent'),
      ...party('ebc'),
      req('ownerCode', 18),
      req('ownerName', 100),
      ...party('iac', false),
      opt('emsNo', 30),
      req('tradeMode', 4, oneOf('9610', '1210', '9710', '9810')),
      opt('trafMode', 1),
      opt('trafName', 100),
      opt('voyageNo', 32),
      opt('billNo', 37),
      opt('totalPackageNo', 9, COUNT),
      opt('loctNo', 10),
      opt('licenseNo', 19),
      req('country', 3, CODE3),
      req('pod', 6),
      amount('freight'),
      req('fCurrency', 3, CODE3),
      req('fFlag', 1, CHARGE_BASIS),
      amount('insuredFee'),
      req('iCurrency', 3, CODE3),
      req('iFlag', 1, CHARGE_BASIS),
      opt('wrapType', 1),
      req('packNo', 9, COUNT),
      amount('grossWeight'),
      amount('netWeight'),
      opt('note', 1000),
    ]),
    many('InventoryList', [
      req('gnum', 4, GNUM),
      opt('itemNo', 30),
      opt('itemRecordNo', 30),
      opt('itemName', 250),
      req('gcode', 10, HS10),
      req('gname', 250),
      req('gmodel', 250),
      req('barCode', 50),
      req('country', 3, CODE3),
      req('currency', 3, CODE3),
      amount('qty'),
      amount('qty1'),
      opt('qty2', 20, DECIMAL),
      req('unit', 3, CODE3),
      req('unit1', 3, CODE3),
      opt('unit2', 3, CODE3),
      amount('price'),
      amount('totalPrice'),
      opt('note', 1000),
    ]),
  ]),
);

/** CEB604 export list receipt. */
export const CEB604: MessageSpec = customsMessage('CEB604', receiptNode('InventoryReturn', LIST_RECEIPT_IDS));
