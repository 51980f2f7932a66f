/**
 * 9710 (跨境电商B2B直接出口) and 9810 (跨境电商出口海外仓): B2B export.
 */
import { channelSetup } from '../setup.js';
import { exportFlow } from '../flows.js';

/**
 * `9710`: CEB303 type B order and waybill; a list (CEB603) when the ticket is at most 5,000 CNY,
 * or a customs declaration (`LIST_DECLARED` with `route: 'entry'`, receipts on `H2018`); arrival,
 * release, departure, close. Before 2020-07 such goods went out as ordinary trade (0110).
 */
export const b2bDirectExportMachine = /* @__PURE__ */ (() =>
  channelSetup.createMachine(exportFlow({ id: '9710', modes: ['9710', '0110'], bonded: false, b2b: true, overseasWarehouse: false })))();

/**
 * `9810`: CEB303 type W booking, exported as 9710; after closing, the goods are stocked in the
 * overseas warehouse (WAREHOUSED) and later sold from it (SOLD).
 */
export const overseasWarehouseMachine = /* @__PURE__ */ (() =>
  channelSetup.createMachine(exportFlow({ id: '9810', modes: ['9810', '0110'], bonded: false, b2b: true, overseasWarehouse: true })))();
