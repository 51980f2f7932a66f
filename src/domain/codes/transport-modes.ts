/**
 * Transport modes (运输方式代码) of declarations and CEB messages (`trafMode`).
 *
 * Source: the customs transport-mode code table (JGS-20 code set), 18 codes, as listed in the
 * repository ryanrong95/HXT (no licence stated; the codes are facts of the customs code set).
 * English names are this project's.
 */
import type { CodeName } from './code-name.js';
import { codeLookup } from './lookup.js';

/** Every transport mode of the customs table (18 rows). */
export const TRANSPORT_MODES: readonly CodeName[] = [
  { code: '0', zh: '非保税区', name: 'non-bonded area' },
  { code: '1', zh: '监管仓库', name: 'supervised warehouse' },
  { code: '2', zh: '水路运输', name: 'waterway' },
  { code: '3', zh: '铁路运输', name: 'railway' },
  { code: '4', zh: '公路运输', name: 'road' },
  { code: '5', zh: '航空运输', name: 'air' },
  { code: '6', zh: '邮件运输', name: 'post' },
  { code: '7', zh: '保税区', name: 'bonded area' },
  { code: '8', zh: '保税仓库', name: 'bonded warehouse' },
  { code: '9', zh: '其他方式运输', name: 'other' },
  { code: 'G', zh: '固定设施运输', name: 'fixed installation (pipeline, cable)' },
  { code: 'H', zh: '边境特殊海关作业区', name: 'special border customs operation area' },
  { code: 'L', zh: '旅客携带', name: 'carried by passengers' },
  { code: 'T', zh: '综合实验区', name: 'comprehensive experimental zone' },
  { code: 'W', zh: '物流中心', name: 'logistics centre' },
  { code: 'X', zh: '物流园区', name: 'logistics park' },
  { code: 'Y', zh: '保税港区', name: 'bonded port area' },
  { code: 'Z', zh: '出口加工区', name: 'export processing zone' },
];

/**
 * The transport mode for a code (`'5'` is air); `undefined` when the table has no such code.
 *
 * @example
 * ```ts
 * transportModeByCode('5')?.name; // 'air'
 * ```
 */
export const transportModeByCode: (code: string) => CodeName | undefined = /* @__PURE__ */ codeLookup(TRANSPORT_MODES, (m) => [m.code]);
