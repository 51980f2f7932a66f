// A hand-written switch reducer for one channel, 9610-import (importFlow with the declaration
// regions of src/channels/regions.ts): the practical limit a machine runner can approach. It keeps
// a flat state (small integers, the four parallel declaration regions packed in one bit field),
// switches on the event type, and emits the same receipts and ledger movements as the machine.
//
// It does the machine's work rather than looking answers up: the three-document match calls the
// package's own `matchDocuments`, as the machine's `documentsMatch` guard does; the list fit is
// the `listFitsChannel` guard written out for 9610 (not bonded, not B2B).
//
// Shortcuts a hand-written reducer may take and the machine does not:
// - the state is mutated in place;
// - the quota amount (goods + freight + insurance) is computed once, at the reservation, and
//   reused for the commit and the restore;
// - the fixed refusal reasons are built once.
import { lib } from './library.mjs';

const { matchDocuments, reason, RETURN_REQUEST_DAYS, RETURN_GOODS_DAYS, MS } = lib;

// Receipt statuses (customs/receipts.ts).
const DECLARING = 2;
const SENT = 3;
const SEND_FAILED = 4;
const REJECTED = 100;
const ACCEPTED = 120;
const MANUAL_REVIEW = 300;
const DECIDED = 399;
const INSPECTION = 500;
const REEXPORTED = 700;
const RELEASED = 800;
const CLOSED = 899;

const LIST_MESSAGE = 'CEB622';
const CANCEL_MESSAGE = 'CEB624';
const RETURN_MESSAGE = 'CEB626';

// The top-level position. Everything from FIRST_FINAL on is a final state.
const P = {
  declaration: 0,
  accepted: 1,
  review: 2,
  decided: 3,
  inspection: 4,
  inspected: 5,
  released: 6,
  outbound: 7,
  delivered: 8,
  returning: 9,
  kept: 10,
  rejected: 11,
  cancelled: 12,
  detained: 13,
  reexported: 14,
  returned: 15,
  closed: 16,
};
const FIRST_FINAL = P.rejected;

// The state names the machine uses, by position (see stateName in channels/drive.ts).
const POSITION_NAMES = [
  'declaration',
  'clearance.accepted',
  'clearance.review',
  'clearance.decided',
  'clearance.inspection',
  'clearance.inspected',
  'clearance.released',
  'delivery.outbound',
  'delivery.delivered',
  'delivery.returning',
  'delivery.kept',
  'rejected',
  'cancelled',
  'detained',
  'reexported',
  'returned',
  'closed',
];

// The declaration's parallel regions, three bits each in `regions`, in the machine's order.
const ORDER = 0;
const PAYMENT = 1;
const WAYBILL = 2;
const LIST = 3;
const REGION_NAMES = ['order', 'payment', 'waybill', 'list'];
const REGION_OF_DOC = { order: ORDER, payment: PAYMENT, waybill: WAYBILL, list: LIST };
const RECEIPT_MESSAGE = ['CEB312', 'CEB412', 'CEB512', LIST_MESSAGE];

// A region's own state; the list's `notDeclared` is the documents' `pending`.
const PENDING = 0;
const R_DECLARING = 1;
const R_SEND_FAILED = 2;
const R_SENT = 3;
const R_ACCEPTED = 4;
const REGION_STATE_NAMES = [['pending', 'declaring', 'sendFailed', 'sent', 'accepted'], ['notDeclared', 'declaring', 'sendFailed', 'sent']];

// What the order holds in the quota ledger.
const QUOTA_NONE = 0;
const QUOTA_RESERVED = 1;
const QUOTA_COMMITTED = 2;

const REQUIRED = { required: ['order', 'payment', 'waybill'] };
const LIST_MODES = new Set(['9610', '0110']);
const GOODS_LEFT_SITE = reason('goods-left-site');
const RETURN_WINDOW_PASSED = reason('return-window-passed');
const GOODS_NOT_RETURNED = reason('goods-not-returned');
const QUOTA_EXCEEDED = reason('quota-exceeded');

/** What `step` returns for an event the state does not accept. */
export const REFUSED = null;

