/**
 * parseMessage and validateMessage: CEB XML from outside (text or bytes) to checked message data.
 * Liberal in what they accept: any encoding the declaration names, any prefix bound to the CEB
 * namespace or a default namespace, comments, CDATA, processing instructions, `xsi:` schema
 * locations, either specification version. Neither lets any error but a {@link MessageError}
 * (or a {@link LimitError} for limits that are not limits) escape.
 */
import { MessageError } from '../domain/errors.js';
import { businessIssues } from './business.js';
import { decodeContent } from './decode.js';
import { dataBytes, innerDxpMsg } from './dxp.js';
import { messageIssue, type IssueLevel, type MessageIssue } from './issues.js';
import { resolveLimits, type ParseLimits } from './limits.js';
import { isMessageType, MESSAGE_TYPES, messageSpec, messageTypesOf, type MessageType } from './registry.js';
import { schemaIssues } from './schema/check.js';
import { rootDeclaration } from './schema/declarations.js';
import type { MessageData, MessageSpec, SpecVersion } from './spec.js';
import { CEB_NAMESPACE } from './tables/common.js';
import { DXP_MSG, DXP_NAMESPACE, ENVELOPES } from './tables/dxp.js';
import { decodeXmlBytes } from './xml/decode-bytes.js';
import { readXml, type XmlElement } from './xml/read-xml.js';

/** A parsed CEB message; `buildMessage(parsed.type, parsed.data, parsed)` rebuilds it. */
export interface ParsedMessage {
  readonly type: MessageType;
  /** The specification version the message follows (2022-05 when it fits both). */
  readonly spec: SpecVersion;
  /** The root's guid attribute, as received. */
  readonly guid: string;
  /** The root's version attribute, as received (e.g. `1.0`, `v1.0`). */
  readonly version: string;
  /** The root's children by element name, as {@link buildMessage} takes them; the Signature as XML text. */
  readonly data: MessageData;
  /** Business-level findings (they never stop a parse); empty when parsed with `level: 'schema'`. */
  readonly issues: readonly MessageIssue[];
}

/** Options of {@link parseMessage} and {@link validateMessage}. */
export interface ParseOptions {
  /** Caps on size, depth, repetition and issues; each defaults to {@link DEFAULT_LIMITS} and may only be a whole number from 1 to its ceiling. */
  readonly limits?: Partial<ParseLimits>;
  /** `'business'` (default) adds the business checks to the schema check; `'schema'` reports only what the schema rejects. */
  readonly level?: IssueLevel;
  /** Check against this specification version only; by default the one the message fits (2022-05 when both). */
  readonly spec?: SpecVersion;
  /** Report a missing Signature when a record is declared (appStatus 2), as customs does (business level). */
  readonly requireSignature?: boolean;
}

/** XML text, or the bytes of a file (any encoding its declaration names). */
export type MessageInput = string | Uint8Array;

interface Outcome {
  readonly message?: ParsedMessage;
  readonly schema: readonly MessageIssue[];
  readonly business: readonly MessageIssue[];
  /** Set when the input is a DXP envelope rather than a CEB message. */
  readonly envelope?: string;
}

const unreadable = (reason: string, line?: number): Outcome => ({ schema: [messageIssue('schema', [], reason, undefined, line)], business: [] });

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function decodeInput(input: unknown, limits: ParseLimits): { text: string } | Outcome {
  if (typeof input === 'string') {
    if (input.length > limits.maxBytes || Buffer.byteLength(input, 'utf8') > limits.maxBytes) return unreadable(`is larger than the ${limits.maxBytes}-byte limit; split the message or raise limits.maxBytes`);
    const lone = LONE_SURROGATE.exec(input);
    if (lone) return unreadable(`holds a lone surrogate (U+${lone[0].charCodeAt(0).toString(16).toUpperCase()}) at character ${lone.index}, which is not text; the string was cut or mis-decoded`);
    return { text: input.replace(/^\ufeff/, '') };
  }
  if (!(input instanceof Uint8Array)) return unreadable(`must be XML text (a string) or bytes (a Uint8Array), not ${input === null ? 'null' : typeof input}`);
  if (input.length > limits.maxBytes) return unreadable(`is larger than the ${limits.maxBytes}-byte limit; split the message or raise limits.maxBytes`);
  const decoded = decodeXmlBytes(input);
  return 'text' in decoded ? { text: decoded.text } : unreadable(decoded.problem);
}

function messageTypeOf(root: XmlElement): MessageType | undefined {
  const type = /^(CEB\d{3})Message$/.exec(root.name)?.[1];
  return root.namespace === CEB_NAMESPACE && type !== undefined && isMessageType(type) ? type : undefined;
}

function attribute(root: XmlElement, name: string): string | undefined {
  return root.attributes.find((a) => a.namespace === '' && a.name === name)?.value;
}

function declaredAndUnsigned(data: MessageData): boolean {
  const declared = (value: unknown): boolean =>
    typeof value === 'object' && value !== null && Object.entries(value).some(([key, v]) => (key === 'appStatus' ? v === '2' : declared(v)));
  return declared(data) && data['Signature'] === undefined;
}

function versionsToTry(type: MessageType, wanted: SpecVersion | undefined): SpecVersion[] {
  if (wanted) return [wanted];
  return messageTypesOf('2018').includes(type) ? ['202205', '2018'] : ['202205'];
}

