/**
 * What happens to one order where customs has a choice: its script first (parsed with the
 * script language of `cbec-sim`), else a draw from the scenario's rates. Every draw comes from a
 * stream named after the seed, the orderNo and the question, so the same order gets the same
 * answers whatever else the sandbox is doing, and after a restart.
 */
import type { DocKind } from '../channels/events.js';
import type { ReasonCode } from '../customs/reasons.js';
import { DETENTION_STATUSES, type DetentionStatus } from '../customs/receipts.js';
import type { Script, ScriptStep } from '../customs/scripts.js';
import type { IeFlag } from '../domain/model.js';
import { drawDuration } from '../sim/durations.js';
import type { Rng } from '../sim/rng.js';
import type { Duration } from '../sim/scenario/schema.js';
import type { SandboxBehaviour } from './behaviour.js';

/** Reasons a script plays by a ledger or a timer rather than a plain refusal. */
const SPECIAL: ReadonlySet<ReasonCode> = new Set(['quota-exceeded', 'stock-shortage', 'arrival-missing']);

/** How an inspection ends. */
export type InspectionOutcome = { readonly kind: 'pass' } | { readonly kind: 'fail' } | { readonly kind: 'detain'; readonly status: DetentionStatus } | { readonly kind: 'reexport' };

/** The choices customs makes for one order. */
export class Outcomes {
  readonly #script: Script;
  readonly #rng: Rng;
  readonly #behaviour: SandboxBehaviour;

  constructor(rng: Rng, behaviour: SandboxBehaviour, script: Script) {
    this.#rng = rng;
    this.#behaviour = behaviour;
    this.#script = script;
  }

  #draw(question: string): Rng {
    return this.#rng.stream(question);
  }

  #step<K extends ScriptStep['kind']>(kind: K): Extract<ScriptStep, { kind: K }> | undefined {
    return this.#script.find((s): s is Extract<ScriptStep, { kind: K }> => s.kind === kind);
  }

  #rejects(reason: ReasonCode): boolean {
    return this.#script.some((s) => s.kind === 'reject' && s.reason === reason);
  }

  /** Whether forwarding `doc` to customs fails on its `attempt`th sending (from 1). */
  sendFails(doc: DocKind, attempt: number): boolean {
    if (attempt === 1 && this.#script.some((s) => s.kind === 'send-fail' && s.doc === doc)) return true;
    return this.#draw(`send:${doc}:${attempt}`).bernoulli(this.#behaviour.sendFailureRate);
  }

  /** The reason customs refuses the matched list with, instead of accepting it. */
  listRefusal(): ReasonCode | undefined {
    return this.#script.find((s): s is Extract<ScriptStep, { kind: 'reject' }> => s.kind === 'reject' && !SPECIAL.has(s.reason))?.reason;
  }

  quotaRefused(): boolean {
    return this.#rejects('quota-exceeded');
  }

  stockShort(): boolean {
    return this.#rejects('stock-shortage');
  }

  arrivalMissing(): boolean {
    return this.#rejects('arrival-missing');
  }

  review(): boolean {
    return this.#step('review') !== undefined || this.#draw('review').bernoulli(this.#behaviour.reviewRate);
  }

  inspected(): boolean {
    return this.#step('inspect') !== undefined || this.#step('reexport') !== undefined || this.#draw('inspect').bernoulli(this.#behaviour.inspectionRate);
  }

  inspectionOutcome(ieFlag: IeFlag): InspectionOutcome {
    if (this.#step('reexport') !== undefined) return { kind: 'reexport' };
    const scripted = this.#step('inspect')?.outcome;
    if (scripted === 'pass' || scripted === 'fail') return { kind: scripted };
    if (scripted !== undefined) return { kind: 'detain', status: scripted };
    const b = this.#behaviour;
    const draw = this.#draw('inspection-outcome');
    const x = draw.float();
    if (ieFlag === 'E') return x < b.detentionRate ? { kind: 'fail' } : { kind: 'pass' };
    if (x < b.detentionRate) return { kind: 'detain', status: DETENTION_STATUSES[draw.int(0, DETENTION_STATUSES.length - 1)] ?? DETENTION_STATUSES[0]! };
    if (x < b.detentionRate + b.reexportRate) return { kind: 'reexport' };
    return { kind: 'pass' };
  }

  /** Days after a return request the goods come back, or undefined when they never do. */
  returnTransitDays(): number | undefined {
    const step = this.#step('return');
    if (step !== undefined) return step.lapsed ? undefined : 5;
    return this.#draw('return-transit').uniform(2, 20);
  }

  /** A duration drawn for `question` from `d`, in ms. */
  duration(question: string, d: Duration): number {
    return drawDuration(this.#draw(question), d);
  }
}