/** The state of a new order. */
export function start(order) {
  return {
    position: P.declaration,
    regions: 0,
    quota: QUOTA_NONE,
    taxBill: false,
    order,
    payment: undefined,
    waybill: undefined,
    list: undefined,
    invtNo: undefined,
    releasedAt: undefined,
    reason: undefined,
    quotaAmount: undefined,
  };
}

const regionOf = (s, region) => (s.regions >> (3 * region)) & 7;

function setRegion(s, region, value) {
  const shift = 3 * region;
  s.regions = (s.regions & ~(7 << shift)) | (value << shift);
}

/** The state as the machine names it: dotted leaves, parallel regions joined by `, `. */
export function stateName(s) {
  if (s.position !== P.declaration) return POSITION_NAMES[s.position];
  return REGION_NAMES.map((name, region) => `declaration.${name}.${REGION_STATE_NAMES[region === LIST ? 1 : 0][regionOf(s, region)]}`).join(', ');
}

/** True once the order reached a final state. */
export const isDone = (s) => s.position >= FIRST_FINAL;

function receipt(message, status, at, why) {
  return why === undefined ? { type: 'receipt', message, status, at } : { type: 'receipt', message, status, at, reason: why };
}

function quotaMove(s, op, at) {
  return { type: 'quota', op, invtNo: s.invtNo, buyerId: s.order.buyer?.idNumber ?? '', amount: s.quotaAmount, at };
}

/** The documents customs has acknowledged, and the list: what the three-document match sees. */
function documentsMatch(s) {
  return matchFailures(s).length === 0;
}

function matchFailures(s) {
  const acked = (region) => regionOf(s, region) === R_ACCEPTED;
  return matchDocuments({ order: acked(ORDER) ? s.order : undefined, payment: acked(PAYMENT) ? s.payment : undefined, waybill: acked(WAYBILL) ? s.waybill : undefined, list: s.list }, REQUIRED);
}

/** The `listFitsChannel` guard for 9610 import: mode, order number, and the list route. */
function listFits(s, event) {
  const { list, route = 'list' } = event;
  return LIST_MODES.has(list.tradeMode) && list.tradeMode === s.order.tradeMode && list.orderNo === s.order.orderNo && route !== 'entry';
}

const daysSinceRelease = (s, at) => (s.releasedAt === undefined ? Infinity : (at - s.releasedAt) / MS.day);

/** Gives back whatever the order holds (the `unwind` action): quota restored, tax bill void. */
function unwind(s, at, effects) {
  if (s.quota !== QUOTA_NONE && s.invtNo !== undefined) effects.push(quotaMove(s, 'restore', at));
  if (s.taxBill && s.invtNo !== undefined) effects.push({ type: 'tax-bill', op: 'void', invtNo: s.invtNo, orderNo: s.order.orderNo, at });
  s.quota = QUOTA_NONE;
  s.taxBill = false;
  return effects;
}

/** Refuses the list (100) for `why`, giving back what is held. */
function reject(s, why, at) {
  s.reason = why;
  s.position = P.rejected;
  const effects = unwind(s, at, []);
  effects.push(receipt(LIST_MESSAGE, REJECTED, at, why));
  return effects;
}

/** The customs stages between acceptance and the goods leaving the site. */
const inClearance = (s) => s.position >= P.accepted && s.position <= P.released;
/** From the goods leaving the site to a final state. */
const inDelivery = (s) => s.position >= P.outbound && s.position <= P.kept;
/** A declaration region may move: the order is declaring and the region is in `from`. */
const regionIn = (s, region, from) => s.position === P.declaration && regionOf(s, region) === from;

function file(s, region, at) {
  if (!regionIn(s, region, PENDING)) return REFUSED;
  setRegion(s, region, R_DECLARING);
  return [receipt(RECEIPT_MESSAGE[region], DECLARING, at)];
}

/** SENT, SEND_FAILED and RESENT: the e-port's handling of one message. */
function sending(s, event, from, to, status) {
  const region = REGION_OF_DOC[event.doc];
  if (region === undefined || !regionIn(s, region, from)) return REFUSED;
  setRegion(s, region, to);
  return [receipt(RECEIPT_MESSAGE[region], status, event.at)];
}

function acknowledge(s, region, at) {
  if (!regionIn(s, region, R_SENT)) return REFUSED;
  setRegion(s, region, R_ACCEPTED);
  return [receipt(RECEIPT_MESSAGE[region], ACCEPTED, at)];
}

