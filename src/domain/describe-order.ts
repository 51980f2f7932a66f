import { allocate } from '../money/allocate.js';
import { formatCny, sum } from '../money/money.js';
import { currencyByCode } from './codes/index.js';
import type { Order } from './model.js';
import { printable } from './printable.js';

/**
 * A plain-text breakdown of an order (names shown with control characters escaped): lines with their share of freight and insurance
 * (largest-remainder allocation, so shares add up to the fen), and the order's totals.
 */
export function describeOrder(order: Order): string {
  const weights = order.lines.map((l) => l.totalPrice);
  const freight = allocate(order.freight, weights);
  const insurance = allocate(order.insurance, weights);
  const currency = currencyByCode(order.currency)?.iso ?? order.currency;
  const rows = order.lines.map((line, i) => {
    const dutiable = line.totalPrice.plus(freight[i]!).plus(insurance[i]!);
    return [String(line.gnum), line.goods.hsCode, printable(line.goods.itemName), line.quantity.toString(), formatCny(line.unitPrice), formatCny(line.totalPrice), formatCny(freight[i]!), formatCny(insurance[i]!), formatCny(dutiable)];
  });
  const header = ['#', 'HS code', 'item', 'qty', 'unit price', 'value', 'freight', 'insurance', 'dutiable'];
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const render = (r: string[]) => r.map((cell, c) => (c >= 3 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  const dutiableTotal = sum(order.lines.map((l) => l.totalPrice)).plus(order.freight).plus(order.insurance);
  return [
    `Order ${order.orderNo} (${order.tradeMode}, type ${order.orderType}, ${currency})`,
    `  platform ${printable(order.ebp.name)} [${order.ebp.code}], seller ${printable(order.ebc.name)} [${order.ebc.code}]`,
    ...(order.buyer ? [`  buyer ${printable(order.buyer.name)}, ID ${order.buyer.idNumber.slice(0, 6)}********${order.buyer.idNumber.slice(14)}`] : []),
    '',
    render(header),
    render(widths.map((w) => '-'.repeat(w))),
    ...rows.map(render),
    '',
    `  goods value   ${formatCny(order.goodsValue)}`,
    `  freight       ${formatCny(order.freight)}`,
    `  insurance     ${formatCny(order.insurance)}`,
    `  dutiable      ${formatCny(dutiableTotal)}`,
    `  discount      ${formatCny(order.discount)}`,
    `  tax withheld  ${formatCny(order.taxTotal)}`,
    `  paid          ${formatCny(order.actualPaid)}`,
    '',
  ].join('\n');
}
