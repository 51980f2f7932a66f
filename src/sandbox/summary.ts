/**
 * The export summary declaration in the sandbox: the declarant's CEB701 names released retail
 * export lists; customs answers CEB702 (2, 3, 399) and a CEB792 result naming the customs
 * declaration (entryId) the summary became, numbered as the simulator numbers them. A list that is
 * not a released 9610/1210 export list of this sandbox, or that is already summarised, refuses
 * the whole application (CEB702 100) naming the list.
 */
import { summaryDeadline, summaryResults } from '../customs/summary.js';
import { shanghaiDate } from '../sim/clock.js';
import type { FilingContext } from './filing-handlers.js';
import type { Filing } from './filings.js';
import { returnTimeText } from './receipt-writer.js';

type SummaryFiling = Extract<Filing, { kind: 'summary' }>;

/** Why the application cannot be summarised, or undefined when every list can. */
function problem(ctx: FilingContext, filing: SummaryFiling): string | undefined {
  for (const invtNo of filing.invtNos) {
    const list = ctx.store.summaryList(invtNo);
    if (list === undefined) return `清单 ${invtNo} 不可汇总 (not a released retail export list of this sandbox)`;
    if (list.summaryCopNo !== null) return `清单 ${invtNo} 已汇总 (already summarised by ${list.summaryCopNo})`;
  }
  return undefined;
}

/** Answers a CEB701 summary application. */
export function answerSummary(ctx: FilingContext, filing: SummaryFiling): void {
  const identifiers = { customsCode: filing.customsCode, copNo: filing.copNo, agentCode: filing.agentCode, ebcCode: filing.ebcCode, preNo: ctx.preNo() };
  const reply = (status: number, info?: string) =>
    ctx.write(ctx.writer.plainDraft('CEB702', { receiver: ctx.message.sender, orderNo: null, status, ...(info !== undefined && { info }), at: ctx.at, identifiers }));
  const why = problem(ctx, filing);
  if (why !== undefined) return reply(100, why);
  const first = ctx.store.summaryList(filing.invtNos[0] ?? '');
  const month = shanghaiDate(first?.releasedAt ?? ctx.at).slice(0, 7);
  const serial = Number(ctx.store.getMeta('summarySerial') ?? '0') + 1;
  ctx.store.setMeta('summarySerial', String(serial));
  const [result] = summaryResults([{ copNo: filing.copNo, month, customsCode: filing.customsCode, deadline: summaryDeadline(month) }], ctx.at, serial);
  if (result === undefined) return;
  for (const invtNo of filing.invtNos) ctx.store.markSummarised(invtNo, filing.copNo);
  reply(2);
  reply(3);
  reply(399);
  ctx.write(
    ctx.writer.customsDraft('CEB792', {
      receiver: ctx.message.sender,
      orderNo: null,
      status: result.decState,
      info: `汇总 ${filing.invtNos.length} 清单 -> ${result.entryId}`,
      at: ctx.at,
      data: (guid) => ({
        SummaryResultHead: {
          guid,
          ...identifiers,
          sumNo: result.sumNo,
          opDate: returnTimeText(ctx.at),
          declSeqNo: `${result.entryId.slice(0, 8)}1${result.entryId.slice(9)}`,
          entryId: result.entryId,
          decState: String(result.decState),
          declAgentCode: filing.agentCode,
        },
        SummaryResultList: filing.invtNos.flatMap((invtNo) => {
          const orderNo = ctx.store.summaryList(invtNo)?.orderNo;
          const live = orderNo === undefined ? undefined : ctx.book.get(orderNo);
          return (live?.input.lines ?? []).map((line) => ({ invtNo, logisticsNo: live?.dossier.list?.logisticsNo ?? '', gseqno: String(line.gnum), gnum: String(line.gnum), gcode: line.goods.hsCode }));
        }).map((line, i) => ({ ...line, gseqno: String(i + 1) })),
      }),
    }),
  );
}