function declareList(s, event) {
  if (!regionIn(s, LIST, PENDING) || !listFits(s, event)) return REFUSED;
  s.list = event.list;
  setRegion(s, LIST, R_DECLARING);
  return [receipt(LIST_MESSAGE, DECLARING, event.at)];
}

function acceptList(s, event) {
  if (!regionIn(s, LIST, R_SENT) || !documentsMatch(s)) return REFUSED;
  const { at } = event;
  s.invtNo = event.invtNo;
  s.position = P.accepted;
  const effects = [];
  if (s.order.buyer !== undefined) {
    const { goodsValue, freight, insurance } = s.order;
    s.quotaAmount = goodsValue.plus(freight).plus(insurance);
    s.quota = QUOTA_RESERVED;
    effects.push(quotaMove(s, 'reserve', at));
  }
  effects.push(receipt(LIST_MESSAGE, ACCEPTED, at));
  return effects;
}

function documentsTimeout(s, event) {
  if (event.timer !== 'documents' || !regionIn(s, LIST, R_SENT)) return REFUSED;
  const failures = matchFailures(s);
  return failures.length === 0 ? REFUSED : reject(s, failures[0], event.at);
}

function decide(s, event) {
  const { tax, at } = event;
  if ((s.position !== P.accepted && s.position !== P.review) || tax === undefined || tax.route === 'general-trade') return REFUSED;
  s.position = P.decided;
  const effects = [];
  if (s.invtNo !== undefined) {
    s.taxBill = true;
    effects.push({ type: 'tax-bill', op: 'issue', invtNo: s.invtNo, orderNo: s.order.orderNo, tax, at });
  }
  effects.push(receipt(LIST_MESSAGE, DECIDED, at));
  return effects;
}

/** Release (800): records the time and commits the reserved quota. */
function release(s, at) {
  if (s.position !== P.decided && s.position !== P.inspected) return REFUSED;
  s.position = P.released;
  s.releasedAt = at;
  const effects = [];
  if (s.quota === QUOTA_RESERVED) {
    effects.push(quotaMove(s, 'commit', at));
    s.quota = QUOTA_COMMITTED;
  }
  effects.push(receipt(LIST_MESSAGE, RELEASED, at));
  return effects;
}

/** Inspection ends in detention (501-599) or re-export (700): goods stopped, holdings given back. */
function stop(s, to, status, at) {
  if (s.position !== P.inspection) return REFUSED;
  s.position = to;
  const effects = unwind(s, at, []);
  // The detention receipt explains itself with the recorded reason, if any (makeReceipt's 'event' status).
  effects.push(receipt(LIST_MESSAGE, status, at, to === P.detained ? s.reason : undefined));
  return effects;
}

function cancel(s, at) {
  if (s.position === P.declaration) {
    s.position = P.cancelled;
    return unwind(s, at, []);
  }
  if (inClearance(s)) {
    s.position = P.cancelled;
    const effects = unwind(s, at, []);
    effects.push(receipt(CANCEL_MESSAGE, ACCEPTED, at));
    return effects;
  }
  if (inDelivery(s)) return [receipt(CANCEL_MESSAGE, REJECTED, at, GOODS_LEFT_SITE)];
  return REFUSED;
}

function requestReturn(s, at) {
  if (s.position !== P.delivered) return REFUSED;
  if (daysSinceRelease(s, at) <= RETURN_REQUEST_DAYS) {
    s.position = P.returning;
    return [receipt(RETURN_MESSAGE, DECIDED, at)];
  }
  s.position = P.kept;
  return [receipt(RETURN_MESSAGE, REJECTED, at, RETURN_WINDOW_PASSED)];
}

/** Moves from `from` to `to` with no effects. */
function move(s, from, to) {
  if (s.position !== from) return REFUSED;
  s.position = to;
  return [];
}

/**
 * Applies `event` to `s` in place. Returns the effects it emitted, in the machine's order, or
 * {@link REFUSED} (and `s` unchanged) when the state does not accept the event.
 */
