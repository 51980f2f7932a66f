/**
 * 汇总申报 the export summary declaration (docs/domain.md §2.2, §5): a month's released retail export
 * lists are grouped by the merge keys into summary applications (CEB701), each due by a deadline
 * in the next month; customs answers each with a summary result (CEB792) naming the customs
 * declaration (报关单, entryId) it became. Deadlines and merge keys are [M]: configurable.
 */
import { ValidationError } from '../domain/errors.js';
import { sum } from '../money/money.js';
import type { Money } from '../money/money.js';
import { endOfShanghaiMonth, isWorkingDay, MS, shanghaiDate, startOfShanghaiMonth, toEpoch, workingDayOnOrAfter } from '../sim/clock.js';
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

/** The merge keys of an application: the fields of a list that decide which application it joins. */
type SummaryHead = Pick<SummaryCandidate, 'customsCode' | 'consignorCode' | 'trafMode' | 'ownerCode' | 'destinationCountry' | 'exitPort'>;

/** The merge keys of `list`. */
function headOf(list: SummaryCandidate): SummaryHead {
  const { customsCode, consignorCode, trafMode, ownerCode, destinationCountry, exitPort } = list;
  return { customsCode, consignorCode, trafMode, ownerCode, destinationCountry, exitPort };
}

const headKey = (c: SummaryCandidate): string => [c.customsCode, c.consignorCode, c.trafMode, c.ownerCode, c.destinationCountry, c.exitPort].join('|');

const lineKey = (line: SummaryLine): string => [line.finalDestination, line.hsCode, line.currency].join('|');

/** The enterprise number of a month's `index`th application (from 0), in merge-key order. */
const summaryCopNo = (month: string, index: number): string => `SUM${month.replace('-', '')}${String(index + 1).padStart(4, '0')}`;

/** What places a list in the order lists are summarised in. */
type Released = Pick<SummaryCandidate, 'releasedAt' | 'invtNo'>;

/** The order lists are summarised in: by release time, then by list number. */
const releaseOrder = (a: Released, b: Released): number => a.releasedAt - b.releasedAt || a.invtNo.localeCompare(b.invtNo);

function mergeLines(lists: readonly SummaryCandidate[]): SummaryApplicationLine[] {
  const groups = new Map<string, SummaryLine[]>();
  for (const line of lists.flatMap((l) => l.lines)) groups.set(lineKey(line), [...(groups.get(lineKey(line)) ?? []), line]);
  return [...groups.values()].map((lines) => {
    const { hsCode, currency, finalDestination } = lines[0]!;
    return { hsCode, currency, finalDestination, totalPrice: sum(lines.map((l) => l.totalPrice)) };
  });
}

/**
 * Groups the lists released in `month` (Shanghai time) into summary applications by the merge
 * keys: customs district, consignor, transport mode, manufacturer/seller, destination country and
 * exit port; within each, lines merge by final destination, 10-digit HS code and currency. Lists
 * of other months are left out. To summarise lists as they are released, without keeping them,
 * use a {@link SummaryBuilder}.
 *
 * @example
 * ```ts
 * summarise(releasedLists, '2019-05').map((a) => [a.copNo, a.invtNos.length]);
 * ```
 */
export function summarise(lists: readonly SummaryCandidate[], month: string, rule: SummaryRule = SUMMARY_RULE_2018, calendar?: WorkCalendar): SummaryApplication[] {
  const { start } = parseMonth(month);
  const end = endOfShanghaiMonth(start);
  const inMonth = lists.filter((l) => l.releasedAt >= start && l.releasedAt <= end).sort(releaseOrder);
  const groups = new Map<string, SummaryCandidate[]>();
  for (const list of inMonth) groups.set(headKey(list), [...(groups.get(headKey(list)) ?? []), list]);
  const deadline = summaryDeadline(month, rule, calendar);
  return [...groups.keys()].sort().map((key, i) => {
    const members = groups.get(key)!;
    return { copNo: summaryCopNo(month, i), month, ...headOf(members[0]!), invtNos: members.map((m) => m.invtNo), lines: mergeLines(members), deadline };
  });
}

/** A summary application with the number of lists it summarises in place of their numbers. */
export interface CountedSummaryApplication extends Omit<SummaryApplication, 'invtNos'> {
  /** How many lists the application summarises. */
  readonly lists: number;
}

/**
 * Where a list's line stands in the order {@link summarise} reads lines: lists in release order
 * (lists equal in it in the order they were added), then lines in list order.
 */
interface Rank extends Released {
  readonly arrival: number;
  readonly line: number;
}

const compareRanks = (a: Rank, b: Rank): number => releaseOrder(a, b) || a.arrival - b.arrival || a.line - b.line;

/** A merged line while its month is open: its total so far, and the earliest line it holds. */
interface LineTally {
  first: Rank;
  line: SummaryLine;
  total: Money;
}

/** An application while its month is open: the earliest list's merge keys, the count, the merged lines. */
interface ApplicationTally {
  first: Rank;
  head: SummaryHead;
  lists: number;
  readonly lines: Map<string, LineTally>;
}

