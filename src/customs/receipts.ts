/**
 * Receipt status codes (回执 returnStatus) and which receipt messages may carry each one
 * (docs/domain.md §3, after the per-message annotations in zhengjin-me/common-customs-beans [C]).
 *
 * A receipt is the answer to a declaration: CEB312 answers the order CEB311, CEB622 the import
 * list CEB621, and so on. Channel machines emit {@link Receipt}s; a runner turns each into a CEB
 * receipt message.
 */

/** Receipt status codes, as the CEB receipts carry them in `returnStatus`. */
export enum ReceiptStatus {
  /** 电子口岸已暂存: saved at the e-port. */
  Saved = 1,
  /** 电子口岸申报中: declaring ("新增申报成功"). */
  Declaring = 2,
  /** 发送海关成功: sent to customs. */
  Sent = 3,
  /** 发送海关失败: sending to customs failed; the sender may resend. */
  SendFailed = 4,
  /** 海关退单: rejected by customs, with a reason. */
  Rejected = 100,
  /** 海关入库: accepted into the customs database; terminal success for order, payment and waybill. */
  Accepted = 120,
  /** 人工审核: manual review. */
  ManualReview = 300,
  /** 海关审结: customs decision made. */
  Decided = 399,
  /** 查验: physical inspection ordered. */
  Inspection = 500,
  /** 扣留移送通关: detained and passed to the clearance department. */
  DetainedClearance = 501,
  /** 扣留移送缉私: detained and passed to the anti-smuggling bureau. */
  DetainedAntiSmuggling = 502,
  /** 扣留移送法规: detained and passed to the legal department. */
  DetainedLegal = 503,
  /** 其它扣留: other detention. */
  DetainedOther = 599,
  /** 退运: returned abroad (re-exported). */
  Reexported = 700,
  /** 放行: released. */
  Released = 800,
  /** 结关: closed. */
  Closed = 899,
  /** List validation failed (peer code only [P]). */
  ListValidationFailed = -621001,
  /** List declaration failed (peer code only [P]). */
  ListDeclarationFailed = -621003,
  /** List processing exception (peer code only [P]). */
  ListException = -621999,
}

/** The detention codes a DETAINED event may carry. */
export type DetentionStatus =
  | ReceiptStatus.DetainedClearance
  | ReceiptStatus.DetainedAntiSmuggling
  | ReceiptStatus.DetainedLegal
  | ReceiptStatus.DetainedOther;

/** Every detention code, in code order. */
export const DETENTION_STATUSES: readonly DetentionStatus[] = [
  ReceiptStatus.DetainedClearance,
  ReceiptStatus.DetainedAntiSmuggling,
  ReceiptStatus.DetainedLegal,
  ReceiptStatus.DetainedOther,
];

/** Receipt messages of the import package (`cbi`). */
export type ImportReceiptMessage = 'CEB312' | 'CEB412' | 'CEB512' | 'CEB514' | 'CEB622' | 'CEB624' | 'CEB626' | 'CEB712';

/** Receipt messages of the export package (`cbe`). */
export type ExportReceiptMessage = 'CEB304' | 'CEB404' | 'CEB506' | 'CEB508' | 'CEB510' | 'CEB604' | 'CEB606' | 'CEB608' | 'CEB702';

/**
 * A message that carries a receipt status. `H2018` stands for the customs declaration (报关单)
 * of the 9710/9810 declaration route, which is not a CEB message; cbec-sim gives it the codes of
 * the export list receipt CEB604 [assumption].
 */
export type ReceiptMessage = ImportReceiptMessage | ExportReceiptMessage | 'H2018';

const EXPORT_RECEIPTS: readonly ReceiptMessage[] = ['CEB304', 'CEB404', 'CEB506', 'CEB508', 'CEB510', 'CEB604', 'CEB606', 'CEB608', 'CEB702', 'H2018'];
const LIST_RECEIPTS: readonly ReceiptMessage[] = ['CEB604', 'CEB622', 'H2018'];

