/**
 * 1210 (保税电商) and 1239 (保税电商A): bonded retail import from zone stock, and 1210 bonded export.
 */
import { channelSetup } from '../setup.js';
import { exportFlow, importFlow } from '../flows.js';

/**
 * `1210-import`: the 9610 import flow, with goods drawn from bonded stock under an account book
 * (emsNo, itemRecordNo): reserved on declaration, deducted on release, restored on cancellation,
 * stop or return. STOCK_SHORTAGE refuses the list. Lists before 1210 existed (2014-08-01) carry
 * ordinary trade, 0110 (docs/domain.md §1).
 */
export const bondedImportMachine = /* @__PURE__ */ (() =>
  channelSetup.createMachine(importFlow({ id: '1210-import', modes: ['1210', '0110'], bonded: true })))();

/**
 * `1239-import`: as 1210 import, for cities that were not pilots (GACC Ann. 2016 No.75). It
 * differs only in the mode its lists carry; the first-import licensing it required [M] is the
 * platform's concern before the order exists.
 */
export const bondedImportAMachine = /* @__PURE__ */ (() =>
  channelSetup.createMachine(importFlow({ id: '1239-import', modes: ['1239'], bonded: true })))();

/**
 * `1210-export`: the goods enter the zone first (ZONE_ENTERED: second-line entry, account book
 * credited, rebate triggered), then each foreign order goes out as 9610 export with emsNo and
 * itemRecordNo, deducting the account book on release. Lists before 2014-08-01 carry 0110.
 */
export const bondedExportMachine = /* @__PURE__ */ (() =>
  channelSetup.createMachine(exportFlow({ id: '1210-export', modes: ['1210', '0110'], bonded: true, b2b: false, overseasWarehouse: false })))();
