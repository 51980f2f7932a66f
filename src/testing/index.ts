/**
 * `cbec-sim/testing`: fast-check arbitraries for property-testing order flows.
 * fast-check is an optional peer dependency: install it to use this entry point.
 *
 * @packageDocumentation
 */
export { arbitraries, residentId, amount } from './arbitraries.js';
