/**
 * The building blocks the channel machines are assembled from. Several channels share the same
 * shapes: a message that is declared, sent (or fails and is resent) and acknowledged; the
 * three-document declaration with its list; customs review and inspection; the final states.
 */
import type { DocumentKind } from '../customs/matching.js';
import { DETENTION_STATUSES, ReceiptStatus } from '../customs/receipts.js';
import type { ReceiptMessage } from '../customs/receipts.js';
import type { ReasonCode } from '../customs/reasons.js';
import type { channelSetup, ListFitParams, ReceiptParams } from './setup.js';
import type { DocKind } from './events.js';

type MachineConfig = Parameters<typeof channelSetup.createMachine>[0];
/** A state node of a channel machine, typed by the shared setup. */
export type StateConfig = NonNullable<MachineConfig['states']>[string];
type StateMap = Record<string, StateConfig>;
type Transitions = NonNullable<StateConfig['on']>;
/** Actions the builders take from their callers. */
type Action =
  | 'recordInvtNo'
  | 'reserveQuota'
  | 'enlistForSummary'
  | { readonly type: 'recordReason'; readonly params: { readonly code?: ReasonCode } }
  | { readonly type: 'recordMismatch'; readonly params: { readonly required: readonly DocumentKind[] } };

/** What a state node's `meta` says: the receipt status it stands for, on which message. */
export interface StatusMeta {
  readonly message: ReceiptMessage;
  /** One code, or the codes one of which the state carries (detention). */
  readonly status: ReceiptStatus | readonly ReceiptStatus[];
}

/** The meta of a state that stands for `status` on `message`. */
export function statusMeta(message: ReceiptMessage, status: StatusMeta['status']): { readonly meta: StatusMeta } {
  return { meta: { message, status } };
}

/** The `receipt` action with its parameters. */
export function receipt(message: ReceiptMessage, status: ReceiptParams['status'], reasonCode?: ReasonCode) {
  const params: ReceiptParams = reasonCode === undefined ? { message, status } : { message, status, reason: reasonCode };
  return { type: 'receipt', params } as const;
}

/**
 * The sending part of every message: `declaring` (2) -> SENT -> `sent` (3), or SEND_FAILED ->
 * `sendFailed` (4) -> RESENT -> `declaring` (2). `sentOn` are the transitions out of `sent`,
 * `declaringOn` extra ones out of `declaring`.
 */
function sendingStates(doc: DocKind, message: ReceiptMessage, sentOn: Transitions, declaringOn: Transitions = {}): StateMap {
  const forDoc = { type: 'forDoc', params: { doc } } as const;
  return {
    declaring: {
      ...statusMeta(message, ReceiptStatus.Declaring),
      on: {
        SENT: { guard: forDoc, target: 'sent', actions: receipt(message, ReceiptStatus.Sent) },
        SEND_FAILED: { guard: forDoc, target: 'sendFailed', actions: receipt(message, ReceiptStatus.SendFailed) },
        ...declaringOn,
      },
    },
    sendFailed: {
      ...statusMeta(message, ReceiptStatus.SendFailed),
      on: { RESENT: { guard: forDoc, target: 'declaring', actions: receipt(message, ReceiptStatus.Declaring) } },
    },
    sent: { ...statusMeta(message, ReceiptStatus.Sent), on: sentOn },
  };
}

/** One of the documents filed before the list, with its filing and acknowledgement events. */
export interface DocumentSpec {
  readonly doc: DocumentKind;
  readonly filed: 'ORDER_FILED' | 'PAYMENT_FILED' | 'WAYBILL_FILED';
  readonly acked: 'ORDER_ACKED' | 'PAYMENT_ACKED' | 'WAYBILL_ACKED';
  /** The receipt message answering it (CEB312, CEB304, ...). */
  readonly message: ReceiptMessage;
}

