/**
 * What the order flow does with a transition's effects, handed over as numbers: receipts are
 * checked for order and counted; quota and stock movements move the run's books (a refused
 * reservation sends the machine QUOTA_REFUSED or STOCK_SHORTAGE); tax bills add to the channel's
 * taxes; released export lists join their month's summary; rebates are counted.
 */
import { ReceiptStatus } from '../../customs/receipts.js';
import { FenTaxAnswer } from '../../rules/fen-tax.js';
import { drawDuration } from '../durations.js';
import type { ChannelMetrics } from '../metrics/channel-metrics.js';
import type { Rng } from '../rng.js';
import { BILL_ISSUE, E, messageCode, QUOTA_COMMIT, QUOTA_RESERVE, STOCK_CREDIT, STOCK_DEDUCT, STOCK_RESERVE } from '../runner/lean/codes.js';
import type { LeanEvent, LeanSink } from '../runner/lean/context.js';
import type { Scenario } from '../scenario/schema.js';
import type { StockingPolicy } from '../stocking.js';
import type { SummaryBook } from '../summary-book.js';
import type { LineSource, OrderMachines } from './machines.js';
import type { QuotaBook } from './quota-book.js';
import { REPLENISH } from './queue-codes.js';
import { afterReceipt } from './receipt-order.js';
import { ENTRY_NONE, ENTRY_RESERVED, ENTRY_RESTORED, ENTRY_SETTLED, F, field2, UNSPECIFIED, withField4, withField2, withField5, type OrderRows } from './rows.js';
import type { StockBook } from './stock-book.js';

/** Queues an event: for order `slot` (or -1, the run's own) at `time`. */
export type Schedule = (slot: number, time: number, code: number, payload: number) => void;

/** What the effects move. */
export interface EffectParts {
  readonly scenario: Scenario;
  readonly rows: OrderRows;
  readonly schedule: Schedule;
  readonly lines: LineSource;
  readonly quota: QuotaBook;
  readonly stock: StockBook;
  readonly summaries: SummaryBook;
  /** The metrics of channel index `channel`. */
  readonly metrics: (channel: number) => ChannelMetrics;
  /** The carrier's stream (the order flow's), which draws replenishment lead times too. */
  readonly carrier: () => Rng;
  /** When the warehouse reorders an item record, and how much. */
  readonly stocking: StockingPolicy;
  /** The run's first calendar year (Shanghai), for the years rows keep as offsets. */
  readonly firstYear: number;
}

/** Item record numbers by catalogue index ('1', '2', ...), so reorders do not make strings. */
const ITEM_RECORDS: readonly string[] = /* @__PURE__ */ Array.from({ length: 4096 }, (_, i) => String(i + 1));

const LIST_MESSAGES = /* @__PURE__ */ new Set(['CEB622', 'CEB604', 'H2018'].map((m) => messageCode(m as 'CEB622')));

/** The order flow's sink: every effect of every transition. */
export class FlowEffects implements LeanSink {
  readonly #p: EffectParts;
  /** The machines, for the tax of a bill (set once the machines exist). */
  machines: OrderMachines | undefined;
  /** Receipt statuses of the transition in progress, for the log. */
  readonly statuses: number[] = [];
  /** The reason of the first refusal (100) of the transition in progress: 0 none, else the refusal field's code. */
  refusal = 0;
  rebates = 0;
  readonly #tax: FenTaxAnswer;
  readonly #reorder: number[] = [];
  /** The instant of the reorder being worked out, and each item's reorder point then. */
  #at = 0;
  readonly #reorderPoint = (item: number): number => this.#p.stocking.reorderPoint(ITEM_RECORDS[item] ?? String(item + 1), this.#at);

  constructor(parts: EffectParts) {
    this.#p = parts;
    this.#tax = new FenTaxAnswer(parts.scenario.buyers.maxLinesPerOrder);
  }

  receipt(slot: number, message: number, status: number, reason: number): void {
    const { rows } = this.#p;
    this.statuses.push(status);
    rows.setReceipts(slot, afterReceipt(rows.receipts(slot), message, status));
    if (status !== ReceiptStatus.Rejected) return;
    if (this.refusal === 0) this.refusal = (reason & 0x7f) === 0 ? UNSPECIFIED : reason & 0x7f;
    // The list's refusal, counted when the order finishes, is the transition's first.
    if (LIST_MESSAGES.has(message)) rows.setFlags(slot, withField5(rows.flags(slot), F.REFUSAL_SHIFT, this.refusal));
  }

