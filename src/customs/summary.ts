/**
 * 汇总申报 the export summary declaration (DOMAIN.md 2.2, 5): a month's released retail export
 * lists are grouped by the merge keys into summary applications (CEB701), each due by a deadline
 * in the next month; customs answers each with a summary result (CEB792) naming the customs
 * declaration (报关单, entryId) it became. Deadlines and merge keys are [M]: configurable.
 */
import { ValidationError } from '../domain/errors.js';
import { sum } from '../money/money.js';
import type { Money } from '../money/money.js';
import { endOfShanghaiMonth, isWorkingDay, MS, toEpoch, workingDayOnOrAfter } from '../sim/clock.js';
import type { WorkCalendar } from '../sim/clock.js';
import { ReceiptStatus } from './receipts.js';

/** One line of a released export list, as the summary needs it. */
export interface SummaryLine {
  /** 10-digit HS code (gcode). */
  readonly hsCode: string;
  /** Customs currency code. */
  readonly currency: string;
  /** Final destination country, customs code. */
  readonly finalDestination: string;
  readonly totalPrice: Money;
}

/** A released (or closed) export list with the fields its summary is merged on. */
export interface SummaryCandidate {
  readonly invtNo: string;
  /** Epoch ms of release; decides the month the list belongs to. */
  readonly releasedAt: number;
  /** Customs district that summarises it. */
  readonly customsCode: string;
  /** Consignor (发货人): the seller, ebcCode. */
  readonly consignorCode: string;
  /** Transport mode code. */
  readonly trafMode: string;
  /** Manufacturer or seller (ownerCode; `NO` if not registered). */
  readonly ownerCode: string;
  /** Destination country, customs code. */
  readonly destinationCountry: string;
  /** Exit port code. */
  readonly exitPort: string;
  readonly lines: readonly SummaryLine[];
}

/** Which deadline rule applies [M]. */
export interface SummaryRule {
  /** Day of the next month the summary is due (moved to the next working day). */
  readonly deadlineDay: number;
  /** December lists are due by the last working day of December itself. */
  readonly decemberInMonth: boolean;
}

/** Ann. 2018 No.194 [M]: by the 15th of the next month, next working day if a holiday. */
export const SUMMARY_RULE_2018: SummaryRule = { deadlineDay: 15, decemberInMonth: false };
/** Ann. 2016 No.26 [M]: by the 10th; December lists by the last working day of December. */
export const SUMMARY_RULE_2016: SummaryRule = { deadlineDay: 10, decemberInMonth: true };

/** A merged summary line: same final destination, 10-digit HS and currency. */
export interface SummaryApplicationLine {
  readonly hsCode: string;
  readonly currency: string;
  readonly finalDestination: string;
  readonly totalPrice: Money;
}

/** One CEB701 summary application. */
export interface SummaryApplication {
  /** Enterprise number, `SUM` + month + sequence: deterministic for the same input. */
  readonly copNo: string;
  /** `'YYYY-MM'` of the lists. */
  readonly month: string;
  readonly customsCode: string;
  readonly consignorCode: string;
  readonly trafMode: string;
  readonly ownerCode: string;
  readonly destinationCountry: string;
  readonly exitPort: string;
  /** The lists summarised, in release order (CEB701 list: invtNo only). */
  readonly invtNos: readonly string[];
  readonly lines: readonly SummaryApplicationLine[];
  /** Epoch ms (00:00 Shanghai) of the day it is due. */
  readonly deadline: number;
}

function parseMonth(month: string): { year: number; month: number; start: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const m = Number(match?.[2]);
  if (!match || m < 1 || m > 12) throw new ValidationError([{ path: ['month'], value: month, reason: "must be 'YYYY-MM'." }]);
  return { year: Number(match[1]), month: m, start: toEpoch(`${month}-01`, 'month') };
}

/**
 * When the summary of `month`'s lists is due under `rule`.
 *
 * @example
 * ```ts
 * shanghaiDate(summaryDeadline('2019-05')); // '2019-06-17' (June 15 was a Saturday)
 * ```
 */
