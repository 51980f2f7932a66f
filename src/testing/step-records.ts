import type { DriveStep } from '../channels/drive.js';
import type { TransitionRecord } from '../sim/log.js';

/**
 * A driver's steps as transition-log records, so the log invariants apply to a single order
 * driven with `createDriver`, `drive` or `runAutopilot` as well as to a whole run's log.
 *
 * @example
 * ```ts
 * const { steps } = runAutopilot(CHANNELS['9610-import'].machine, { order }, plan);
 * receiptsInAllowedOrder(stepRecords(order.orderNo, '9610-import', steps)); // []
 * ```
 */
export function stepRecords(orderNo: string, channel: string, steps: readonly DriveStep[]): TransitionRecord[] {
  return steps.map((step, i) => {
    const receipts = step.effects.flatMap((e) => (e.type === 'receipt' ? [e] : []));
    const refusal = receipts.find((r) => r.status === 100);
    const reason = refusal === undefined ? null : (refusal.reason?.code ?? 'unspecified');
    return { t: step.event.at, orderNo, channel, from: steps[i - 1]?.state ?? '', event: step.event.type, to: step.state, status: receipts.map((r) => r.status), reason };
  });
}