/** A document's region: `pending` -> filed (2) -> sent (3) -> acknowledged (120). */
export function documentRegion(spec: DocumentSpec): StateConfig {
  const { doc, filed, acked, message } = spec;
  return {
    initial: 'pending',
    states: {
      pending: { on: { [filed]: { target: 'declaring', actions: ['recordDocument', receipt(message, ReceiptStatus.Declaring)] } } },
      ...sendingStates(doc, message, {
        [acked]: { target: 'accepted', actions: [{ type: 'markAcked', params: { doc } }, receipt(message, ReceiptStatus.Accepted)] },
      }),
      accepted: statusMeta(message, ReceiptStatus.Accepted),
    },
  };
}

/** How a channel declares: its documents, its list message and what a list must look like. */
export interface DeclarationSpec {
  /** The machine's id, for targets outside the declaration. */
  readonly id: string;
  readonly documents: readonly DocumentSpec[];
  /** CEB622 (import) or CEB604 (export). */
  readonly listMessage: ReceiptMessage;
  readonly listFit: ListFitParams;
  /** Extra actions when customs accepts the list (e.g. the quota reservation). */
  readonly onAccepted: readonly Action[];
}

/**
 * The declaration: the documents and the list, each in its own region, in any order. Customs
 * accepts the list (CUSTOMS_ACCEPTED, 120) only when the required documents are stored and match;
 * a list still waiting when TIMEOUT `documents` comes is refused (100) with the first failure.
 * Bonded lists reserve stock on declaration; STOCK_SHORTAGE, sent by the runner at once when the
 * account book refuses that reservation, refuses them.
 */
export function declarationState(spec: DeclarationSpec): StateConfig {
  const { id, listMessage, listFit } = spec;
  const required = { required: spec.documents.map((d) => d.doc) };
  const matched = { type: 'documentsMatch', params: required } as const;
  const refuse = (reasonAction: Action) => ({ target: `#${id}.rejected`, actions: [reasonAction, 'unwind' as const, receipt(listMessage, ReceiptStatus.Rejected)] });
  const regions: StateMap = Object.fromEntries(spec.documents.map((d) => [d.doc, documentRegion(d)]));
  return {
    type: 'parallel',
    on: { CANCEL_REQUESTED: { target: `#${id}.cancelled`, actions: 'unwind' } },
    states: {
      ...regions,
      list: {
        initial: 'notDeclared',
        states: {
          notDeclared: {
            on: {
              LIST_DECLARED: {
                guard: { type: 'listFitsChannel', params: listFit },
                target: 'declaring',
                actions: ['recordDocument', ...(listFit.bonded ? ['reserveStock' as const] : []), receipt(listMessage, ReceiptStatus.Declaring)],
              },
            },
          },
          ...sendingStates(
            'list',
            listMessage,
            {
              CUSTOMS_ACCEPTED: { guard: matched, target: `#${id}.clearance`, actions: ['recordInvtNo', ...spec.onAccepted, receipt(listMessage, ReceiptStatus.Accepted)] },
              REJECTED: refuse({ type: 'recordReason', params: {} }),
              TIMEOUT: { ...refuse({ type: 'recordMismatch', params: required }), guard: { type: 'documentsLapsed', params: required } },
            },
            listFit.bonded ? { STOCK_SHORTAGE: { guard: 'stockReserved', target: `#${id}.rejected`, actions: ['stockRefused', { type: 'recordReason', params: { code: 'stock-shortage' } }, receipt(listMessage, ReceiptStatus.Rejected)] } } : {},
          ),
        },
      },
    },
  };
}

/** What customs review looks like for a channel. */
export interface ReviewSpec {
  readonly id: string;
  readonly listMessage: ReceiptMessage;
  /** Import: the decision carries the tax assessment and issues the tax bill. */
  readonly taxed: boolean;
}

/**
 * `accepted` (120) -> (MANUAL_REVIEW -> `review` (300)) -> DECIDED -> `decided` (399). Customs may
 * refuse (100) before deciding; on import, QUOTA_REFUSED refuses an accepted list.
 */