  quota(slot: number, op: number, event: LeanEvent): void {
    const { rows, quota } = this.#p;
    const flags = rows.flags(slot);
    const entry = field2(flags, F.QUOTA_SHIFT);
    const amount = rows.goods(slot) + rows.freight(slot);
    const buyer = rows.buyer(slot);
    if (op === QUOTA_RESERVE) {
      if (!quota.inForce(event.at)) return;
      if (!quota.reserve(buyer, event.at, amount)) {
        this.#p.schedule(slot, event.at, E.QUOTA_REFUSED, 0);
        return;
      }
      rows.setFlags(slot, withField4(withField2(flags, F.QUOTA_SHIFT, ENTRY_RESERVED), F.QUOTA_YEAR_SHIFT, quota.yearOf(event.at) - this.#p.firstYear));
      return;
    }
    if (entry !== ENTRY_RESERVED && entry !== ENTRY_SETTLED) return;
    if (op === QUOTA_COMMIT) rows.setFlags(slot, withField2(flags, F.QUOTA_SHIFT, ENTRY_SETTLED));
    else {
      quota.restore(buyer, this.#p.firstYear + ((flags >>> F.QUOTA_YEAR_SHIFT) & 15), amount);
      rows.setFlags(slot, withField2(flags, F.QUOTA_SHIFT, ENTRY_RESTORED));
    }
  }

  stock(slot: number, op: number, event: LeanEvent): void {
    const { rows, stock, lines: source } = this.#p;
    const { lines } = source;
    source.draws.draw(rows.channel(slot), source.random.start(rows.serial(slot)), lines);
    const flags = rows.flags(slot);
    const entry = field2(flags, F.STOCK_SHIFT);
    if (op === STOCK_CREDIT) {
      for (let i = 0; i < lines.count; i++) stock.credit(lines.goods[i]!, lines.quantity[i]!);
      return;
    }
    if (op === STOCK_RESERVE) {
      if (entry !== ENTRY_NONE) return;
      if (stock.reserve(lines.goods, lines.quantity, lines.count)) rows.setFlags(slot, withField2(flags, F.STOCK_SHIFT, ENTRY_RESERVED));
      else {
        this.#p.schedule(slot, event.at, E.STOCK_SHORTAGE, 0);
        this.#replenish(event.at);
      }
      return;
    }
    if (op === STOCK_DEDUCT) {
      if (entry === ENTRY_RESERVED) {
        stock.deduct(lines.goods, lines.quantity, lines.count);
        rows.setFlags(slot, withField2(flags, F.STOCK_SHIFT, ENTRY_SETTLED));
      }
      this.#replenish(event.at);
      return;
    }
    if (entry !== ENTRY_RESERVED && entry !== ENTRY_SETTLED) return;
    stock.restore(lines.goods, lines.quantity, lines.count, entry === ENTRY_SETTLED);
    rows.setFlags(slot, withField2(flags, F.STOCK_SHIFT, ENTRY_RESTORED));
  }

  /** Orders a replenishment of every item of the lines just moved that fell to its reorder point. */
  #replenish(at: number): void {
    const { scenario, stock, stocking, lines: source } = this.#p;
    this.#at = at;
    const items = stock.toReorder(source.lines.goods, source.lines.count, this.#reorderPoint, this.#reorder);
    for (const item of items) {
      stock.ordered(item, stocking.reorderQuantity(ITEM_RECORDS[item] ?? String(item + 1), at, stock.available(item)));
      this.#p.schedule(-1, at + drawDuration(this.#p.carrier(), scenario.bonded.replenishment), REPLENISH, item);
    }
  }

  /**
   * A bill issued adds its taxes to the channel's; a bill voided takes off the amounts of the bill
   * it voids (the order's tax worked out again for the route of its decision).
   */
  taxBill(slot: number, op: number): void {
    const { rows } = this.#p;
    const flags = rows.flags(slot);
    if (op === BILL_ISSUE) rows.setFlags(slot, flags | F.BILL);
    else if ((flags & F.BILL) !== 0) rows.setFlags(slot, flags & ~F.BILL);
    else return;
    const tax = this.machines!.tax(slot, 0, this.#tax);
    this.#p.metrics(rows.channel(slot)).tax(op === BILL_ISSUE ? 1 : -1, tax.duty, tax.vat, tax.consumption);
  }

  summary(_slot: number, event: LeanEvent): void {
    this.#p.summaries.add(event.at);
  }

  rebate(): void {
    this.rebates++;
  }
}
