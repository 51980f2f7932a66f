/**
 * 9610 (跨境贸易电子商务): direct-buy retail import (直购进口) and retail export (零售出口).
 */
import { channelSetup } from '../setup.js';
import { exportFlow, importFlow } from '../flows.js';

/**
 * `9610-import`: order (CEB311), payment (CEB411) and waybill (CEB511), each filed and
 * acknowledged; the list (CEB621) matched against them; review, tax bill, inspection; release;
 * delivery; return or close. Before 9610 existed (2014-02-10) the pilot's lists carried ordinary
 * trade, 0110 (docs/domain.md §1), which the machine also accepts.
 *
 * @example
 * ```ts
 * const actor = createActor(directImportMachine, { input: { order } }).start();
 * actor.on('*', (effect) => console.log(effect));
 * actor.send({ type: 'ORDER_FILED', at });
 * ```
 */
export const directImportMachine = /* @__PURE__ */ (() =>
  channelSetup.createMachine(importFlow({ id: '9610-import', modes: ['9610', '0110'], bonded: false })))();

/**
 * `9610-export`: order (CEB303 type E), payment receipt (CEB403), waybill (CEB505), list
 * (CEB603); arrival (CEB507); release; departure (CEB509); close. Released lists feed the
 * monthly summary declaration (CEB701 -> CEB792). Lists before 2014-02-10 carry 0110.
 */
export const directExportMachine = /* @__PURE__ */ (() =>
  channelSetup.createMachine(exportFlow({ id: '9610-export', modes: ['9610', '0110'], bonded: false, b2b: false, overseasWarehouse: false })))();
