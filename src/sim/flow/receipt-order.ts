/**
 * `receiptOrderProblem` worked out receipt by receipt, in four bits per message: each message an
 * order receives receipts on keeps only what the check needs of its last status (its rank, whether
 * it was final, whether it was a send failure), or that its order was already broken. A run so
 * checks every order's receipts without keeping the statuses.
 */
import { ReceiptStatus, statusAllowed, type ReceiptMessage } from '../../customs/receipts.js';
import { MESSAGES } from '../runner/lean/codes.js';

/** Four-bit states of a message's history. */
const NOTHING = 0;
const FINAL = 10;
const SEND_FAILED = 11;
const BROKEN = 15;

/** The state a status leaves its message in; the rank of a state is `state - 1` below FINAL. */
function stateOf(status: number): number {
  if (status < 0) return FINAL;
  switch (status) {
    case ReceiptStatus.Saved:
      return 1;
    case ReceiptStatus.Declaring:
      return 2;
    case ReceiptStatus.Sent:
      return 3;
    case ReceiptStatus.SendFailed:
      return SEND_FAILED;
    case ReceiptStatus.Accepted:
      return 4;
    case ReceiptStatus.ManualReview:
      return 5;
    case ReceiptStatus.Decided:
      return 6;
    case ReceiptStatus.Inspection:
      return 7;
    case ReceiptStatus.Released:
      return 9;
    default:
      // refusal (100), detentions, re-export, closed (899): nothing may follow
      return FINAL;
  }
}

/** The rank of a status in the allowed order (as `receiptOrderProblem` ranks it). */
function rankOf(status: number): number {
  if (status === ReceiptStatus.SendFailed) return 2;
  if (status === ReceiptStatus.Closed) return 9;
  const state = stateOf(status);
  return state === FINAL ? 7 : state - 1;
}

function rankOfState(state: number): number {
  return state === SEND_FAILED ? 2 : state - 1;
}

/** Which of an order's eight four-bit places each message uses (the import and export messages never meet on one order). */
const PLACE: ReadonlyMap<ReceiptMessage, number> = /* @__PURE__ */ new Map<ReceiptMessage, number>([
  ['CEB312', 0],
  ['CEB412', 1],
  ['CEB512', 2],
  ['CEB622', 3],
  ['CEB624', 4],
  ['CEB626', 5],
  ['CEB514', 6],
  ['CEB712', 7],
  ['CEB304', 0],
  ['CEB404', 1],
  ['CEB506', 2],
  ['CEB604', 3],
  ['CEB606', 4],
  ['CEB508', 5],
  ['CEB510', 6],
  ['H2018', 7],
]);

const placeByCode = /* @__PURE__ */ MESSAGES.map((m) => PLACE.get(m) ?? -1);
/** Statuses up to this have their fit remembered per message. */
const KNOWN = 1024;
/** Whether message m may carry status s, at `m * KNOWN + s`: 0 not yet asked, 1 no, 2 yes. */
const allowed = /* @__PURE__ */ new Uint8Array(MESSAGES.length * KNOWN);

function fitsMessage(message: number, status: number): boolean {
  if (status < 0 || status >= KNOWN) return statusAllowed(MESSAGES[message]!, status);
  const key = message * KNOWN + status;
  if (allowed[key] === 0) allowed[key] = statusAllowed(MESSAGES[message]!, status) ? 2 : 1;
  return allowed[key] === 2;
}

/**
 * The receipt history `history` (eight four-bit places) after receipt `status` on message
 * `message` (a code of `MESSAGES`).
 */
export function afterReceipt(history: number, message: number, status: number): number {
  const place = placeByCode[message]!;
  if (place < 0) throw new RangeError(`receipts on ${MESSAGES[message]} are not tracked by the order flow`);
  const shift = place * 4;
  const previous = (history >>> shift) & 15;
  if (previous === BROKEN) return history;
  let next = stateOf(status);
  if (!fitsMessage(message, status)) next = BROKEN;
  else if (previous !== NOTHING) {
    const resend = previous === SEND_FAILED && status === ReceiptStatus.Declaring;
    if (previous === FINAL || (!resend && status >= 0 && status !== ReceiptStatus.Rejected && rankOf(status) < rankOfState(previous))) next = BROKEN;
  }
  return ((history & ~(15 << shift)) | (next << shift)) >>> 0;
}

/** How many messages of a receipt history broke the allowed order. */
export function brokenMessages(history: number): number {
  let broken = 0;
  for (let shift = 0; shift < 32; shift += 4) if (((history >>> shift) & 15) === BROKEN) broken++;
  return broken;
}
