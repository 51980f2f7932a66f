/**
 * Receipt messages from receipt facts, so a simulation can emit what customs would answer:
 * e.g. CEB622 with returnStatus 800 when a list is released (docs/domain.md, receipt statuses). A channel machine's
 * receipt maps directly: `returnStatus: receipt.status, returnTime: receipt.at,
 * returnInfo: receipt.reason?.text`.
 */
import { cebTime } from '../sim/clock.js';
import { buildMessage, type BuildOptions } from './build.js';
import { DEFAULT_SPEC, messageSpec } from './registry.js';
import { isRepeated, type MessageData, type SpecVersion } from './spec.js';

/** Message types that answer a declaration (and CEB900). */
export type ReceiptType =
  | 'CEB312' | 'CEB412' | 'CEB512' | 'CEB514' | 'CEB622' | 'CEB624' | 'CEB626' | 'CEB712'
  | 'CEB304' | 'CEB404' | 'CEB506' | 'CEB508' | 'CEB510' | 'CEB604' | 'CEB606' | 'CEB608' | 'CEB214' | 'CEB216'
  | 'CEB702' | 'CEB900';

/** One receipt: which record it answers and what happened. */
export interface ReceiptFacts {
  /** The receipt's own guid. */
  readonly guid: string;
  /**
   * The identifiers the receipt type carries, by field name, e.g. for CEB622 customsCode,
   * ebpCode, ebcCode, agentCode, copNo, and preNo / invtNo once assigned.
   */
  readonly identifiers: Readonly<Record<string, string>>;
  /** Status code, e.g. 120 accepted, 800 released, negative for processing errors. */
  readonly returnStatus: number | string;
  /** When customs answered, epoch ms; written with milliseconds (17 digits). */
  readonly returnTime: number;
  /** Text shown with the status; by default the status's meaning, e.g. `放行` for 800. */
  readonly returnInfo?: string | undefined;
}

/** What each receipt status means, as customs words it. */
export const RETURN_STATUS_TEXT: Readonly<Record<number, string>> = {
  1: '电子口岸已暂存',
  2: '电子口岸申报中',
  3: '发送海关成功',
  4: '发送海关失败',
  100: '海关退单',
  120: '海关入库',
  300: '人工审核',
  399: '海关审结',
  500: '查验',
  501: '扣留移送通关',
  502: '扣留移送缉私',
  503: '扣留移送法规',
  599: '其它扣留',
  700: '退运',
  800: '放行',
  899: '结关',
};

/** returnTime in its 17-digit form: YYYYMMDDhhmmss plus milliseconds, Beijing time. */
export function returnTimeText(epochMs: number): string {
  return `${cebTime(epochMs)}${String(((epochMs % 1000) + 1000) % 1000).padStart(3, '0')}`;
}

/** Message data of a receipt (for {@link buildMessage}). */
export function receiptData(type: ReceiptType, facts: ReceiptFacts, spec: SpecVersion = DEFAULT_SPEC): MessageData {
  const node = messageSpec(type, spec).children[0]!;
  const record: MessageData = {
    guid: facts.guid,
    ...facts.identifiers,
    returnStatus: String(facts.returnStatus),
    returnTime: returnTimeText(facts.returnTime),
    returnInfo: facts.returnInfo ?? RETURN_STATUS_TEXT[Number(facts.returnStatus)] ?? (Number(facts.returnStatus) < 0 ? '处理异常' : ''),
  };
  return { [node.name]: isRepeated(node) ? [record] : record };
}

/**
 * A receipt message as XML.
 *
 * @throws {@link MessageError} when an identifier the type requires is missing or malformed
 * @example
 * ```ts
 * receiptMessage('CEB622', { guid, identifiers: { customsCode: '5141', ebpCode, ebcCode, agentCode, copNo, invtNo },
 *   returnStatus: 800, returnTime: releasedAt, returnInfo: '放行' });
 * ```
 */
export function receiptMessage(type: ReceiptType, facts: ReceiptFacts, options?: BuildOptions): string {
  return buildMessage(type, receiptData(type, facts, options?.spec), options);
}
