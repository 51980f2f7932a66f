/**
 * Customs tax messages (docs/domain.md §2.4, §4.1): CEB816 electronic tax bill (TaxHeadRd + TaxListRd)
 * and CEB818 tax-bill status / payment notice (TaxHeadStatus). Both are sent by customs only.
 */
import { COMPANY, CUSTOMS, GNUM, GUID, HS10, INVT_NO, RETURN_TIME, oneOf } from '../formats.js';
import { many, one, opt, req, type FieldSpec, type MessageSpec } from '../spec.js';
import { amount, customsMessage } from './common.js';

/** Tax-bill status: 1 generated, 2 summarised, 3 void. */
const TAX_STATUS = oneOf('1', '2', '3');

const TAX_BILL_ID: readonly FieldSpec[] = [
  req('guid', 36, GUID),
  req('returnTime', 17, RETURN_TIME),
  req('invtNo', 18, INVT_NO),
  req('taxNo', 30),
];

/** CEB816 电子税单 electronic tax bill, one per list. */
export const CEB816: MessageSpec = customsMessage(
  'CEB816',
  many('Tax', [
    one('TaxHeadRd', [
      ...TAX_BILL_ID,
      amount('customsTax'),
      amount('valueAddedTax'),
      amount('consumptionTax'),
      req('status', 1, TAX_STATUS),
      opt('entDutyNo', 30),
      opt('note', 1000),
      req('assureCode', 18, COMPANY),
      req('ebcCode', 18, COMPANY),
      req('logisticsCode', 18, COMPANY),
      req('agentCode', 18, COMPANY),
      req('customsCode', 4, CUSTOMS),
      req('orderNo', 60),
      req('logisticsNo', 60),
    ]),
    many('TaxListRd', [
      req('gnum', 4, GNUM),
      req('gcode', 10, HS10),
      amount('taxPrice'),
      amount('customsTax'),
      amount('valueAddedTax'),
      amount('consumptionTax'),
    ]),
  ]),
);

/** CEB818 税单状态 tax-bill status change, e.g. summarised onto payment notice entDutyNo. */
export const CEB818: MessageSpec = customsMessage(
  'CEB818',
  many('Tax', [one('TaxHeadStatus', [...TAX_BILL_ID, req('status', 1, TAX_STATUS), opt('entDutyNo', 30), req('assureCode', 18, COMPANY)])]),
);