export function reviewStates(spec: ReviewSpec): StateMap {
  const { id, listMessage, taxed } = spec;
  const decide = taxed
    ? { guard: 'taxAssessed' as const, target: 'decided', actions: ['issueTaxBill' as const, receipt(listMessage, ReceiptStatus.Decided)] }
    : { target: 'decided', actions: receipt(listMessage, ReceiptStatus.Decided) };
  const reject = { target: `#${id}.rejected`, actions: [{ type: 'recordReason', params: {} } as const, 'unwind' as const, receipt(listMessage, ReceiptStatus.Rejected)] };
  return {
    accepted: {
      ...statusMeta(listMessage, ReceiptStatus.Accepted),
      on: {
        MANUAL_REVIEW: { target: 'review', actions: receipt(listMessage, ReceiptStatus.ManualReview) },
        DECIDED: decide,
        REJECTED: reject,
        ...(taxed && {
          QUOTA_REFUSED: {
            guard: 'quotaReserved' as const,
            target: `#${id}.rejected`,
            actions: ['quotaRefused' as const, { type: 'recordReason', params: { code: 'quota-exceeded' } } as const, 'unwind' as const, receipt(listMessage, ReceiptStatus.Rejected)],
          },
        }),
      },
    },
    review: { ...statusMeta(listMessage, ReceiptStatus.ManualReview), on: { DECIDED: decide, REJECTED: reject } },
  };
}

/** The release transition: receipt 800, ledgers settled, plus channel extras. */
export function releaseTransition(listMessage: ReceiptMessage, extra: readonly Action[] = []) {
  return { target: 'released', actions: ['settleRelease' as const, ...extra, receipt(listMessage, ReceiptStatus.Released)] };
}

/**
 * `inspection` (500) -> INSPECTION_PASSED -> `inspected` -> RELEASED. Import inspections may end in
 * detention (501-599) or re-export (700); export inspections may end in refusal (100).
 */
export function inspectionStates(spec: { readonly id: string; readonly listMessage: ReceiptMessage; readonly importing: boolean; readonly release: Transitions }): StateMap {
  const { id, listMessage, importing } = spec;
  const stop = importing
    ? {
        DETAINED: { target: `#${id}.detained`, actions: ['unwind' as const, receipt(listMessage, 'event')] },
        REEXPORTED: { target: `#${id}.reexported`, actions: ['unwind' as const, receipt(listMessage, ReceiptStatus.Reexported)] },
      }
    : { REJECTED: { target: `#${id}.rejected`, actions: [{ type: 'recordReason', params: {} } as const, 'unwind' as const, receipt(listMessage, ReceiptStatus.Rejected)] } };
  return {
    inspection: { ...statusMeta(listMessage, ReceiptStatus.Inspection), on: { INSPECTION_PASSED: 'inspected', ...stop } },
    inspected: { ...statusMeta(listMessage, ReceiptStatus.Inspection), on: spec.release },
  };
}

/** A cancellation or return request refused with `reasonCode`: a receipt, no change of state. */
export function refusal(message: ReceiptMessage, reasonCode: ReasonCode) {
  return { actions: receipt(message, ReceiptStatus.Rejected, reasonCode) };
}

/** The final states a channel may end in. */
export type FinalState = 'rejected' | 'cancelled' | 'detained' | 'reexported' | 'returned' | 'arrivalLapsed' | 'closed' | 'sold';

/** The final states named, each with the status it stands for on `listMessage`. */
export function finalStates(listMessage: ReceiptMessage, names: readonly FinalState[]): StateMap {
  const status: Partial<Record<FinalState, StatusMeta['status']>> = {
    rejected: ReceiptStatus.Rejected,
    arrivalLapsed: ReceiptStatus.Rejected,
    detained: DETENTION_STATUSES,
    reexported: ReceiptStatus.Reexported,
    closed: ReceiptStatus.Closed,
    sold: ReceiptStatus.Closed,
  };
  return Object.fromEntries(
    names.map((name) => {
      const code = status[name];
      return [name, { type: 'final' as const, ...(code !== undefined && statusMeta(listMessage, code)) }];
    }),
  );
}
