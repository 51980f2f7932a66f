/**
 * Messages customs sends on the import side: CEB816 tax bill, CEB818 tax-bill status, CEB900 schema-check receipt (common to both directions).
 * Source: the official import schemas of the 2018 specification (GACC Announcement No. 113 of 2018) and of its 2022-05 revision; element names, order, occurrences and lengths as the schemas give them.
 */
import { decimal, int, node, opt, type Table, text } from '../spec.js';
import { ceb } from './common.js';

/** CEB816 电子税单 tax bill. */
export const CEB816: Table = (v) =>
  ceb('CEB816', v, [
    node('Tax', [
      node('TaxHeadRd', [
        text('guid', 36),
        text('returnTime', 17),
        text('invtNo', 1, 18),
        text('taxNo', 1, 50),
        decimal('customsTax'),
        decimal('valueAddedTax'),
        decimal('consumptionTax'),
        text('status', 1),
        opt(text('entDutyNo', 0, 50)),
        opt(text('note', 0, 1000)),
        opt(text('assureCode', 0, 64)),
        opt(text('ebcCode', 0, 64)),
        opt(text('logisticsCode', 0, 64)),
        opt(text('agentCode', 1, 18)),
        opt(text('customsCode', 4)),
      ]),
      node('TaxListRd', [
        int('gnum'),
        text('gcode', 10),
        decimal('taxPrice'),
        decimal('customsTax'),
        decimal('valueAddedTax'),
        decimal('consumptionTax'),
      ], [1, 99]),
    ], [1, Infinity]),
  ]);

/** CEB818 税单状态 tax-bill status. */
export const CEB818: Table = (v) =>
  ceb('CEB818', v, [
    node('Tax', [
      node('TaxHeadStatus', [
        text('guid', 36),
        text('returnTime', 17),
        text('invtNo', 1, 18),
        text('taxNo', 1, 50),
        text('status', 1),
        opt(text('entDutyNo', 0, 50)),
        opt(text('assureCode', 0, 64)),
      ]),
    ], [1, Infinity]),
  ]);

/** CEB900 报文格式校验回执 schema-check receipt. */
export const CEB900: Table = (v) =>
  ceb('CEB900', v, [
    node('MessageReturn', [
      text('guid', 36),
      text('returnStatus', 1, 10),
      text('returnInfo', 0, 5000),
      text('returnTime', 17),
      text('oriCopMsgId', 0, 255),
      text('oriMessageType', 0, 15),
      text('oriBizMessage', 0, Infinity),
    ]),
  ]);
