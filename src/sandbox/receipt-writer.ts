/**
 * Receipts as the sandbox sends them: CEB XML built by `cbec-sim/messages`, stored for their
 * receiver in the transaction that caused them. The receiver is the sender of the document the
 * receipt answers (its DXP id); the guid is drawn from the seed and the receipt's serial, so the
 * same inputs in the same order give the same guids.
 */
import type { Receipt } from '../customs/receipts.js';
import { formatGuid } from '../domain/identifiers.js';
import { RETURN_STATUS_TEXT, returnTimeText, type ReceiptType } from '../messages/receipts.js';
import type { Rng } from '../sim/rng.js';
import { buildFitted, type Facts } from './fit.js';
import type { Dossier, SenderRole } from './dossier.js';
import type { Store } from './store.js';

/** Which sender a receipt goes back to. */
const ANSWERS: Readonly<Record<string, SenderRole>> = {
  CEB312: 'order', CEB304: 'order',
  CEB412: 'payment', CEB404: 'payment',
  CEB512: 'waybill', CEB506: 'waybill',
  CEB622: 'list', CEB604: 'list', H2018: 'list', CEB816: 'list', CEB818: 'list',
  CEB624: 'cancel', CEB606: 'cancel',
  CEB626: 'return',
  CEB508: 'arrival',
  CEB510: 'departure',
  CEB514: 'status',
};

/** One receipt to store. */
export interface ReceiptDraft {
  readonly type: string;
  readonly receiver: string;
  readonly orderNo: string | null;
  readonly status: number;
  readonly info: string;
  readonly at: number;
  /** Builds the XML with the receipt's guid. */
  readonly build: (guid: string) => string;
}

/**
 * What the sandbox knows about the order of `d` by field name, for any receipt on `message`: the
 * list's parties and numbers, the order's, the waybill's and the payment's, and for the arrival
 * and departure receipts the transport message's own.
 */
export function receiptFacts(message: string, d: Dossier, invtNo: string | undefined): Record<string, string | undefined> {
  const { order, list } = d;
  const facts = {
    customsCode: list?.customsCode,
    ebpCode: order?.ebp.code ?? list?.ebp.code ?? d.payment?.ebpCode,
    ebcCode: order?.ebc.code ?? list?.ebc.code ?? d.ebcCode,
    agentCode: list?.agent.code,
    copNo: list?.copNo,
    preNo: d.preNo ?? list?.preNo,
    invtNo: invtNo ?? list?.invtNo,
    orderNo: d.orderNo,
    statisticsFlag: 'A',
    logisticsCode: list?.logistics.code ?? d.waybill?.logisticsCode,
    logisticsNo: d.waybill?.logisticsNo ?? list?.logisticsNo,
    payCode: d.payment?.payCode,
    payTransactionId: d.payment?.payTransactionId,
    msgSeqNo: '1',
  };
  const transport = message === 'CEB508' ? d.arrival : message === 'CEB510' ? d.departure : undefined;
  if (transport === undefined) return facts;
  return { ...facts, customsCode: transport.customsCode, copNo: transport.copNo, preNo: transport.preNo, billNo: transport.billNo, [message === 'CEB508' ? 'operatorCode' : 'logisticsCode']: transport.partyCode };
}

/** The facts of a receipt record: what is known (a fact unknown or empty is not written), then its status, time and text. */
function receiptRecord(known: Record<string, string | undefined>, status: number, at: number, info: string) {
  return (guid: string): Facts => ({ ...known, guid, returnStatus: String(status), returnTime: returnTimeText(at), returnInfo: info });
}

/** Writes receipts: guid, XML, row. */
export class ReceiptWriter {
  readonly #store: Store;
  readonly #rng: Rng;
  /** The id of the last receipt stored, read from the store when unknown. */
  #last: number | undefined;

  constructor(store: Store, rng: Rng) {
    this.#store = store;
    this.#rng = rng.stream('receipt');
  }

  /** Forgets the last id (after a rollback): it is read from the store again. */
  reset(): void {
    this.#last = undefined;
  }

  /** Stores a receipt; returns its id (the receiver's cursor) and guid. */
  write(draft: ReceiptDraft): { id: number; guid: string } {
    const serial = (this.#last ?? this.#store.lastReceiptId()) + 1;
    const guid = formatGuid(this.#rng.stream(String(serial)).words());
    const xml = draft.build(guid);
    const id = this.#store.insertReceipt({ guid, receiver: draft.receiver, orderNo: draft.orderNo, type: draft.type, status: draft.status, info: draft.info, at: draft.at, xml });
    this.#last = id;
    return { id, guid };
  }

  /** A receipt a channel machine emitted for the order of `d`. */
  machineDraft(receipt: Receipt, d: Dossier, invtNo: string | undefined): ReceiptDraft {
    // The 9710/9810 customs declaration (H2018) is not a CEB message; its answers travel as CEB604.
    const type = (receipt.message === 'H2018' ? 'CEB604' : receipt.message) as ReceiptType;
    const info = receipt.reason?.text ?? RETURN_STATUS_TEXT[receipt.status] ?? '';
    const record = receiptRecord(receiptFacts(type, d, invtNo), receipt.status, receipt.at, info);
    return { type, receiver: receiverOf(receipt.message, d), orderNo: d.orderNo, status: receipt.status, info, at: receipt.at, build: (guid) => buildFitted(type, record(guid), guid) };
  }

  /**
   * A receipt the sandbox answers a message with itself (a refusal, or an acknowledgement of a
   * notice): `identifiers` from the message, over what is known of the order of `d`.
   */
  plainDraft(type: ReceiptType, facts: { receiver: string; orderNo: string | null; status: number; info?: string; at: number; identifiers: Readonly<Record<string, string>>; dossier?: Dossier }): ReceiptDraft {
    const info = facts.info ?? RETURN_STATUS_TEXT[facts.status] ?? '';
    const known = { ...(facts.dossier === undefined ? { msgSeqNo: '1', statisticsFlag: 'A' } : receiptFacts(type, facts.dossier, undefined)), ...facts.identifiers };
    const record = receiptRecord(known, facts.status, facts.at, info);
    return { type, receiver: facts.receiver, orderNo: facts.orderNo, status: facts.status, info, at: facts.at, build: (guid) => buildFitted(type, record(guid), guid) };
  }

  /** A customs-issued message (CEB816, CEB818, CEB792) from facts the caller gives around the guid. */
  customsDraft(type: 'CEB816' | 'CEB818' | 'CEB792', facts: { receiver: string; orderNo: string | null; status: number; info: string; at: number; data: (guid: string) => Facts }): ReceiptDraft {
    return { type, receiver: facts.receiver, orderNo: facts.orderNo, status: facts.status, info: facts.info, at: facts.at, build: (guid) => buildFitted(type, facts.data(guid), guid) };
  }
}

/** The DXP id a receipt on `message` goes to: the sender of the document it answers, else the list's declarant. */
export function receiverOf(message: string, d: Dossier): string {
  const role = ANSWERS[message] ?? 'list';
  return d.senders[role] ?? d.senders.list ?? d.senders.order ?? Object.values(d.senders)[0] ?? '';
}

/** returnTime text, re-exported for the customs-issued messages. */
export { returnTimeText };
