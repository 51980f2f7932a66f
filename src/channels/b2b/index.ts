/** 9710 B2B direct export and 9810 export to overseas warehouse. */
export { b2bDirectExportMachine, overseasWarehouseMachine } from './machine.js';
export type { WarehousedEvent, SoldEvent, B2bEvent } from './events.js';