/** Which messages may carry a status: `'all'`, or the list of messages (docs/domain.md §3). */
export const RECEIPT_APPLICABILITY: Readonly<Record<number, 'all' | readonly ReceiptMessage[]>> = {
  [ReceiptStatus.Saved]: [...EXPORT_RECEIPTS, 'CEB622', 'CEB624', 'CEB626', 'CEB712'],
  [ReceiptStatus.Declaring]: 'all',
  [ReceiptStatus.Sent]: 'all',
  [ReceiptStatus.SendFailed]: 'all',
  [ReceiptStatus.Rejected]: 'all',
  [ReceiptStatus.ManualReview]: LIST_RECEIPTS,
  [ReceiptStatus.Decided]: ['CEB604', 'CEB606', 'CEB702', 'CEB622', 'CEB626', 'CEB712', 'H2018'],
  [ReceiptStatus.Inspection]: LIST_RECEIPTS,
  [ReceiptStatus.DetainedClearance]: ['CEB622'],
  [ReceiptStatus.DetainedAntiSmuggling]: ['CEB622'],
  [ReceiptStatus.DetainedLegal]: ['CEB622'],
  [ReceiptStatus.DetainedOther]: ['CEB622'],
  [ReceiptStatus.Reexported]: ['CEB622'],
  [ReceiptStatus.Released]: LIST_RECEIPTS,
  [ReceiptStatus.Closed]: LIST_RECEIPTS,
};

/**
 * True when `message` may carry `status`. Negative codes (processing exceptions) fit any message;
 * 120 fits every message except CEB606 and CEB702.
 *
 * @example
 * ```ts
 * statusAllowed('CEB622', ReceiptStatus.Released); // true
 * statusAllowed('CEB312', ReceiptStatus.Released); // false: an order is never "released"
 * ```
 */
export function statusAllowed(message: ReceiptMessage, status: ReceiptStatus): boolean {
  if (status < 0) return true;
  if (status === ReceiptStatus.Accepted) return message !== 'CEB606' && message !== 'CEB702';
  const allowed = RECEIPT_APPLICABILITY[status];
  return allowed === 'all' || (allowed?.includes(message) ?? false);
}

/** Why a receipt carries a refusal or a detention: a stable code and the text customs shows. */
export interface ReceiptReason {
  readonly code: string;
  readonly text: string;
}

/** One receipt as a channel machine emits it; a runner turns it into the CEB receipt message. */
export interface Receipt {
  readonly type: 'receipt';
  readonly message: ReceiptMessage;
  readonly status: ReceiptStatus;
  /** Epoch ms (returnTime). */
  readonly at: number;
  /** Set on refusals (100), detentions and other outcomes that need an explanation. */
  readonly reason?: ReceiptReason;
}

/** Rank of a status in the suggested list order 2 -> 3 -> 120 -> (300) -> 399 -> (500 -> 501...700) -> 800 -> 899. */
function rank(status: ReceiptStatus): number {
  if (status === ReceiptStatus.Saved) return 0;
  if (status === ReceiptStatus.Declaring) return 1;
  if (status === ReceiptStatus.Sent || status === ReceiptStatus.SendFailed) return 2;
  if (status === ReceiptStatus.Accepted) return 3;
  if (status === ReceiptStatus.ManualReview) return 4;
  if (status === ReceiptStatus.Decided) return 5;
  if (status === ReceiptStatus.Inspection) return 6;
  if (status === ReceiptStatus.Released) return 8;
  if (status === ReceiptStatus.Closed) return 9;
  return 7; // detentions and re-export
}

/** Statuses after which a message gets no further receipt. */
const FINAL_STATUSES: ReadonlySet<ReceiptStatus> = /* @__PURE__ */ new Set([
  ReceiptStatus.Rejected,
  ...DETENTION_STATUSES,
  ReceiptStatus.Reexported,
  ReceiptStatus.Closed,
]);

/**
 * Checks the statuses one message received, in order, against the allowed order: each status fits
 * the message; codes never go back (2 after 4 is a resend and is allowed); nothing follows a
 * refusal (100), a negative code, a detention, a re-export or 899. Returns `undefined` when the
 * sequence is fine, else a sentence naming the first offending step.
 *
 * @example
 * ```ts
 * receiptOrderProblem('CEB622', [2, 3, 120, 399, 800, 899]); // undefined
 * receiptOrderProblem('CEB622', [2, 3, 800, 120]);           // '120 after 800 ...'
 * ```
 */
export function receiptOrderProblem(message: ReceiptMessage, statuses: readonly ReceiptStatus[]): string | undefined {
  let previous: ReceiptStatus | undefined;
  for (const [i, status] of statuses.entries()) {
    if (!statusAllowed(message, status)) return `${message} cannot carry status ${status} (step ${i + 1}).`;
    if (previous !== undefined) {
      if (previous < 0 || FINAL_STATUSES.has(previous)) return `${message} got ${status} after the final status ${previous} (step ${i + 1}).`;
      const resend = previous === ReceiptStatus.SendFailed && status === ReceiptStatus.Declaring;
      if (!resend && status >= 0 && status !== ReceiptStatus.Rejected && rank(status) < rank(previous)) {
        return `${message} got ${status} after ${previous} (step ${i + 1}); receipt codes do not go back.`;
      }
    }
    previous = status;
  }
  return undefined;
}