export function summaryDeadline(month: string, rule: SummaryRule = SUMMARY_RULE_2018, calendar?: WorkCalendar): number {
  const { year, month: m, start } = parseMonth(month);
  if (rule.decemberInMonth && m === 12) {
    let day = toEpoch(`${year}-12-31`);
    while (!isWorkingDay(day, calendar)) day -= MS.day;
    if (day < start) throw new ValidationError([{ path: ['calendar'], value: month, reason: 'has no working day in December.' }]);
    return day;
  }
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return workingDayOnOrAfter(toEpoch(`${next}-${String(rule.deadlineDay).padStart(2, '0')}`, 'rule.deadlineDay'), calendar);
}

const headKey = (c: SummaryCandidate): string => [c.customsCode, c.consignorCode, c.trafMode, c.ownerCode, c.destinationCountry, c.exitPort].join('|');

function mergeLines(lists: readonly SummaryCandidate[]): SummaryApplicationLine[] {
  const groups = new Map<string, SummaryLine[]>();
  for (const line of lists.flatMap((l) => l.lines)) {
    const key = [line.finalDestination, line.hsCode, line.currency].join('|');
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return [...groups.values()].map((lines) => {
    const { hsCode, currency, finalDestination } = lines[0]!;
    return { hsCode, currency, finalDestination, totalPrice: sum(lines.map((l) => l.totalPrice)) };
  });
}

/**
 * Groups the lists released in `month` (Shanghai time) into summary applications by the merge
 * keys: customs district, consignor, transport mode, manufacturer/seller, destination country and
 * exit port; within each, lines merge by final destination, 10-digit HS code and currency. Lists
 * of other months are left out.
 *
 * @example
 * ```ts
 * summarise(releasedLists, '2019-05').map((a) => [a.copNo, a.invtNos.length]);
 * ```
 */
export function summarise(lists: readonly SummaryCandidate[], month: string, rule: SummaryRule = SUMMARY_RULE_2018, calendar?: WorkCalendar): SummaryApplication[] {
  const { start } = parseMonth(month);
  const end = endOfShanghaiMonth(start);
  const inMonth = lists.filter((l) => l.releasedAt >= start && l.releasedAt <= end).sort((a, b) => a.releasedAt - b.releasedAt || a.invtNo.localeCompare(b.invtNo));
  const groups = new Map<string, SummaryCandidate[]>();
  for (const list of inMonth) groups.set(headKey(list), [...(groups.get(headKey(list)) ?? []), list]);
  const deadline = summaryDeadline(month, rule, calendar);
  return [...groups.keys()].sort().map((key, i) => {
    const members = groups.get(key)!;
    const { customsCode, consignorCode, trafMode, ownerCode, destinationCountry, exitPort } = members[0]!;
    return {
      copNo: `SUM${month.replace('-', '')}${String(i + 1).padStart(4, '0')}`,
      month,
      customsCode,
      consignorCode,
      trafMode,
      ownerCode,
      destinationCountry,
      exitPort,
      invtNos: members.map((m) => m.invtNo),
      lines: mergeLines(members),
      deadline,
    };
  });
}

/** A CEB792 summary result. */
export interface SummaryResult {
  readonly copNo: string;
  /** Summary number given by customs. */
  readonly sumNo: string;
  /** Sequence of the declaration within the summary. */
  readonly declSeqNo: number;
  /** 报关单号: customs district (4) + year (4) + `0` for export + 9-digit serial [M]. */
  readonly entryId: string;
  /** Decision state; cbec-sim uses 399 (decided) [assumption: the code table is not public]. */
  readonly decState: ReceiptStatus;
  /** Filed after the deadline. */
  readonly late: boolean;
  readonly at: number;
}

/**
 * Customs' answers (CEB792) to summary applications filed at `at`, numbered from `firstSerial`.
 *
 * @example
 * ```ts
 * summaryResults(summarise(lists, '2019-05'), at, 1)[0].entryId; // '514120190000000001'
 * ```
 */
export function summaryResults(applications: readonly SummaryApplication[], at: number, firstSerial = 1): SummaryResult[] {
  return applications.map((a, i) => {
    const serial = String(firstSerial + i).padStart(9, '0');
    return {
      copNo: a.copNo,
      sumNo: `${a.customsCode}${a.month.replace('-', '')}S${serial}`,
      declSeqNo: 1,
      entryId: `${a.customsCode}${a.month.slice(0, 4)}0${serial}`,
      decState: ReceiptStatus.Decided,
      late: at >= a.deadline + MS.day,
      at,
    };
  });
}
