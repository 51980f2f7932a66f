/** The part of an inventory-list declaration that import (CEB621) and export (CEB603) share. */
import type { InventoryList } from '../domain/model.js';
import type { Money } from '../money/money.js';
import { amountText, gmodelOf, cebDate, quantityText } from './map-common.js';

/**
 * Declaration facts an inventory list needs that the model does not hold: transport, packing,
 * and the legal first unit of each line (defaulting to the declared quantity and unit [M]).
 */
export interface ListDeclarationFacts {
  /** Transport mode code (trafMode), e.g. `5` air, `2` sea [P]. */
  readonly trafMode: string;
  /** Country of dispatch (import) or destination (export), customs code. */
  readonly country: string;
  readonly packNo: number;
  readonly grossWeightKg: Money;
  readonly netWeightKg: Money;
  /** Import/export date, epoch ms; defaults to the declaration date. */
  readonly ieDate?: number;
  readonly trafNo?: string;
  readonly voyageNo?: string;
  readonly billNo?: string;
  readonly loctNo?: string;
  readonly licenseNo?: string;
  readonly wrapType?: string;
  /** Legal first quantity and unit per line (by gnum), when they differ from the declared ones. */
  readonly firstUnits?: ReadonlyMap<number, { readonly qty1: Money; readonly unit1: string }>;
}

/** The transport, packing and line fields CEB621 and CEB603 share. */
export function listCommonFields(list: InventoryList, facts: ListDeclarationFacts) {
  return {
    head: {
      trafMode: facts.trafMode,
      trafNo: facts.trafNo,
      voyageNo: facts.voyageNo,
      billNo: facts.billNo,
      loctNo: facts.loctNo,
      licenseNo: facts.licenseNo,
      country: facts.country,
      wrapType: facts.wrapType,
      packNo: String(facts.packNo),
      grossWeight: quantityText(facts.grossWeightKg),
      netWeight: quantityText(facts.netWeightKg),
      ieDate: cebDate(facts.ieDate ?? list.declaredAt),
    },
    lines: list.lines.map((line) => {
      const first = facts.firstUnits?.get(line.gnum);
      return {
        gnum: String(line.gnum),
        itemRecordNo: line.goods.itemRecordNo,
        itemNo: line.goods.itemNo,
        itemName: line.goods.itemName,
        gcode: line.goods.hsCode,
        gname: line.goods.gname,
        gmodel: gmodelOf(line.goods),
        barCode: line.goods.barCode,
        country: line.goods.originCountry,
        currency: list.currency,
        qty: quantityText(line.quantity),
        unit: line.goods.unit,
        qty1: quantityText(first?.qty1 ?? line.quantity),
        unit1: first?.unit1 ?? line.goods.unit,
        price: amountText(line.unitPrice),
        totalPrice: amountText(line.totalPrice),
      };
    }),
  };
}
