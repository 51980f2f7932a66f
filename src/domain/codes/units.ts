/**
 * Units of measure (计量单位代码): the customs three-digit unit codes of declarations and CEB
 * lists, with the UN/ECE Recommendation 20 code where the unit is a measure that has one.
 *
 * Source: the customs unit code table (JGS-20 code set), 123 codes from 001 to 164, as listed in
 * the repository ryanrong95/HXT (no licence stated; the codes are facts of the customs code set).
 * Gaps in the numbering (024, 064-066, ...) are codes the table does not assign. English names
 * and UN/ECE codes are this project's.
 */
import type { CodeName } from './code-name.js';
import { codeLookup } from './lookup.js';

/** A unit of measure in the customs table: its three-digit code (`'035'`), names, and UN/ECE code. */
export interface Unit extends CodeName {
  /** UN/ECE Recommendation 20 code (`'KGM'`), for units that have one. */
  readonly unece?: string;
}

/** Every unit of the customs table (123 rows). */
export const UNITS: readonly Unit[] = [
  { code: '001', zh: '台', name: 'set (machine)' },
  { code: '002', zh: '座', name: 'unit (building, installation)' },
  { code: '003', zh: '辆', name: 'vehicle' },
  { code: '004', zh: '艘', name: 'vessel' },
  { code: '005', zh: '架', name: 'aircraft' },
  { code: '006', zh: '套', name: 'set', unece: 'SET' },
  { code: '007', zh: '个', name: 'piece (个)' },
  { code: '008', zh: '只', name: 'piece (只)' },
  { code: '009', zh: '头', name: 'head (animal)' },
  { code: '010', zh: '张', name: 'sheet' },
  { code: '011', zh: '件', name: 'piece (件)', unece: 'H87' },
  { code: '012', zh: '支', name: 'stick (支)' },
  { code: '013', zh: '枝', name: 'stem (枝)' },
  { code: '014', zh: '根', name: 'rod' },
  { code: '015', zh: '条', name: 'strip' },
  { code: '016', zh: '把', name: 'handle (把)' },
  { code: '017', zh: '块', name: 'block' },
  { code: '018', zh: '卷', name: 'roll' },
  { code: '019', zh: '副', name: 'pair (副)', unece: 'PR' },
  { code: '020', zh: '片', name: 'slice' },
  { code: '021', zh: '组', name: 'group' },
  { code: '022', zh: '份', name: 'portion' },
  { code: '023', zh: '幅', name: 'panel (幅)' },
  { code: '025', zh: '双', name: 'pair (双)', unece: 'PR' },
  { code: '026', zh: '对', name: 'couple (对)', unece: 'PR' },
  { code: '027', zh: '棵', name: 'tree' },
  { code: '028', zh: '株', name: 'plant' },
  { code: '029', zh: '井', name: 'well' },
  { code: '030', zh: '米', name: 'metre', unece: 'MTR' },
  { code: '031', zh: '盘', name: 'reel (盘)' },
  { code: '032', zh: '平方米', name: 'square metre', unece: 'MTK' },
  { code: '033', zh: '立方米', name: 'cubic metre', unece: 'MTQ' },
  { code: '034', zh: '筒', name: 'tube (筒)' },
  { code: '035', zh: '千克', name: 'kilogram', unece: 'KGM' },
  { code: '036', zh: '克', name: 'gram', unece: 'GRM' },
  { code: '037', zh: '盆', name: 'pot' },
  { code: '038', zh: '万个', name: 'ten thousand pieces' },
  { code: '039', zh: '具', name: 'unit (具)' },
  { code: '040', zh: '百副', name: 'hundred pairs' },
  { code: '041', zh: '百支', name: 'hundred sticks' },
  { code: '042', zh: '百把', name: 'hundred handles' },
  { code: '043', zh: '百个', name: 'hundred pieces' },
  { code: '044', zh: '百片', name: 'hundred slices' },
  { code: '045', zh: '刀', name: 'knife (刀, 100 sheets of paper)' },
  { code: '046', zh: '疋', name: 'bolt (cloth)' },
  { code: '047', zh: '公担', name: 'quintal (100 kg)', unece: 'DTN' },
  { code: '048', zh: '扇', name: 'leaf (door, window)' },
  { code: '049', zh: '百枝', name: 'hundred stems' },
  { code: '050', zh: '千只', name: 'thousand pieces (只)' },
  { code: '051', zh: '千块', name: 'thousand blocks' },
  { code: '052', zh: '千盒', name: 'thousand boxes' },
  { code: '053', zh: '千枝', name: 'thousand stems' },
  { code: '054', zh: '千个', name: 'thousand pieces (个)' },
  { code: '055', zh: '亿支', name: 'hundred million sticks' },
  { code: '056', zh: '亿个', name: 'hundred million pieces' },
  { code: '057', zh: '万套', name: 'ten thousand sets' },
  { code: '058', zh: '千张', name: 'thousand sheets' },
  { code: '059', zh: '万张', name: 'ten thousand sheets' },
  { code: '060', zh: '千伏安', name: 'kilovolt-ampere', unece: 'KVA' },
  { code: '061', zh: '千瓦', name: 'kilowatt', unece: 'KWT' },
  { code: '062', zh: '千瓦时', name: 'kilowatt hour', unece: 'KWH' },
  { code: '063', zh: '千升', name: 'kilolitre' },
  { code: '067', zh: '英尺', name: 'foot', unece: 'FOT' },
  { code: '070', zh: '吨', name: 'tonne', unece: 'TNE' },
  { code: '071', zh: '长吨', name: 'long ton', unece: 'LTN' },
  { code: '072', zh: '短吨', name: 'short ton', unece: 'STN' },
  { code: '073', zh: '司马担', name: 'picul (司马担)' },
  { code: '074', zh: '司马斤', name: 'catty (司马斤)' },
  { code: '075', zh: '斤', name: 'jin (500 g)' },
  { code: '076', zh: '磅', name: 'pound', unece: 'LBR' },
  { code: '077', zh: '担', name: 'dan (担)' },
  { code: '078', zh: '英担', name: 'hundredweight (long)', unece: 'CWI' },
  { code: '079', zh: '短担', name: 'hundredweight (short)', unece: 'CWA' },
  { code: '080', zh: '两', name: 'liang (50 g)' },
  { code: '081', zh: '市担', name: 'shi dan (50 kg)' },
  { code: '083', zh: '盎司', name: 'ounce', unece: 'ONZ' },
  { code: '084', zh: '克拉', name: 'carat', unece: 'CTM' },
  { code: '085', zh: '市尺', name: 'chi (Chinese foot)' },
  { code: '086', zh: '码', name: 'yard', unece: 'YRD' },
  { code: '088', zh: '英寸', name: 'inch', unece: 'INH' },
  { code: '089', zh: '寸', name: 'cun (Chinese inch)' },
  { code: '095', zh: '升', name: 'litre', unece: 'LTR' },
  { code: '096', zh: '毫升', name: 'millilitre', unece: 'MLT' },
  { code: '097', zh: '英加仑', name: 'imperial gallon', unece: 'GLI' },
  { code: '098', zh: '美加仑', name: 'US gallon', unece: 'GLL' },
  { code: '099', zh: '立方英尺', name: 'cubic foot', unece: 'FTQ' },
  { code: '101', zh: '立方尺', name: 'cubic chi' },
  { code: '110', zh: '平方码', name: 'square yard', unece: 'YDK' },
  { code: '111', zh: '平方英尺', name: 'square foot', unece: 'FTK' },
  { code: '112', zh: '平方尺', name: 'square chi' },
  { code: '115', zh: '英制马力', name: 'horsepower (imperial)' },
  { code: '116', zh: '公制马力', name: 'horsepower (metric)' },
  { code: '118', zh: '令', name: 'ream', unece: 'RM' },
  { code: '120', zh: '箱', name: 'case' },
  { code: '121', zh: '批', name: 'batch' },
  { code: '122', zh: '罐', name: 'can' },
  { code: '123', zh: '桶', name: 'barrel' },
  { code: '124', zh: '扎', name: 'bundle (扎)' },
  { code: '125', zh: '包', name: 'pack' },
  { code: '126', zh: '箩', name: 'basket (箩)' },
  { code: '127', zh: '打', name: 'dozen', unece: 'DZN' },
  { code: '128', zh: '筐', name: 'basket (筐)' },
  { code: '129', zh: '罗', name: 'gross', unece: 'GRO' },
  { code: '130', zh: '匹', name: 'bolt (匹)' },
  { code: '131', zh: '册', name: 'volume (册)' },
  { code: '132', zh: '本', name: 'copy (本)' },
  { code: '133', zh: '发', name: 'round (ammunition)' },
  { code: '134', zh: '枚', name: 'piece (枚)' },
  { code: '135', zh: '捆', name: 'bale (捆)' },
  { code: '136', zh: '袋', name: 'bag' },
  { code: '139', zh: '粒', name: 'grain (粒)' },
  { code: '140', zh: '盒', name: 'box' },
  { code: '141', zh: '合', name: 'he (合)' },
  { code: '142', zh: '瓶', name: 'bottle' },
  { code: '143', zh: '千支', name: 'thousand sticks' },
  { code: '144', zh: '万双', name: 'ten thousand pairs' },
  { code: '145', zh: '万粒', name: 'ten thousand grains' },
  { code: '146', zh: '千粒', name: 'thousand grains' },
  { code: '147', zh: '千米', name: 'kilometre', unece: 'KMT' },
  { code: '148', zh: '千英尺', name: 'thousand feet' },
  { code: '149', zh: '百万贝可', name: 'megabecquerel', unece: '4N' },
  { code: '163', zh: '部', name: 'unit (部)' },
  { code: '164', zh: '亿株', name: 'hundred million plants' },
];

/**
 * The unit for a customs code (`'035'`); `undefined` when the table has no such code.
 *
 * @example
 * ```ts
 * unitByCode('035')?.unece; // 'KGM'
 * ```
 */
export const unitByCode: (code: string) => Unit | undefined = /* @__PURE__ */ codeLookup(UNITS, (u) => [u.code]);
