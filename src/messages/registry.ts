/**
 * Every message field table by type, and lookup with an error that says what is known.
 */
import { MessageError } from '../domain/errors.js';
import type { MessageSpec } from './spec.js';
import { CEB303, CEB304 } from './types/ceb303.js';
import { CEB311, CEB312 } from './types/ceb311.js';
import { CEB403, CEB404 } from './types/ceb403.js';
import { CEB411, CEB412 } from './types/ceb411.js';
import { CEB505, CEB506 } from './types/ceb505.js';
import { CEB507, CEB508 } from './types/ceb507.js';
import { CEB509, CEB510 } from './types/ceb509.js';
import { CEB511, CEB512 } from './types/ceb511.js';
import { CEB513, CEB514 } from './types/ceb513.js';
import { CEB603, CEB604 } from './types/ceb603.js';
import { CEB605, CEB606 } from './types/ceb605.js';
import { CEB607, CEB608 } from './types/ceb607.js';
import { CEB621, CEB622 } from './types/ceb621.js';
import { CEB623, CEB624 } from './types/ceb623.js';
import { CEB625, CEB626 } from './types/ceb625.js';
import { CEB701, CEB702, CEB792 } from './types/ceb701.js';
import { CEB711, CEB712 } from './types/ceb711.js';
import { CEB816, CEB818 } from './types/ceb816.js';
import { CEB900 } from './types/ceb900.js';

const ALL: readonly MessageSpec[] = [
  CEB311, CEB312, CEB411, CEB412, CEB511, CEB512, CEB513, CEB514, CEB621, CEB622, CEB623, CEB624,
  CEB625, CEB626, CEB711, CEB712, CEB816, CEB818,
  CEB303, CEB304, CEB403, CEB404, CEB505, CEB506, CEB507, CEB508, CEB509, CEB510, CEB603, CEB604,
  CEB605, CEB606, CEB607, CEB608, CEB701, CEB702, CEB792,
  CEB900,
];

/** The message types cbec-sim can build, parse and validate, e.g. `'CEB311'`. */
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Every message type with a field table, in catalogue order (import, export, common). */
export const MESSAGE_TYPES = [
  'CEB311', 'CEB312', 'CEB411', 'CEB412', 'CEB511', 'CEB512', 'CEB513', 'CEB514', 'CEB621', 'CEB622',
  'CEB623', 'CEB624', 'CEB625', 'CEB626', 'CEB711', 'CEB712', 'CEB816', 'CEB818',
  'CEB303', 'CEB304', 'CEB403', 'CEB404', 'CEB505', 'CEB506', 'CEB507', 'CEB508', 'CEB509', 'CEB510',
  'CEB603', 'CEB604', 'CEB605', 'CEB606', 'CEB607', 'CEB608', 'CEB701', 'CEB702', 'CEB792',
  'CEB900',
] as const;

const BY_TYPE: ReadonlyMap<string, MessageSpec> = new Map(ALL.map((spec) => [spec.type, spec]));

/**
 * The field table of a message type: its nodes and fields in specification order, with each
 * field's requiredness, maximum length and format.
 *
 * @throws {@link MessageError} when the type is not in the catalogue
 * @example
 * ```ts
 * messageSpec('CEB311').children[0].name; // 'Order'
 * ```
 */
export function messageSpec(type: string): MessageSpec {
  const spec = BY_TYPE.get(type);
  if (!spec) {
    throw new MessageError([{ path: ['type'], value: type, reason: `is not a known message type; use one of ${MESSAGE_TYPES.join(', ')}.` }]);
  }
  return spec;
}
