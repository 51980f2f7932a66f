/**
 * Supervision modes (监管方式代码): every mode of the customs table, with the start date of the
 * CBEC modes.
 *
 * Source: the customs supervision-mode code table (JGS-20 code set), 98 codes, as listed in the
 * repository ryanrong95/HXT (no licence stated; the codes are facts of the customs code set),
 * written before 2020; 9710 and 9810 are added from GACC Announcement 2020 No.75. English names
 * are this project's.
 */
import type { CodeName } from './code-name.js';
import { CBEC_MODE_STARTS } from './cbec-modes.js';
import { codeLookup } from './lookup.js';

/** A supervision mode. */
export interface SupervisionMode extends CodeName {
  /** First day in force (`'YYYY-MM-DD'`, Asia/Shanghai), for the CBEC modes. */
  readonly from?: string;
}

/** Every supervision mode of the customs table (100 rows, 9710 and 9810 included). */
export const SUPERVISION_MODES: readonly SupervisionMode[] = [
  { code: '0110', zh: '一般贸易', name: 'general trade' },
  { code: '0130', zh: '易货贸易', name: 'barter trade' },
  { code: '0200', zh: '料件销毁', name: 'destruction of materials' },
  { code: '0214', zh: '来料加工', name: 'processing with supplied materials' },
  { code: '0245', zh: '来料料件内销', name: 'supplied materials sold domestically' },
  { code: '0255', zh: '来料深加工', name: 'deep processing of supplied materials' },
  { code: '0258', zh: '来料余料结转', name: 'carry-over of leftover supplied materials' },
  { code: '0265', zh: '来料料件复出', name: 're-export of supplied materials' },
  { code: '0300', zh: '来料料件退换', name: 'exchange of supplied materials' },
  { code: '0314', zh: '加工专用油', name: 'special oil for processing' },
  { code: '0320', zh: '不作价设备', name: 'equipment supplied free of charge' },
  { code: '0345', zh: '来料成品减免', name: 'tax-reduced finished goods from supplied materials' },
  { code: '0400', zh: '边角料销毁', name: 'destruction of scraps' },
  { code: '0420', zh: '加工贸易设备', name: 'processing-trade equipment' },
  { code: '0444', zh: '保区进料成品', name: 'bonded-area finished goods from imported materials' },
  { code: '0445', zh: '保区来料成品', name: 'bonded-area finished goods from supplied materials' },
  { code: '0446', zh: '加工设备内销', name: 'processing equipment sold domestically' },
  { code: '0456', zh: '加工设备结转', name: 'carry-over of processing equipment' },
  { code: '0466', zh: '加工设备退运', name: 'return of processing equipment' },
  { code: '0500', zh: '减免设备结转', name: 'carry-over of tax-reduced equipment' },
  { code: '0513', zh: '补偿贸易', name: 'compensation trade' },
  { code: '0544', zh: '保区进料料件', name: 'bonded-area imported materials' },
  { code: '0545', zh: '保区来料料件', name: 'bonded-area supplied materials' },
  { code: '0615', zh: '进料对口', name: 'processing with imported materials (matched)' },
  { code: '0642', zh: '进料以产顶进', name: 'imported materials, product substitution' },
  { code: '0644', zh: '进料料件内销', name: 'imported materials sold domestically' },
  { code: '0654', zh: '进料深加工', name: 'deep processing of imported materials' },
  { code: '0657', zh: '进料余料结转', name: 'carry-over of leftover imported materials' },
  { code: '0664', zh: '进料料件复出', name: 're-export of imported materials' },
  { code: '0700', zh: '进料料件退换', name: 'exchange of imported materials' },
  { code: '0715', zh: '进料非对口', name: 'processing with imported materials (unmatched)' },
  { code: '0744', zh: '进料成品减免', name: 'tax-reduced finished goods from imported materials' },
  { code: '0815', zh: '低值辅料', name: 'low-value auxiliary materials' },
  { code: '0844', zh: '进料边角料内销', name: 'scraps of imported materials sold domestically' },
  { code: '0845', zh: '来料边角料内销', name: 'scraps of supplied materials sold domestically' },
  { code: '0864', zh: '进料边角料复出', name: 're-export of scraps of imported materials' },
  { code: '0865', zh: '来料边角料复出', name: 're-export of scraps of supplied materials' },
  { code: '1039', zh: '市场采购', name: 'market procurement' },
  { code: '1139', zh: '国轮油物料', name: 'supplies for Chinese vessels' },
  { code: '1200', zh: '保税间货物', name: 'goods between bonded sites' },
  { code: '1210', zh: '保税电商', name: 'bonded cross-border e-commerce', from: CBEC_MODE_STARTS['1210'] },
  { code: '1215', zh: '保税工厂', name: 'bonded factory' },
  { code: '1233', zh: '保税仓库货物', name: 'bonded warehouse goods' },
  { code: '1234', zh: '保税区仓储转口', name: 'bonded-area warehousing and re-export' },
  { code: '1239', zh: '保税电商A', name: 'bonded cross-border e-commerce A', from: CBEC_MODE_STARTS['1239'] },
  { code: '1300', zh: '修理物品', name: 'goods for repair' },
  { code: '1371', zh: '保税维修', name: 'bonded repair' },
  { code: '1427', zh: '出料加工', name: 'outward processing' },
  { code: '1500', zh: '租赁不满1年', name: 'lease under one year' },
  { code: '1523', zh: '租赁贸易', name: 'lease trade' },
  { code: '1616', zh: '寄售代销', name: 'consignment sales' },
  { code: '1741', zh: '免税品', name: 'duty-free goods' },
  { code: '1831', zh: '外汇商品', name: 'foreign-exchange goods' },
  { code: '2025', zh: '合资合作设备', name: 'joint-venture equipment' },
  { code: '2210', zh: '对外投资', name: 'outward investment' },
  { code: '2225', zh: '外资设备物品', name: 'equipment and articles of foreign-invested enterprises' },
  { code: '2439', zh: '常驻机构公用', name: 'public-use articles of resident offices' },
  { code: '2600', zh: '暂时进出货物', name: 'temporary imports and exports' },
  { code: '2700', zh: '展览品', name: 'exhibits' },
  { code: '2939', zh: '陈列样品', name: 'display samples' },
  { code: '3010', zh: '货样广告品', name: 'samples and advertising material' },
  { code: '3100', zh: '无代价抵偿', name: 'replacement free of charge' },
  { code: '3339', zh: '其他进出口免费', name: 'other free imports and exports' },
  { code: '3410', zh: '承包工程进口', name: 'imports for contracted projects' },
  { code: '3422', zh: '对外承包出口', name: 'exports for overseas contracted projects' },
  { code: '3511', zh: '援助物资', name: 'aid materials' },
  { code: '3611', zh: '无偿军援', name: 'free military aid' },
  { code: '3612', zh: '捐赠物资', name: 'donated materials' },
  { code: '3910', zh: '军事装备', name: 'military equipment' },
  { code: '4019', zh: '边境小额', name: 'small-scale border trade' },
  { code: '4039', zh: '对台小额', name: 'small-scale trade with Taiwan' },
  { code: '4139', zh: '对台小额商品交易市场', name: 'small-scale trade markets with Taiwan' },
  { code: '4200', zh: '驻外机构运回', name: 'goods shipped back by offices abroad' },
  { code: '4239', zh: '驻外机构购进', name: 'purchases by offices abroad' },
  { code: '4400', zh: '来料成品退换', name: 'exchange of finished goods from supplied materials' },
  { code: '4500', zh: '直接退运', name: 'direct return' },
  { code: '4539', zh: '进口溢误卸', name: 'over-landed or mis-landed imports' },
  { code: '4561', zh: '退运货物', name: 'returned goods' },
  { code: '4600', zh: '进料成品退换', name: 'exchange of finished goods from imported materials' },
  { code: '5000', zh: '料件进出区', name: 'materials into or out of a special zone' },
  { code: '5010', zh: '特殊区域研发货物', name: 'R&D goods of a special zone' },
  { code: '5014', zh: '区内来料加工', name: 'processing with supplied materials in a zone' },
  { code: '5015', zh: '区内进料加工货物', name: 'processing with imported materials in a zone' },
  { code: '5033', zh: '区内仓储货物', name: 'warehoused goods in a zone' },
  { code: '5034', zh: '区内物流货物', name: 'logistics goods in a zone' },
  { code: '5100', zh: '成品进出区', name: 'finished goods into or out of a zone' },
  { code: '5300', zh: '设备进出区', name: 'equipment into or out of a zone' },
  { code: '5335', zh: '境外设备进区', name: 'foreign equipment into a zone' },
  { code: '5361', zh: '区内设备退运', name: 'return of zone equipment' },
  { code: '6033', zh: '物流中心进出境货物', name: 'entry and exit goods of a logistics centre' },
  { code: '9600', zh: '内贸货物跨境运输', name: 'cross-border transport of domestic trade goods' },
  { code: '9610', zh: '电子商务', name: 'cross-border e-commerce', from: CBEC_MODE_STARTS['9610'] },
  { code: '9710', zh: '跨境电商B2B直接出口', name: 'cross-border e-commerce B2B direct export', from: CBEC_MODE_STARTS['9710'] },
  { code: '9639', zh: '海关处理货物', name: 'goods disposed of by customs' },
  { code: '9700', zh: '后续补税', name: 'subsequent tax payment' },
  { code: '9739', zh: '其他贸易', name: 'other trade' },
  { code: '9810', zh: '跨境电商出口海外仓', name: 'cross-border e-commerce export to an overseas warehouse', from: CBEC_MODE_STARTS['9810'] },
  { code: '9800', zh: '租赁征税', name: 'lease with tax' },
  { code: '9839', zh: '留赠转卖物品', name: 'articles left, donated or resold' },
  { code: '9900', zh: '其他', name: 'other' },
];

/**
 * The supervision mode for a four-digit code (`'9710'`); `undefined` when the table has no such code.
 *
 * @example
 * ```ts
 * supervisionModeByCode('9710')?.from; // '2020-07-01'
 * ```
 */
export const supervisionModeByCode: (code: string) => SupervisionMode | undefined = /* @__PURE__ */ codeLookup(SUPERVISION_MODES, (m) => [m.code]);