function inspect(root: XmlElement, type: MessageType, options: ParseOptions): Outcome {
  let best: { spec: MessageSpec; issues: MessageIssue[] } | undefined;
  for (const version of versionsToTry(type, options.spec)) {
    const spec = messageSpec(type, version);
    const issues = schemaIssues(root, rootDeclaration(spec, `${type}Message`));
    if (!best || issues.length < best.issues.length) best = { spec, issues };
    if (issues.length === 0) break;
  }
  const { spec, issues } = best!;
  const data = decodeContent(root, spec.children);
  const guid = attribute(root, 'guid') ?? '';
  const business = options.level === 'schema' ? [] : businessIssues(spec, data, guid);
  if (options.requireSignature && options.level !== 'schema' && declaredAndUnsigned(data)) {
    business.push(messageIssue('business', ['Signature'], 'is required because a record has appStatus 2 (declared); sign the message, or send it with appStatus 1 (saved)'));
  }
  const message: ParsedMessage = { type, spec: spec.version, guid, version: attribute(root, 'version') ?? '', data, issues: business };
  return { message, schema: issues, business };
}

const within =
  (prefix: readonly string[]) =>
  ({ line: _line, ...issue }: MessageIssue): MessageIssue => ({ ...issue, path: [...prefix, ...issue.path] });

/** An envelope's schema issues, then those of the message in its Data, and whether MsgType names that message. */
function envelopeOutcome(root: XmlElement, spec: MessageSpec, options: ParseOptions, limits: ParseLimits): Outcome {
  const schema = schemaIssues(root, rootDeclaration(spec, spec.type));
  const msg = innerDxpMsg(root);
  const business: MessageIssue[] = [];
  if (msg && schema.length === 0) {
    const data = decodeContent(msg, DXP_MSG.children);
    const prefix = msg === root ? ['Data'] : ['DxpMsg', 'Data'];
    const inner = read(dataBytes(data), options, limits, false);
    schema.push(...inner.schema.map(within(prefix)));
    business.push(...inner.business.map(within(prefix)));
    const msgType = (data['TransInfo'] as MessageData)['MsgType'];
    if (inner.message && msgType !== `${inner.message.type}Message`) {
      business.push(messageIssue('business', [...prefix.slice(0, -1), 'TransInfo', 'MsgType'], `must name the message in Data, ${inner.message.type}Message`, msgType));
    }
  }
  return { schema, business, envelope: root.name };
}

function read(input: unknown, options: ParseOptions, limits: ParseLimits, envelopes = true): Outcome {
  const decoded = decodeInput(input, limits);
  if (!('text' in decoded)) return decoded;
  const tree = readXml(decoded.text, limits);
  if ('problem' in tree) return unreadable(tree.problem, tree.line);
  const envelope = tree.root.namespace === DXP_NAMESPACE ? ENVELOPES[tree.root.name] : undefined;
  if (envelope && envelopes) return envelopeOutcome(tree.root, envelope, options, limits);
  const type = messageTypeOf(tree.root);
  if (type === undefined) {
    return unreadable(`has root <${tree.root.qname}> in namespace "${tree.root.namespace}", which is not a CEB message; expected CEBnnnMessage in ${CEB_NAMESPACE}, nnn a known type (${MESSAGE_TYPES[0]} to ${MESSAGE_TYPES.at(-1)})`, tree.root.line);
  }
  return inspect(tree.root, type, options);
}

function safely(input: unknown, options: ParseOptions): Outcome & { readonly limits: ParseLimits } {
  const limits = resolveLimits(options.limits);
  try {
    return { ...read(input, options, limits), limits };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ...unreadable(`could not be read (${detail}); please report this input as a cbec-sim bug`), limits };
  }
}

/**
 * Parses a CEB message of either specification version. Schema problems stop it; business
 * findings do not (they are in `issues`).
 *
 * @throws {@link MessageError} listing every schema problem (path, reason, line); {@link LimitError} for invalid limits
 * @example
 * ```ts
 * const { type, spec, guid, version, data } = parseMessage(readFileSync('CEB311.xml'));
 * const [order] = data['Order'] as MessageData[]; // lists are arrays, values are strings
 * ```
 */
export function parseMessage(input: MessageInput, options: ParseOptions = {}): ParsedMessage {
  const outcome = safely(input, options);
  if (outcome.envelope !== undefined) {
    throw new MessageError([messageIssue('schema', [], `is a DXP ${outcome.envelope} envelope, not a CEB message; open it with unwrapDxp and parse the message inside`)]);
  }
  if (outcome.message === undefined || outcome.schema.length > 0) throw new MessageError(outcome.schema.slice(0, outcome.limits.maxIssues));
  return outcome.message;
}

/**
 * Checks a CEB message and returns every problem found, each with its level; an empty list
 * means valid. At `level: 'schema'` it reports exactly what the official XSD rejects. Never
 * throws, except {@link LimitError} for limits that are not limits.
 *
 * @example
 * ```ts
 * for (const line of formatIssues(validateMessage(xml, { level: 'schema' }))) console.log(line);
 * ```
 */
export function validateMessage(input: MessageInput, options: ParseOptions = {}): readonly MessageIssue[] {
  const outcome = safely(input, options);
  const all = options.level === 'schema' ? outcome.schema : [...outcome.schema, ...outcome.business];
  return all.slice(0, outcome.limits.maxIssues);
}
