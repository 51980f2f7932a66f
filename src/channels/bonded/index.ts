/** 1210/1239 bonded import, 1210 bonded export, and the bonded account book. */
export { bondedImportMachine, bondedImportAMachine, bondedExportMachine } from './machine.js';
export { BondedLedger } from './ledger.js';
export type { StockBalance, ReserveResult, LedgerEntry, BondedLedgerOptions, Shortage } from './ledger.js';
export type { ZoneEnteredEvent, StockShortageEvent, BondedEvent } from './events.js';
