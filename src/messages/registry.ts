/**
 * Every message field table by type and specification version, with the business format of
 * each field attached, and lookup with an error that says what is known.
 */
import { MessageError } from '../domain/errors.js';
import { formatOf } from './formats.js';
import type { ElementSpec, MessageSpec, SpecVersion, Table } from './spec.js';
import { CEB303, CEB304, CEB403, CEB404, CEB505, CEB506, CEB507, CEB508, CEB509, CEB510 } from './tables/export-orders.js';
import { CEB603, CEB604, CEB605, CEB606, CEB607, CEB608 } from './tables/export-lists.js';
import { CEB213, CEB214, CEB215, CEB216 } from './tables/export-returns.js';
import { CEB701, CEB702, CEB792 } from './tables/export-summary.js';
import { CEB816, CEB818, CEB900 } from './tables/import-customs.js';
import { CEB621, CEB622, CEB623, CEB624, CEB625, CEB626, CEB711, CEB712 } from './tables/import-lists.js';
import { CEB311, CEB312, CEB411, CEB412, CEB511, CEB512, CEB513, CEB514 } from './tables/import-orders.js';

/** Every CEB message type with a field table, in catalogue order (import, export, common). */
export const MESSAGE_TYPES = [
  'CEB311', 'CEB312', 'CEB411', 'CEB412', 'CEB511', 'CEB512', 'CEB513', 'CEB514', 'CEB621', 'CEB622',
  'CEB623', 'CEB624', 'CEB625', 'CEB626', 'CEB711', 'CEB712', 'CEB816', 'CEB818',
  'CEB303', 'CEB304', 'CEB403', 'CEB404', 'CEB505', 'CEB506', 'CEB507', 'CEB508', 'CEB509', 'CEB510',
  'CEB603', 'CEB604', 'CEB605', 'CEB606', 'CEB607', 'CEB608', 'CEB213', 'CEB214', 'CEB215', 'CEB216',
  'CEB701', 'CEB702', 'CEB792',
  'CEB900',
] as const;

/** A CEB message type, e.g. `'CEB311'`. */
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** The specification version a built message follows unless told otherwise. */
export const DEFAULT_SPEC: SpecVersion = '202205';

const TABLES: Readonly<Record<MessageType, Table>> = {
  CEB311, CEB312, CEB411, CEB412, CEB511, CEB512, CEB513, CEB514, CEB621, CEB622, CEB623, CEB624, CEB625, CEB626,
  CEB711, CEB712, CEB816, CEB818, CEB303, CEB304, CEB403, CEB404, CEB505, CEB506, CEB507, CEB508, CEB509, CEB510,
  CEB603, CEB604, CEB605, CEB606, CEB607, CEB608, CEB213, CEB214, CEB215, CEB216, CEB701, CEB702, CEB792, CEB900,
};

/** Types the 2022-05 revision added (the export return application and detail, with their receipts). */
const ADDED_IN_202205: ReadonlySet<string> = new Set(['CEB213', 'CEB214', 'CEB215', 'CEB216']);

/** True when `type` is a CEB message type cbec-sim has a table for. */
export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(TABLES, type);
}

/** The message types of a specification version, in catalogue order. */
export function messageTypesOf(version: SpecVersion): readonly MessageType[] {
  return MESSAGE_TYPES.filter((t) => version === '202205' || !ADDED_IN_202205.has(t));
}

/** The schema that declares a type: the import schema (which also holds CEB900) or the export one. */
export function schemaFamily(type: MessageType): 'import' | 'export' {
  return MESSAGE_TYPES.indexOf(type) < MESSAGE_TYPES.indexOf('CEB303') || type === 'CEB900' ? 'import' : 'export';
}

function withFormats(type: string, parent: string, children: readonly ElementSpec[]): ElementSpec[] {
  return children.map((child) => {
    if (child.kind === 'node') return { ...child, children: withFormats(type, child.name, child.children) };
    if (child.kind !== 'field') return child;
    const format = formatOf(type, parent, child.name);
    return format ? { ...child, format } : child;
  });
}

const cache = new Map<string, MessageSpec>();

/**
 * The field table of a message type in a specification version (2022-05 by default): its
 * elements in order, with occurrences, types, lengths and business formats.
 *
 * @throws {@link MessageError} when the type is unknown, or unknown to that version
 * @example
 * ```ts
 * messageSpec('CEB311').children[0].name; // 'Order'
 * messageSpec('CEB621', '2018').children.at(-1)?.name; // 'Signature'
 * ```
 */
export function messageSpec(type: string, version: SpecVersion = DEFAULT_SPEC): MessageSpec {
  if (!isMessageType(type)) {
    throw new MessageError([{ path: ['type'], value: type, reason: `is not a known message type; use one of ${MESSAGE_TYPES.join(', ')}.` }]);
  }
  if (version !== '2018' && version !== '202205') {
    throw new MessageError([{ path: ['spec'], value: version, reason: "must be '2018' or '202205'." }]);
  }
  if (version === '2018' && ADDED_IN_202205.has(type)) {
    throw new MessageError([{ path: ['type'], value: type, reason: `exists only in the 202205 specification; build it with { spec: '202205' }.` }]);
  }
  const key = `${type}@${version}`;
  let spec = cache.get(key);
  if (!spec) {
    const table = TABLES[type](version);
    spec = { ...table, children: withFormats(type, `${type}Message`, table.children) };
    cache.set(key, spec);
  }
  return spec;
}
