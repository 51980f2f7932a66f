/**
 * Conformance with the official CEB schemas, checked by a real XSD validator (xmllint).
 *
 *   npm run conformance -- <dir-with-xsds> [--mutations 600] [--seed 7]
 *
 * 1. Every message the library builds (one per type and specification version from the
 *    fixtures' data, and the messages the model mappings make of a simulated run's documents,
 *    with their receipts and DXP envelopes) must validate; every fixture must validate too.
 * 2. For each of them, `validateMessage(..., { level: 'schema' })` must find nothing.
 * 3. Mutations of valid messages (dropped, duplicated and swapped elements, values too long,
 *    codes outside their tables, emptied and padded values): the schema-level check must report
 *    an issue on exactly the lines where xmllint rejects the message, and none when it accepts.
 * Exits 1 on any failure, printing each one.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseMessage, validateMessage, type MessageType, type SpecVersion } from '../src/messages/index.js';
import { corpus, type Specimen } from './conformance/corpus.js';
import { mutants, seeded, type Mutant } from './conformance/mutations.js';
import { xmllint, type LintVerdict } from './conformance/xmllint.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
}

const xsdDir = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (!xsdDir) {
  console.error('usage: npm run conformance -- <dir-with-xsds> [--mutations N] [--seed N]');
  process.exit(2);
}
const SCHEMAS = ['import-2018.xsd', 'export-2018.xsd', 'import-202205.xsd', 'export-202205.xsd', 'terminal-202205.xsd', 'transfer-202205.xsd', 'xmldsig-core-schema.xsd'];
const missing = SCHEMAS.filter((f) => !existsSync(resolve(xsdDir, f)));
if (missing.length > 0) {
  console.error(`conformance: ${resolve(xsdDir)} lacks ${missing.join(', ')}; give the folder that holds the official CEB schemas.`);
  process.exit(2);
}
const seed = option('--seed', 20220615);
const mutationCount = option('--mutations', 600);
const work = mkdtempSync(join(tmpdir(), 'cbec-conformance-'));
const failures: string[] = [];
const started = process.hrtime.bigint();

function lintAll(items: readonly { file: string; schema: string }[]): Map<string, LintVerdict> {
  const bySchema = new Map<string, string[]>();
  for (const item of items) bySchema.set(item.schema, [...(bySchema.get(item.schema) ?? []), item.file]);
  const verdicts = new Map<string, LintVerdict>();
  for (const [schema, files] of bySchema) for (const [file, verdict] of xmllint(resolve(xsdDir!, schema), files)) verdicts.set(file, verdict);
  return verdicts;
}

const lineSet = (lines: readonly (number | undefined)[]) => [...new Set(lines.filter((l): l is number => l !== undefined))].sort((a, b) => a - b).join(',');

function checkCorpus(specimens: readonly Specimen[]): void {
  const files = specimens.map((s, i) => ({ ...s, file: join(work, `specimen-${i}.xml`) }));
  for (const f of files) writeFileSync(f.file, f.content);
  const verdicts = lintAll(files);
  for (const f of files) {
    const verdict = verdicts.get(f.file)!;
    if (!verdict.valid) failures.push(`${f.name}: xmllint rejects it (${f.schema}): ${verdict.errors.slice(0, 3).join(' | ')}`);
    const issues = validateMessage(f.content, { level: 'schema' });
    if (issues.length > 0) failures.push(`${f.name}: validateMessage at level 'schema' reports ${issues.map((i) => `${i.path.join('.')}: ${i.reason}`).join(' | ')}`);
  }
  const built = specimens.filter((s) => s.built).length;
  console.log(`messages: ${specimens.length} validated with xmllint (${built} built by the library, ${specimens.length - built} fixtures), ${files.filter((f) => verdicts.get(f.file)!.valid).length} valid`);
}

interface Tried extends Mutant {
  readonly name: string;
  readonly schema: string;
  readonly file: string;
}

function checkMutations(specimens: readonly Specimen[]): void {
  const rng = seeded(seed);
  const bases = specimens.filter((s) => s.built && s.schema.startsWith('import') || (s.built && s.schema.startsWith('export'))).filter((s) => typeof s.content === 'string');
  const perBase = Math.ceil(mutationCount / bases.length);
  const tried: Tried[] = [];
  for (const base of bases) {
    const parsed = parseMessage(base.content, { level: 'schema' });
    const spec = /-(2018|202205)\.xsd$/.exec(base.schema)![1] as SpecVersion;
    for (const m of mutants(base.content as string, parsed.type as MessageType, spec, perBase, rng)) {
      const file = join(work, `mutant-${tried.length}.xml`);
      writeFileSync(file, m.xml);
      tried.push({ ...m, name: base.name, schema: base.schema, file });
    }
  }
  const verdicts = lintAll(tried);
  let agree = 0;
  let rejected = 0;
  const byKind = new Map<string, { tried: number; rejected: number }>();
  for (const m of tried) {
    const verdict = verdicts.get(m.file)!;
    const spec = /-(2018|202205)\.xsd$/.exec(m.schema)![1] as SpecVersion;
    const issues = validateMessage(m.xml, { level: 'schema', spec });
    const theirs = verdict.valid ? '' : lineSet(verdict.lines);
    const ours = lineSet(issues.map((i) => i.line));
    const same = verdict.valid === (issues.length === 0) && theirs === ours;
    const kind = byKind.get(m.kind) ?? { tried: 0, rejected: 0 };
    byKind.set(m.kind, { tried: kind.tried + 1, rejected: kind.rejected + (verdict.valid ? 0 : 1) });
    if (!verdict.valid) rejected++;
    if (same) agree++;
    else failures.push(`${m.name}: ${m.description}: xmllint ${verdict.valid ? 'accepts' : `rejects lines ${theirs} (${verdict.errors.join(' | ')})`}; validateMessage reports lines ${ours || 'none'} (${issues.map((i) => `${i.path.join('.')}: ${i.reason}`).join(' | ')})`);
  }
  console.log(`mutations: ${tried.length} tried (seed ${seed}), ${rejected} rejected by xmllint, ${agree} in agreement (${((agree / tried.length) * 100).toFixed(1)}%)`);
  console.log(`  by kind: ${[...byKind].map(([k, v]) => `${k} ${v.tried} (${v.rejected} rejected)`).join(', ')}`);
}

try {
  const specimens = corpus(seed);
  checkCorpus(specimens);
  checkMutations(specimens);
} finally {
  rmSync(work, { recursive: true, force: true });
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (failures.length > 0) {
  console.error(`\n${failures.length} conformance failure(s):`);
  for (const f of failures.slice(0, 50)) console.error(`  - ${f.slice(0, 1200)}`);
  process.exit(1);
}
console.log(`conformance: ok in ${seconds.toFixed(1)} s`);
