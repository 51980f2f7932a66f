/**
 * `cbec-sim/messages`: the CEB customs message catalogue.
 *
 * @packageDocumentation
 */
export { MESSAGE_CATALOGUE, catalogueEntry } from './catalogue.js';
export type { CatalogueEntry, MessageFamily } from './catalogue.js';
