/**
 * The generated half of the conformance check: random instances of every message type of both
 * specification versions and of the DXP envelopes, made from the official schemas themselves
 * (./xsd, ./generate), never from the library's tables. xmllint judges each one; every instance it
 * accepts must parse, validate at level 'schema' with no issue, give the data the schema and the
 * instance say (./generate/expected.ts), round-trip (parse, build, parse: the same data, guid,
 * version and specification) and rebuild as XML xmllint accepts.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildMessage, parseMessage, validateMessage, type MessageIssue, type SpecVersion } from '../../src/messages/index.js';
import { compareData, expectedData } from './generate/expected.js';
import { generateInstance, type GenElement, type Overrides } from './generate/instance.js';
import { Random } from './generate/random.js';
import { writeInstance, type Written } from './generate/write.js';
import type { LintVerdict } from './xmllint.js';
import { key, type ElementDecl, type Schema } from './xsd/model.js';
import { readSchemas } from './xsd/read-xsd.js';

const CEB = 'http://www.chinaport.gov.cn/ceb';
const DXP = 'http://www.chinaport.gov.cn/dxp';
const CEB_SCHEMAS = ['import-2018.xsd', 'export-2018.xsd', 'import-202205.xsd', 'export-202205.xsd'];
const ENVELOPES: readonly [string, string][] = [['terminal-202205.xsd', 'DxpMsg'], ['terminal-202205.xsd', 'DxpRep'], ['transfer-202205.xsd', 'DxpMsgSv']];

/** One generated file. */
interface Instance {
  /** e.g. `import-2018.xsd/CEB311Message#12`. */
  readonly id: string;
  readonly schema: string;
  readonly root: GenElement;
  readonly written: Written;
  readonly file: string;
  /** The CEB instance a DXP envelope carries in Data. */
  readonly payload?: Instance;
}

/** Lints files against their schemas, in batches (see ./xmllint.ts). */
export type Lint = (items: readonly { file: string; schema: string }[]) => Map<string, LintVerdict>;

/** Figures of one root element. */
interface Tally {
  generated: number;
  accepted: number;
  failed: number;
}

/** What the generated check found. */
export interface GeneratedReport {
  readonly tallies: ReadonlyMap<string, Tally>;
  readonly failures: readonly string[];
  /** Why xmllint rejected the instances it rejected, with counts. */
  readonly rejections: ReadonlyMap<string, number>;
  /** Seconds spent generating and writing, in xmllint, and checking with the library. */
  readonly seconds: { readonly generate: number; readonly lint: number; readonly check: number };
}

interface Run {
  readonly rng: Random;
  readonly work: string;
  readonly lint: Lint;
  readonly keep: string | undefined;
  readonly tallies: Map<string, Tally>;
  readonly failures: string[];
  readonly rejections: Map<string, number>;
  readonly seconds: { generate: number; lint: number; check: number };
}

/** Runs `work`, adding the seconds it takes to `phase`. */
function timed<T>(run: Run, phase: 'generate' | 'lint' | 'check', work: () => T): T {
  const start = process.hrtime.bigint();
  try {
    return work();
  } finally {
    run.seconds[phase] += Number(process.hrtime.bigint() - start) / 1e9;
  }
}

function tally(run: Run, id: string): Tally {
  const name = id.replace(/#\d+$/, '');
  let t = run.tallies.get(name);
  if (!t) run.tallies.set(name, (t = { generated: 0, accepted: 0, failed: 0 }));
  return t;
}

/** Values to put in some elements of one instance, and the CEB instance they made it carry, if any. */
interface Filling {
  readonly overrides: Overrides;
  readonly carried: () => Instance | undefined;
}

function generate(run: Run, schema: string, decl: ElementDecl, count: number, fill?: (rng: Random) => Filling): Instance[] {
  const out: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const rng = new Random(run.rng.seed());
    const filling = fill?.(rng);
    const [root, written] = timed(run, 'generate', () => {
      const tree = generateInstance(rng, decl, filling?.overrides);
      return [tree, writeInstance(rng, tree, decl.namespace)] as const;
    });
    const id = `${schema}/${decl.name}#${i}`;
    const file = join(run.work, `gen-${schema.replace('.xsd', '')}-${decl.name}-${i}.xml`);
    writeFileSync(file, written.bytes);
    const payload = filling?.carried();
    out.push({ id, schema, root, written, file, ...(payload ? { payload } : {}) });
    tally(run, id).generated++;
  }
  return out;
}

