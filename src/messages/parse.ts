/**
 * parseMessage and validateMessage: CEB XML from outside to checked message data. Both accept the
 * `ceb:` prefix (or any prefix bound to the CEB namespace) and a default namespace, and neither
 * lets any error but {@link MessageError} escape.
 */
import { MessageError, type ValidationIssue } from '../domain/errors.js';
import { issuesFromZod } from '../domain/zod-issues.js';
import { CEB_NAMESPACE } from './build.js';
import { decodeContent } from './decode.js';
import { GUID } from './formats.js';
import { DEFAULT_LIMITS, type ParseLimits } from './limits.js';
import { MESSAGE_TYPES, messageSpec, type MessageType } from './registry.js';
import { messageSchema } from './schema.js';
import type { MessageData } from './spec.js';
import { decodeEntities, localName, readXml, type XmlElement } from './xml-reader.js';

/** A parsed CEB message. */
export interface ParsedMessage {
  readonly type: MessageType;
  /** The root's guid attribute. */
  readonly guid: string;
  /** The root's children by element name (Signature left out), as {@link buildMessage} takes them. */
  readonly data: MessageData;
}

/** Options of {@link parseMessage} and {@link validateMessage}. */
export interface ParseOptions {
  /** Caps on size, depth and repetition; each defaults to {@link DEFAULT_LIMITS}. */
  readonly limits?: Partial<ParseLimits>;
  /**
   * Report a missing Signature when a record is declared (appStatus 2), as customs does.
   * Off by default: cbec-sim's own messages are unsigned unless a {@link Signer} is plugged in.
   */
  readonly requireSignature?: boolean;
}

type Outcome = { readonly message?: ParsedMessage; readonly issues: readonly ValidationIssue[] };

const ROOT_SKIPS: ReadonlySet<string> = new Set(['Signature', 'ExtendMessage']);

/**
 * Parses and validates a CEB message.
 *
 * @throws {@link MessageError} listing every problem (path and reason); never any other error
 * @example
 * ```ts
 * const { type, guid, data } = parseMessage(xml);
 * const [order] = data['Order'] as MessageData[]; // lists are arrays, values are strings
 * ```
 */
export function parseMessage(xml: string, options: ParseOptions = {}): ParsedMessage {
  const outcome = safely(xml, options);
  if (outcome.message === undefined || outcome.issues.length > 0) throw new MessageError(outcome.issues);
  return outcome.message;
}

/**
 * Checks a CEB message and returns every problem found; an empty list means valid.
 * Never throws.
 *
 * @example
 * ```ts
 * for (const line of formatIssues(validateMessage(xml))) console.log(line);
 * ```
 */
export function validateMessage(xml: string, options: ParseOptions = {}): readonly ValidationIssue[] {
  return safely(xml, options).issues;
}

function safely(xml: string, options: ParseOptions): Outcome {
  const limits: ParseLimits = { ...DEFAULT_LIMITS, ...options.limits };
  try {
    const outcome = read(xml, limits, options.requireSignature === true);
    return { ...outcome, issues: outcome.issues.slice(0, limits.maxIssues) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { issues: [{ path: [], value: undefined, reason: `could not be read (${detail}); please report this input as a cbec-sim bug.` }] };
  }
}

function read(xml: string, limits: ParseLimits, requireSignature: boolean): Outcome {
  const result = readXml(xml, limits);
  if ('issues' in result) return { issues: result.issues };
  const root = result.root;
  const type = /^(CEB\d{3})Message$/.exec(localName(root.name))?.[1];
  if (type === undefined || !(MESSAGE_TYPES as readonly string[]).includes(type)) {
    return { issues: [{ path: [], value: root.name, reason: `has root <${root.name}>, which is not a CEB message; expected CEBnnnMessage with one of ${MESSAGE_TYPES.join(', ')}.` }] };
  }
  const issues = rootIssues(root);
  const spec = messageSpec(type);
  const data = decodeContent(root, spec.children, [], { issues, skip: ROOT_SKIPS });
  const checked = messageSchema(spec).safeParse(data, { reportInput: true });
  if (!checked.success) {
    // A field the reader already refused (bad entity, nested elements) is not reported again as missing.
    const reported = new Set(issues.map((i) => JSON.stringify(i.path)));
    issues.push(...issuesFromZod(checked.error).filter((i) => !reported.has(JSON.stringify(i.path))));
  }
  if (requireSignature && declared(data) && !root.children.some((c) => localName(c.name) === 'Signature')) {
    issues.push({ path: ['Signature'], value: undefined, reason: 'is required because a record has appStatus 2 (declared); sign the message, or send it with appStatus 1 (saved).' });
  }
  const guid = attribute(root, 'guid') ?? '';
  return { message: { type: type as MessageType, guid, data }, issues };
}

function declared(data: MessageData): boolean {
  return Object.entries(data).some(([key, value]) =>
    key === 'appStatus' ? value === '2' : typeof value === 'object' && (Array.isArray(value) ? (value as MessageData[]) : [value as MessageData]).some(declared),
  );
}

function attribute(root: XmlElement, name: string): string | undefined {
  const raw = root.attributes[name];
  if (raw === undefined) return undefined;
  const decoded = decodeEntities(raw);
  return 'value' in decoded ? decoded.value : raw;
}

function rootIssues(root: XmlElement): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const colon = root.name.indexOf(':');
  const nsAttribute = colon < 0 ? 'xmlns' : `xmlns:${root.name.slice(0, colon)}`;
  const namespace = attribute(root, nsAttribute);
  if (namespace !== CEB_NAMESPACE) {
    issues.push({ path: [`@${nsAttribute}`], value: namespace, reason: `must be "${CEB_NAMESPACE}"; declare the CEB namespace on the root element.` });
  }
  const guid = attribute(root, 'guid');
  if (guid === undefined || !GUID.pattern.test(guid)) {
    issues.push({ path: ['@guid'], value: guid, reason: `must be ${GUID.hint}.` });
  }
  const version = attribute(root, 'version');
  if (version !== '1.0') issues.push({ path: ['@version'], value: version, reason: 'must be "1.0".' });
  return issues;
}