export function step(s, event) {
  const { at } = event;
  switch (event.type) {
    case 'ORDER_FILED':
      return file(s, ORDER, at);
    case 'PAYMENT_FILED': {
      const effects = file(s, PAYMENT, at);
      if (effects !== REFUSED) s.payment = event.payment;
      return effects;
    }
    case 'WAYBILL_FILED': {
      const effects = file(s, WAYBILL, at);
      if (effects !== REFUSED) s.waybill = event.waybill;
      return effects;
    }
    case 'LIST_DECLARED':
      return declareList(s, event);
    case 'SENT':
      return sending(s, event, R_DECLARING, R_SENT, SENT);
    case 'SEND_FAILED':
      return sending(s, event, R_DECLARING, R_SEND_FAILED, SEND_FAILED);
    case 'RESENT':
      return sending(s, event, R_SEND_FAILED, R_DECLARING, DECLARING);
    case 'ORDER_ACKED':
      return acknowledge(s, ORDER, at);
    case 'PAYMENT_ACKED':
      return acknowledge(s, PAYMENT, at);
    case 'WAYBILL_ACKED':
      return acknowledge(s, WAYBILL, at);
    case 'CUSTOMS_ACCEPTED':
      return acceptList(s, event);
    case 'REJECTED':
      return regionIn(s, LIST, R_SENT) || s.position === P.accepted || s.position === P.review ? reject(s, event.reason, at) : REFUSED;
    case 'MANUAL_REVIEW':
      if (s.position !== P.accepted) return REFUSED;
      s.position = P.review;
      return [receipt(LIST_MESSAGE, MANUAL_REVIEW, at)];
    case 'DECIDED':
      return decide(s, event);
    case 'QUOTA_REFUSED':
      if (s.position !== P.accepted || s.quota !== QUOTA_RESERVED) return REFUSED;
      s.quota = QUOTA_NONE;
      return reject(s, QUOTA_EXCEEDED, at);
    case 'INSPECTION_ORDERED':
      if (s.position !== P.decided) return REFUSED;
      s.position = P.inspection;
      return [receipt(LIST_MESSAGE, INSPECTION, at)];
    case 'INSPECTION_PASSED':
      return move(s, P.inspection, P.inspected);
    case 'DETAINED':
      return stop(s, P.detained, event.status, at);
    case 'REEXPORTED':
      return stop(s, P.reexported, REEXPORTED, at);
    case 'RELEASED':
      return release(s, at);
    case 'DEPARTED':
      return move(s, P.released, P.outbound);
    case 'DELIVERED':
      return move(s, P.outbound, P.delivered);
    case 'RETURN_REQUESTED':
      return requestReturn(s, at);
    case 'GOODS_RETURNED':
      if (s.position !== P.returning || daysSinceRelease(s, at) > RETURN_GOODS_DAYS) return REFUSED;
      s.position = P.returned;
      return unwind(s, at, []);
    case 'TIMEOUT':
      if (s.position === P.declaration) return documentsTimeout(s, event);
      if (s.position !== P.returning || event.timer !== 'return') return REFUSED;
      s.position = P.kept;
      return [receipt(RETURN_MESSAGE, REJECTED, at, GOODS_NOT_RETURNED)];
    case 'CLOSED':
      if (s.position !== P.delivered && s.position !== P.kept) return REFUSED;
      s.position = P.closed;
      return [receipt(LIST_MESSAGE, CLOSED, at)];
    case 'CANCEL_REQUESTED':
      return cancel(s, at);
    default:
      return REFUSED;
  }
}

/**
 * The reducer behind the runner interface (`start` / `send`), so the bench drives it exactly as it
 * drives the package's runners. Only `9610-import` is written by hand.
 */
export const handRunner = {
  name: 'hand',
  start(channel, order) {
    if (channel !== '9610-import') throw new Error(`the hand reducer is written for 9610-import only, not ${channel}`);
    const s = start(order);
    return {
      get state() {
        return stateName(s);
      },
      get done() {
        return isDone(s);
      },
      // The state is flat, so a shallow copy is a full one: step the copy and drop it.
      can: (event) => step({ ...s }, event) !== REFUSED,
      send(event) {
        const effects = step(s, event);
        return effects === REFUSED ? { accepted: false, state: stateName(s) } : { accepted: true, effects };
      },
    };
  },
};