/** Why xmllint rejects an instance, its values left out: `element gnum: ... is not a valid value of the atomic type`. */
function reason(error: string): string {
  // A value over several lines prints its first line only: its quote is left open.
  return error.replace(/'[^']*'/g, '…').replace(/"[^"]*"/g, '…').replace(/'[^']*$/, '… (a value over several lines)').slice(0, 110);
}

function accepted(run: Run, instances: readonly Instance[]): Instance[] {
  const verdicts = timed(run, 'lint', () => run.lint(instances));
  for (const i of instances) {
    const verdict = verdicts.get(i.file)!;
    if (verdict.valid) continue;
    const why = reason(verdict.errors[0] ?? 'no reason given');
    run.rejections.set(why, (run.rejections.get(why) ?? 0) + 1);
  }
  return instances.filter((i) => verdicts.get(i.file)!.valid);
}

const thrown = (e: unknown) => {
  const issues = (e as { issues?: readonly MessageIssue[] }).issues;
  return issues ? describeIssues(issues) : (e as Error).message.slice(0, 300);
};

const describeIssues = (issues: readonly MessageIssue[]) => issues.slice(0, 4).map((i) => `${i.path.join('.')}: ${i.reason}${i.line ? ` (line ${i.line})` : ''}`).join(' | ');

function attribute(el: GenElement, name: string): string {
  return el.attributes.find((a) => a.namespace === '' && a.name === name)?.value ?? '';
}

/** The type, guid and version parseMessage should report. */
function expectedHeader(instance: Instance): { type: string; guid: string; version: string } {
  const root = instance.root;
  if (root.namespace === CEB) return { type: root.name.replace(/Message$/, ''), guid: attribute(root, 'guid'), version: attribute(root, 'version') };
  const inner = instance.payload?.root;
  return { type: root.name, guid: inner ? attribute(inner, 'guid') : '', version: inner ? attribute(inner, 'version') : '' };
}

/** A rebuilt message to lint: the schema of the version it was parsed as. */
interface Rebuilt {
  readonly instance: Instance;
  readonly file: string;
  readonly schema: string;
}

function check(instance: Instance, rebuilt: Rebuilt[]): string[] {
  const problems: string[] = [];
  const { bytes } = instance.written;
  let parsed: ReturnType<typeof parseMessage>;
  try {
    parsed = parseMessage(bytes);
  } catch (e) {
    return [`parseMessage throws: ${thrown(e)}`];
  }
  const schemaIssues = validateMessage(bytes, { level: 'schema' });
  if (schemaIssues.length > 0) problems.push(`validateMessage at level 'schema' reports ${describeIssues(schemaIssues)}`);
  // Checked against the version it was generated from too: a check too strict for one version must not hide behind the other.
  const own = /(2018|202205)\.xsd$/.exec(instance.schema)?.[1] as SpecVersion;
  const ownIssues = instance.root.namespace === CEB && schemaIssues.length === 0 ? validateMessage(bytes, { level: 'schema', spec: own }) : [];
  if (ownIssues.length > 0) problems.push(`validateMessage at level 'schema' with { spec: '${own}' } reports ${describeIssues(ownIssues)}`);
  validateMessage(bytes);
  const header = expectedHeader(instance);
  const got = { type: parsed.type, guid: parsed.guid, version: parsed.version };
  if (!isDeepStrictEqual(got, header)) problems.push(`parseMessage reports ${JSON.stringify(got)}, expected ${JSON.stringify(header)}`);
  problems.push(...compareData(parsed.data, expectedData(instance.root, instance.root.namespace !== CEB)).slice(0, 5));
  let xml: string;
  try {
    xml = buildMessage(parsed.type, parsed.data, parsed);
  } catch (e) {
    return [...problems, `buildMessage refuses the parsed data: ${thrown(e)}`];
  }
  try {
    const again = parseMessage(xml);
    if (!isDeepStrictEqual(again.data, parsed.data)) problems.push(`parse, build, parse gives other data: ${compareData(again.data, parsed.data as never).slice(0, 3).join(' | ') || 'XML kept differently'}`);
    const before = { guid: parsed.guid, version: parsed.version, spec: parsed.spec };
    const after = { guid: again.guid, version: again.version, spec: again.spec };
    if (!isDeepStrictEqual(before, after)) problems.push(`parse, build, parse changes ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
  } catch (e) {
    problems.push(`the rebuilt message does not parse: ${thrown(e)}`);
  }
  const file = `${instance.file}.rebuilt.xml`;
  writeFileSync(file, xml);
  const schema = instance.root.namespace === CEB ? instance.schema.replace(/(2018|202205)/, parsed.spec) : instance.schema;
  rebuilt.push({ instance, file, schema });
  return problems;
}

function fail(run: Run, instance: Instance, problems: readonly string[]): void {
  if (!run.failures.some((f) => f.startsWith(`${instance.id} (`))) tally(run, instance.id).failed++;
  const saved = run.keep ? `, kept as ${join(run.keep, `${instance.id.replace(/[/#]/g, '-')}.xml`)}` : '';
  if (run.keep) writeFileSync(join(run.keep, `${instance.id.replace(/[/#]/g, '-')}.xml`), instance.written.bytes);
  for (const p of problems) run.failures.push(`${instance.id} (${instance.written.description}${saved}): ${p}`);
}

/** An envelope's Data mostly carries one of the accepted CEB instances (base64, at times over lines), its MsgType mostly naming it. */
function carrying(payloads: readonly Instance[]): (rng: Random) => Filling {
  return (rng) => {
    const payload = payloads.length > 0 && rng.chance(0.85) ? rng.pick(payloads) : undefined;
    let used = false;
    const overrides: Overrides = (decl) => {
      if (decl.namespace !== DXP || !payload) return undefined;
      if (decl.name === 'Data') {
        used = true;
        const base64 = Buffer.from(payload.written.bytes).toString('base64');
        return rng.chance(0.3) ? (base64.match(/.{1,76}/g) ?? []).join(rng.pick(['\n', '\r\n'])) : base64;
      }
      return decl.name === 'MsgType' && rng.chance(0.9) ? payload.root.name : undefined;
    };
    return { overrides, carried: () => (used ? payload : undefined) };
  };
}

function rootsOf(schema: Schema): ElementDecl[] {
  return [...schema.elements.values()].filter((d) => d.namespace === CEB && /^CEB\d{3}Message$/.test(d.name));
}

/**
 * Generates `count` instances (seeded), lints them and checks every accepted one.
 *
 * @param keep - a folder to save the instances that disagree in, when given
 */
export function checkGenerated(xsdDir: string, options: { seed: number; count: number; work: string; lint: Lint; keep?: string }): GeneratedReport {
  const run: Run = { rng: new Random(options.seed), work: options.work, lint: options.lint, keep: options.keep, tallies: new Map(), failures: [], rejections: new Map(), seconds: { generate: 0, lint: 0, check: 0 } };
  const ceb = CEB_SCHEMAS.flatMap((schema) => rootsOf(readSchemas([resolve(xsdDir, schema)])).map((decl) => ({ schema, decl })));
  const perRoot = Math.max(1, Math.round((options.count * 0.9) / ceb.length));
  const messages = accepted(run, ceb.flatMap(({ schema, decl }) => generate(run, schema, decl, perRoot)));
  const envelopes = ENVELOPES.flatMap(([schema, name]) => {
    const decl = readSchemas([resolve(xsdDir, schema)]).elements.get(key(DXP, name))!;
    return generate(run, schema, decl, Math.max(1, Math.round((options.count * 0.1) / ENVELOPES.length)), carrying(messages));
  });
  const rebuilt: Rebuilt[] = [];
  for (const instance of [...messages, ...accepted(run, envelopes)]) {
    tally(run, instance.id).accepted++;
    const problems = timed(run, 'check', () => check(instance, rebuilt));
    if (problems.length > 0) fail(run, instance, problems);
  }
  const verdicts = timed(run, 'lint', () => run.lint(rebuilt));
  for (const r of rebuilt) {
    const verdict = verdicts.get(r.file)!;
    if (!verdict.valid) fail(run, r.instance, [`the rebuilt message is rejected by xmllint (${r.schema}): ${verdict.errors.slice(0, 3).join(' | ')}`]);
  }
  return { tallies: run.tallies, failures: run.failures, rejections: run.rejections, seconds: run.seconds };
}

const sum = (tallies: Iterable<Tally>): Tally =>
  [...tallies].reduce((a, t) => ({ generated: a.generated + t.generated, accepted: a.accepted + t.accepted, failed: a.failed + t.failed }), { generated: 0, accepted: 0, failed: 0 });

/** The figures: in all, per schema with each root's accepted/generated, and why xmllint rejected the rest. */
export function generatedSummary(report: GeneratedReport, seed: number): string[] {
  const schemas = [...new Set([...report.tallies.keys()].map((id) => id.slice(0, id.indexOf('/'))))];
  const total = sum(report.tallies.values());
  const { generate, lint, check } = report.seconds;
  const lines = [
    `generated: ${total.generated} instances from the schemas (seed ${seed}), ${total.accepted} accepted by xmllint, ${total.failed} with a disagreement`,
    `  time: ${generate.toFixed(1)} s generating, ${lint.toFixed(1)} s in xmllint (instances and rebuilt messages), ${check.toFixed(1)} s checking`,
  ];
  for (const schema of schemas) {
    const roots = [...report.tallies].filter(([id]) => id.startsWith(`${schema}/`));
    const t = sum(roots.map(([, r]) => r));
    lines.push(`  ${schema}: ${roots.length} types, ${t.accepted}/${t.generated} accepted, ${t.failed} disagreeing`);
    const cells = roots.map(([id, r]) => `${id.slice(schema.length + 1).replace(/Message$/, '')} ${r.accepted}/${r.generated}${r.failed > 0 ? ` (${r.failed} disagreeing)` : ''}`);
    for (let i = 0; i < cells.length; i += 10) lines.push(`    ${cells.slice(i, i + 10).join(', ')}`);
  }
  const reasons = [...report.rejections].sort((a, b) => b[1] - a[1]);
  lines.push(`  rejected by xmllint, most often: ${reasons.slice(0, 5).map(([why, n]) => `${n}× ${why}`).join('; ') || 'none'}`);
  return lines;
}
