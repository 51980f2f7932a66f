/** 9610 retail import and export. */
export { directImportMachine, directExportMachine } from './machine.js';
export type { DeliveredEvent, ReturnRequestedEvent, GoodsReturnedEvent, ImportEvent } from './events.js';
