/**
 * The business-level check, on data the schema accepts: each field in its format (code tables,
 * identifiers, real dates, the upper-case guid the real system issues), amounts not negative,
 * resident ID numbers with their check digit, and the consistency of heads and lines (line
 * totals, order totals, tax-bill totals, line numbers 1..n, message sequence numbers).
 */
import { residentIdProblem } from '../domain/resident-id.js';
import { MoneyDecimal, type Money } from '../money/money.js';
import { GUID } from './formats.js';
import { messageIssue, type MessageIssue } from './issues.js';
import { isRepeated, type ElementSpec, type FieldSpec, type MessageData, type MessageSpec } from './spec.js';

type Path = readonly (string | number)[];

/** Largest difference between a line total and quantity times price: rounding to the fen. */
const LINE_TOLERANCE = new MoneyDecimal('0.01');

function amount(value: unknown): Money | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return new MoneyDecimal(value.trim());
  } catch {
    return undefined;
  }
}

function fieldIssues(field: FieldSpec, value: string, path: Path, out: MessageIssue[]): void {
  if (value === '' && field.minOccurs === 0) return;
  const format = field.format;
  if (format && (!format.pattern.test(value) || (format.check !== undefined && !format.check(value)))) {
    out.push(messageIssue('business', path, `must be ${format.hint}`, value));
  }
  if (field.type.base === 'decimal' && amount(value)?.isNegative()) out.push(messageIssue('business', path, 'must not be negative', value));
}

function idNumberIssues(node: MessageData, path: Path, out: MessageIssue[]): void {
  for (const who of ['buyer', 'payer']) {
    const number = node[`${who}IdNumber`];
    if (node[`${who}IdType`] !== '1' || typeof number !== 'string') continue;
    const problem = residentIdProblem(number);
    if (problem) out.push(messageIssue('business', [...path, `${who}IdNumber`], `is a resident ID number (${who}IdType 1) that ${problem.replace(/^must/, 'should')}`, number));
  }
}

function lineTotalIssues(node: MessageData, path: Path, out: MessageIssue[]): void {
  const [qty, price, total] = [amount(node['qty']), amount(node['price']), amount(node['totalPrice'])];
  if (!qty || !price || !total) return;
  if (qty.times(price).minus(total).abs().greaterThan(LINE_TOLERANCE)) {
    out.push(messageIssue('business', [...path, 'totalPrice'], `must equal qty × price (${qty.toString()} × ${price.toString()} = ${qty.times(price).toString()})`, node['totalPrice']));
  }
}

function sumOf(lines: readonly MessageData[], name: string): Money | undefined {
  let total = new MoneyDecimal(0);
  for (const line of lines) {
    const value = amount(line[name]);
    if (!value) return undefined;
    total = total.plus(value);
  }
  return total;
}

function totalIssue(head: MessageData, name: string, expected: Money | undefined, what: string, path: Path, out: MessageIssue[]): void {
  const given = amount(head[name]);
  if (given && expected && !given.equals(expected)) out.push(messageIssue('business', [...path, name], `must equal ${what} (${expected.toString()})`, head[name]));
}

function headLineIssues(node: MessageData, path: Path, out: MessageIssue[]): void {
  const pairs: [string, string][] = [
    ['OrderHead', 'OrderList'],
    ['TaxHeadRd', 'TaxListRd'],
  ];
  for (const [headName, listName] of pairs) {
    const head = node[headName] as MessageData | undefined;
    const lines = node[listName] as readonly MessageData[] | undefined;
    if (!head || !lines) continue;
    const headPath = [...path, headName];
    if (headName === 'OrderHead') totalIssue(head, 'goodsValue', sumOf(lines, 'totalPrice'), `the sum of the ${listName} totalPrice values`, headPath, out);
    else for (const tax of ['customsTax', 'valueAddedTax', 'consumptionTax']) totalIssue(head, tax, sumOf(lines, tax), `the sum of the ${listName} ${tax} values`, headPath, out);
  }
  const [goods, freight, tax, discount] = ['goodsValue', 'freight', 'taxTotal', 'discount'].map((n) => amount(node[n]));
  if (goods && freight && tax && discount && node['acturalPaid'] !== undefined) {
    totalIssue(node, 'acturalPaid', goods.plus(freight).plus(tax).minus(discount), 'goodsValue + freight + taxTotal - discount', path, out);
  }
  const [count, seq] = [amount(node['msgCount']), amount(node['msgSeqNo'])];
  if (count && seq && seq.greaterThan(count)) out.push(messageIssue('business', [...path, 'msgSeqNo'], `must not exceed msgCount (${count.toString()})`, node['msgSeqNo']));
}

function lineNumberIssues(lines: readonly MessageData[], path: Path, out: MessageIssue[]): void {
  lines.forEach((line, i) => {
    const gnum = line['gnum'];
    if (typeof gnum === 'string' && gnum.trim() !== String(i + 1)) {
      out.push(messageIssue('business', [...path, i, 'gnum'], `must be ${i + 1}: line numbers run 1, 2, 3 … in document order`, gnum));
    }
  });
}

/** Lists whose gnum quotes another document's line number instead of counting 1..n. */
const UNNUMBERED: ReadonlySet<string> = new Set(['InvtRefundList', 'SummaryResultList']);

function walk(children: readonly ElementSpec[], data: MessageData, path: Path, out: MessageIssue[]): void {
  for (const child of children) {
    const value = data[child.name];
    if (value === undefined || child.kind === 'xml') continue;
    const entries = (isRepeated(child) ? value : [value]) as readonly (string | MessageData)[];
    entries.forEach((entry, i) => {
      const at = isRepeated(child) ? [...path, child.name, i] : [...path, child.name];
      if (child.kind === 'field') {
        fieldIssues(child, typeof entry === 'string' ? entry : ((entry['#text'] as string | undefined) ?? ''), at, out);
        return;
      }
      const node = entry as MessageData;
      walk(child.children, node, at, out);
      idNumberIssues(node, at, out);
      lineTotalIssues(node, at, out);
      headLineIssues(node, at, out);
    });
    if (child.kind === 'node' && isRepeated(child) && !UNNUMBERED.has(child.name) && child.children.some((c) => c.name === 'gnum')) {
      lineNumberIssues(entries as readonly MessageData[], [...path, child.name], out);
    }
  }
}

/**
 * The business issues of message data the schema accepts.
 *
 * @param guid - the root's guid attribute, checked as the upper-case UUID the real system issues
 * @example
 * ```ts
 * businessIssues(messageSpec('CEB311'), parsed.data, parsed.guid);
 * ```
 */
export function businessIssues(spec: MessageSpec, data: MessageData, guid: string | undefined): MessageIssue[] {
  const out: MessageIssue[] = [];
  if (guid !== undefined && !GUID.pattern.test(guid)) out.push(messageIssue('business', ['@guid'], `must be ${GUID.hint}`, guid));
  walk(spec.children, data, [], out);
  return out;
}
