/**
 * buildMessage: validated message data to CEB XML.
 */
import { MessageError, type ValidationIssue } from '../domain/errors.js';
import { issuesFromZod } from '../domain/zod-issues.js';
import { GUID } from './formats.js';
import { messageSpec, type MessageType } from './registry.js';
import { messageSchema } from './schema.js';
import type { Signer } from './signer.js';
import type { MessageData } from './spec.js';
import { openTag, writeElements } from './xml-writer.js';

/** The CEB namespace every business message lives in. */
export const CEB_NAMESPACE = 'http://www.chinaport.gov.cn/ceb';

/** Options of {@link buildMessage}. */
export interface BuildOptions {
  /** The root's guid attribute; by default the guid of the first business record. */
  readonly guid?: string;
  /** Appends a Signature after BaseTransfer; see {@link testSigner}. Unsigned when absent. */
  readonly signer?: Signer;
}

/**
 * Builds a CEB message: root `ceb:CEBnnnMessage` with the CEB namespace, `guid` and
 * `version="1.0"`, the business node(s), `BaseTransfer` (`dxpMode` defaults to `DXP`), then the
 * signer's Signature if one is given.
 *
 * @param data - the root's children by element name, values as strings, lists as arrays
 *   (the shape {@link parseMessage} returns)
 * @throws {@link MessageError} listing every invalid or missing field with its path
 * @example
 * ```ts
 * const xml = buildMessage('CEB311', {
 *   Order: [{ OrderHead: { guid: '4CDE1CFD-EDED-46B1-946C-B8022E42FC94', appType: '1', ... }, OrderList: [...] }],
 *   BaseTransfer: { copCode: '4401960XXA', copName: '广州某电商平台', dxpId: 'DXPENT0000458763' },
 * });
 * ```
 */
export function buildMessage(type: MessageType, data: MessageData, options: BuildOptions = {}): string {
  const spec = messageSpec(type);
  const withDefaults = defaultTransfer(data);
  const checked = messageSchema(spec).safeParse(withDefaults, { reportInput: true });
  const issues: ValidationIssue[] = checked.success ? [] : issuesFromZod(checked.error);
  const guid = options.guid ?? firstGuid(withDefaults);
  if (guid === undefined || !GUID.pattern.test(guid)) {
    issues.push({ path: ['guid'], value: guid, reason: `must be ${GUID.hint}; give options.guid or a guid in the first business record.` });
  }
  if (issues.length > 0 || guid === undefined) throw new MessageError(issues);
  const root = `ceb:${type}Message`;
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    openTag(root, [['guid', guid], ['version', '1.0'], ['xmlns:ceb', CEB_NAMESPACE]]),
    ...writeElements(spec.children, withDefaults, 'ceb:', 1),
  ].join('\n');
  const close = `\n</${root}>\n`;
  if (!options.signer) return head + close;
  return `${head}\n${options.signer(head + close, { type, guid })}${close}`;
}

function defaultTransfer(data: MessageData): MessageData {
  const transfer = data['BaseTransfer'];
  if (typeof transfer !== 'object' || Array.isArray(transfer) || transfer === null || 'dxpMode' in transfer) return data;
  return { ...data, BaseTransfer: { ...(transfer as MessageData), dxpMode: 'DXP' } };
}

function firstGuid(data: MessageData): string | undefined {
  for (const value of Object.values(data)) {
    const record = Array.isArray(value) ? value[0] : value;
    if (typeof record !== 'object' || record === null) continue;
    const direct = (record as MessageData)['guid'];
    if (typeof direct === 'string') return direct;
    const nested = firstGuid(record as MessageData);
    if (nested !== undefined) return nested;
  }
  return undefined;
}