/** The month a list falls in, with the bounds of that month (epoch ms, Shanghai). */
interface MonthSpan {
  readonly month: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Summary applications built as lists are released, one list at a time, without keeping the
 * lists: memory grows with months, merge-key groups and merged lines, never with the number of
 * lists. For every month it gives the applications {@link summarise} gives for that month's
 * lists (in whatever order they were added), with a count in place of the list numbers.
 *
 * @example
 * ```ts
 * const builder = new SummaryBuilder();
 * for (const list of releasedLists) builder.add(list);
 * builder.applications().map((a) => [a.month, a.copNo, a.lists]); // [['2019-05', 'SUM2019050001', 2], ...]
 * ```
 */
export class SummaryBuilder {
  readonly #months = new Map<string, Map<string, ApplicationTally>>();
  #span: MonthSpan | undefined;
  #added = 0;

  /** Folds a released list into its month's application. */
  add(list: SummaryCandidate): void {
    const rank: Rank = { releasedAt: list.releasedAt, invtNo: list.invtNo, arrival: this.#added++, line: 0 };
    const tally = this.#tallyOf(list, rank);
    tally.lists++;
    list.lines.forEach((line, index) => foldLine(tally.lines, line, { ...rank, line: index }));
  }

  /** The applications of every month with lists, in month order and, within a month, in merge-key order. */
  applications(rule: SummaryRule = SUMMARY_RULE_2018, calendar?: WorkCalendar): CountedSummaryApplication[] {
    return [...this.#months.keys()].sort().flatMap((month) => {
      const groups = this.#months.get(month)!;
      const deadline = summaryDeadline(month, rule, calendar);
      return [...groups.keys()].sort().map((key, i) => {
        const { head, lists, lines } = groups.get(key)!;
        return { copNo: summaryCopNo(month, i), month, ...head, lists, lines: mergedLines(lines), deadline };
      });
    });
  }

  /** The application `list` joins, created on first use; the earliest list gives it its merge keys. */
  #tallyOf(list: SummaryCandidate, rank: Rank): ApplicationTally {
    const groups = this.#groupsOf(list.releasedAt);
    const key = headKey(list);
    const tally = groups.get(key);
    if (tally === undefined) {
      const created: ApplicationTally = { first: rank, head: headOf(list), lists: 0, lines: new Map() };
      groups.set(key, created);
      return created;
    }
    if (compareRanks(rank, tally.first) < 0) {
      tally.first = rank;
      tally.head = headOf(list);
    }
    return tally;
  }

  /** The applications of the month containing `releasedAt`, created on first use. */
  #groupsOf(releasedAt: number): Map<string, ApplicationTally> {
    if (this.#span === undefined || releasedAt < this.#span.start || releasedAt > this.#span.end) this.#span = monthSpan(releasedAt);
    const { month } = this.#span;
    let groups = this.#months.get(month);
    if (groups === undefined) {
      groups = new Map();
      this.#months.set(month, groups);
    }
    return groups;
  }
}

/** The month containing `at`, with its bounds. */
function monthSpan(at: number): MonthSpan {
  return { month: shanghaiDate(at).slice(0, 7), start: startOfShanghaiMonth(at), end: endOfShanghaiMonth(at) };
}

/** Adds `line` to its merged line, which takes its codes from the earliest line it holds. */
function foldLine(lines: Map<string, LineTally>, line: SummaryLine, rank: Rank): void {
  const key = lineKey(line);
  const tally = lines.get(key);
  if (tally === undefined) {
    lines.set(key, { first: rank, line, total: line.totalPrice });
    return;
  }
  tally.total = tally.total.plus(line.totalPrice);
  if (compareRanks(rank, tally.first) < 0) {
    tally.first = rank;
    tally.line = line;
  }
}

/** Merged lines in the order their first line appears in the month's lists. */
function mergedLines(lines: ReadonlyMap<string, LineTally>): SummaryApplicationLine[] {
  return [...lines.values()]
    .sort((a, b) => compareRanks(a.first, b.first))
    .map(({ line: { hsCode, currency, finalDestination }, total }) => ({ hsCode, currency, finalDestination, totalPrice: total }));
}

/** A CEB792 summary result. */
export interface SummaryResult {
  readonly copNo: string;
  /**
   * Summary number given by customs, the 18 characters the CEB701/702/792 field holds: customs
   * district (4) + month `YYYYMM` + `S` + 7-digit serial (the serial modulo 10,000,000).
   */
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
 * summaryResults(summarise(lists, '2019-05'), at, 1)[0].sumNo; // '5141201905S0000001'
 * ```
 */
export function summaryResults(applications: readonly Pick<SummaryApplication, 'copNo' | 'month' | 'customsCode' | 'deadline'>[], at: number, firstSerial = 1): SummaryResult[] {
  return applications.map((a, i) => {
    const serial = String(firstSerial + i).padStart(9, '0');
    return {
      copNo: a.copNo,
      sumNo: `${a.customsCode}${a.month.replace('-', '')}S${String((firstSerial + i) % 10_000_000).padStart(7, '0')}`,
      declSeqNo: 1,
      entryId: `${a.customsCode}${a.month.slice(0, 4)}0${serial}`,
      decState: ReceiptStatus.Decided,
      late: at >= a.deadline + MS.day,
      at,
    };
  });
}
