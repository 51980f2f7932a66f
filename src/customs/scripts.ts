/**
 * Scripted outcomes: an order may carry a `script` that forces its path, so an integrator gets any
 * unhappy path on demand. A script is a list of words; whoever generates the order's events (the
 * simulator's parties, or `createAutopilot`) reads it and picks the events, which go through the
 * same transitions as random outcomes.
 *
 * | word | effect |
 * |---|---|
 * | `reject:<reason>` | the list is refused with that reason: `order-missing`, `payment-missing`, `waybill-missing` (the document is never filed; the list times out), `quota-exceeded` (QUOTA_REFUSED), `stock-shortage` (STOCK_SHORTAGE), `arrival-missing` (no arrival report; TIMEOUT), or any other reason code (REJECTED instead of acceptance) |
 * | `send-fail:<doc>` | the first sending of `order`, `payment`, `waybill` or `list` fails (4) and is resent |
 * | `review` | manual review (300) before the decision |
 * | `inspect:pass` | inspection (500) that passes |
 * | `inspect:detain-501` (502, 503, 599) | inspection that ends in detention with that code |
 * | `inspect:fail` | export inspection that ends in refusal (100) |
 * | `reexport` | inspection that ends in re-export (700) |
 * | `cancel:before-release` | cancellation just before release (granted) |
 * | `cancel:after-departure` | cancellation after the goods left the site (refused) |
 * | `return:day-<n>` | return requested on day n after release; goods back 5 days later (refused after day 30) |
 * | `return:day-<n>-lapsed` | return requested on day n; the goods never come back, so it lapses on day 45 (TIMEOUT) |
 */
import { ValidationError } from '../domain/errors.js';
import type { ValidationIssue } from '../domain/errors.js';
import type { DocumentKind } from './matching.js';
import { isReasonCode } from './reasons.js';
import type { ReasonCode } from './reasons.js';
import { DETENTION_STATUSES } from './receipts.js';
import type { DetentionStatus } from './receipts.js';

/** One parsed script word. */
export type ScriptStep =
  | { readonly kind: 'reject'; readonly reason: ReasonCode }
  | { readonly kind: 'send-fail'; readonly doc: DocumentKind | 'list' }
  | { readonly kind: 'review' }
  | { readonly kind: 'inspect'; readonly outcome: 'pass' | 'fail' | DetentionStatus }
  | { readonly kind: 'reexport' }
  | { readonly kind: 'cancel'; readonly when: 'before-release' | 'after-departure' }
  | { readonly kind: 'return'; readonly day: number; readonly lapsed: boolean };

/** A parsed script: its steps in the order written. */
export type Script = readonly ScriptStep[];

const DOCS: readonly string[] = ['order', 'payment', 'waybill', 'list'];

function parseWord(word: string): ScriptStep | string {
  const [head = '', arg] = word.split(':', 2) as [string, string | undefined];
  switch (head) {
    case 'review':
    case 'reexport':
      return arg === undefined ? { kind: head } : `'${head}' takes no argument.`;
    case 'reject':
      return arg !== undefined && isReasonCode(arg) ? { kind: 'reject', reason: arg } : `'reject' needs a reason code such as 'reject:payment-missing'.`;
    case 'send-fail':
      return arg !== undefined && DOCS.includes(arg) ? { kind: 'send-fail', doc: arg as DocumentKind | 'list' } : `'send-fail' needs one of ${DOCS.join(', ')}.`;
    case 'inspect': {
      if (arg === 'pass' || arg === 'fail') return { kind: 'inspect', outcome: arg };
      const code = Number(/^detain-(\d+)$/.exec(arg ?? '')?.[1]);
      const status = DETENTION_STATUSES.find((s) => s === code);
      return status !== undefined ? { kind: 'inspect', outcome: status } : `'inspect' needs pass, fail or detain-501, detain-502, detain-503, detain-599.`;
    }
    case 'cancel':
      return arg === 'before-release' || arg === 'after-departure' ? { kind: 'cancel', when: arg } : `'cancel' needs before-release or after-departure.`;
    case 'return': {
      const match = /^day-(\d{1,3})(-lapsed)?$/.exec(arg ?? '');
      return match ? { kind: 'return', day: Number(match[1]), lapsed: match[2] !== undefined } : `'return' needs a day after release, e.g. 'return:day-12' or 'return:day-12-lapsed'.`;
    }
    default:
      return `is not a script word; use reject:<reason>, send-fail:<doc>, review, inspect:<outcome>, reexport, cancel:<when> or return:day-<n>.`;
  }
}

/**
 * Parses a script given as text (words separated by commas or spaces) or as a list of words.
 *
 * @param field - the field name reported in errors
 * @throws {@link ValidationError} naming `field` (and the word's index) for every unknown word
 * @example
 * ```ts
 * parseScript('review, inspect:detain-502');
 * // [{ kind: 'review' }, { kind: 'inspect', outcome: 502 }]
 * ```
 */
export function parseScript(script: string | readonly string[], field = 'script'): Script {
  const words = typeof script === 'string' ? script.split(/[\s,]+/).filter((w) => w !== '') : script;
  const steps: ScriptStep[] = [];
  const issues: ValidationIssue[] = [];
  words.forEach((word, i) => {
    const step = parseWord(word.trim());
    if (typeof step === 'string') issues.push({ path: [field, i], value: word, reason: step });
    else steps.push(step);
  });
  if (issues.length > 0) throw new ValidationError(issues, 'Invalid script');
  return steps;
}
