/**
 * The error hierarchy of cbec-sim.
 *
 * Every error the library throws on purpose is a {@link CbecError} with a stable `code`.
 * Errors about bad input are {@link ValidationError}s (or a subclass) and list every problem found
 * in `issues`, each naming the field (`path`), the value seen and what to change (`reason`).
 *
 * @packageDocumentation
 */

const BRAND = /* @__PURE__ */ Symbol.for('cbec-sim.error');

/** One problem with one input field. */
export interface ValidationIssue {
  /** Where the bad value sits, e.g. `['lines', 0, 'hsCode']`. */
  readonly path: readonly (string | number)[];
  /** The value that was refused (as given). */
  readonly value: unknown;
  /** What is wrong and what to change, as a sentence. */
  readonly reason: string;
}

/** Stable machine-readable error codes. New codes may be added; existing ones never change meaning. */
export type CbecErrorCode =
  | 'VALIDATION'
  | 'INVALID_MONEY'
  | 'INVALID_SCENARIO'
  | 'INVALID_MESSAGE'
  | 'RULE'
  | 'INVALID_TARIFF'
  | 'TRANSITION'
  | 'COMPILE'
  | 'SHARD'
  | 'SANDBOX'
  | 'INVALID_EXPERIMENT'
  | 'EXPERIMENT'
  | 'MISSING_DEPENDENCY'
  | 'IO'
  | 'LOCKED'
  | 'INTERNAL';

/**
 * Base class of every error cbec-sim throws on purpose.
 *
 * Use {@link isCbecError} rather than `instanceof` when errors may cross realms (worker threads,
 * vm contexts, two copies of the package).
 */
export class CbecError extends Error {
  override readonly name: string = 'CbecError';
  /** Stable code for programs to branch on. */
  readonly code: CbecErrorCode;

  constructor(code: CbecErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * True when `value` is a {@link CbecError} from any copy or realm of cbec-sim.
 *
 * @example
 * ```ts
 * try { money(0.1); } catch (e) { if (isCbecError(e)) console.log(e.code); }
 * ```
 */
export function isCbecError(value: unknown): value is CbecError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * A path as a user would write it: `lines[0].goods.hsCode`; the empty path is `root`.
 *
 * @example
 * ```ts
 * formatPath(['lines', 0, 'hsCode']); // 'lines[0].hsCode'
 * ```
 */
export function formatPath(path: readonly (string | number)[], root = '(input)'): string {
  if (path.length === 0) return root;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function summarise(what: string, issues: readonly ValidationIssue[]): string {
  const lines = issues.map((i) => `  - ${formatPath(i.path)}: ${i.reason}`);
  return `${what} (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
}

/** Input refused by a validator; `issues` lists every problem, each naming its field. */
export class ValidationError extends CbecError {
  override readonly name: string = 'ValidationError';
  /** Every problem found, in input order. Never empty. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], what = 'Invalid input', code: CbecErrorCode = 'VALIDATION') {
    super(code, summarise(what, issues));
    this.issues = issues;
  }
}

/** An amount that cannot be exact money: a JS float, NaN, or text that is not a decimal number. */
export class MoneyError extends ValidationError {
  override readonly name: string = 'MoneyError';
  constructor(issues: readonly ValidationIssue[]) {
    super(issues, 'Invalid amount', 'INVALID_MONEY');
  }
}

/** A scenario file or object that does not match the scenario schema. */
export class ScenarioError extends ValidationError {
  override readonly name: string = 'ScenarioError';
  constructor(issues: readonly ValidationIssue[]) {
    super(issues, 'Invalid scenario', 'INVALID_SCENARIO');
  }
}

/** A CEB message that cannot be built, parsed or validated. */
export class MessageError extends ValidationError {
  override readonly name: string = 'MessageError';
  constructor(issues: readonly ValidationIssue[]) {
    super(issues, 'Invalid CEB message', 'INVALID_MESSAGE');
  }
}

/** Input the tax and limit rules cannot work with (unknown HS code, rate out of range, bad date). */
export class RuleError extends ValidationError {
  override readonly name: string = 'RuleError';
  constructor(issues: readonly ValidationIssue[]) {
    super(issues, 'Rule input refused', 'RULE');
  }
}

/** A tariff file or inline tariff rows that do not follow the tariff format. */
export class TariffError extends ValidationError {
  override readonly name: string = 'TariffError';
  constructor(issues: readonly ValidationIssue[]) {
    super(issues, 'Invalid tariff', 'INVALID_TARIFF');
  }
}

/** An event that the machine in its current state does not accept. */
export class TransitionError extends CbecError {
  override readonly name: string = 'TransitionError';
  /** The state the machine was in, as a dotted path. */
  readonly state: string;
  /** The event type that was refused. */
  readonly event: string;

  constructor(state: string, event: string, detail?: string) {
    super(
      'TRANSITION',
      `Event ${event} is not accepted in state ${state}${detail ? `: ${detail}` : ''}. Send an event the state lists, or check the order's history.`,
    );
    this.state = state;
    this.event = event;
  }
}

/** An optional package a feature needs is not installed; the message says what to install. */
export class MissingDependencyError extends CbecError {
  override readonly name: string = 'MissingDependencyError';
  /** The packages to install. */
  readonly packages: readonly string[];

  /** @param feature - what needs them, as the subject of a sentence in the plural: "The HTML report's charts" */
  constructor(packages: readonly string[], feature: string, options?: { cause?: unknown }) {
    const one = packages.length === 1;
    super('MISSING_DEPENDENCY', `${feature} need ${packages.join(' and ')}, ${one ? 'an optional dependency' : 'optional dependencies'} of cbec-sim: install ${one ? 'it' : 'them'} with \`npm install ${packages.join(' ')}\`.`, options);
    this.packages = packages;
  }
}

/** Shorthand to throw a single-issue {@link ValidationError}. */
export function invalid(path: readonly (string | number)[], value: unknown, reason: string): never {
  throw new ValidationError([{ path, value, reason }]);
}
