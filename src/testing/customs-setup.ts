import { createCustomsModel, type CustomsModel } from './customs-model.js';
import type { DocumentSet } from './documents.js';

/**
 * The setup `fc.modelRun` (or `fc.asyncModelRun`) takes: a fresh customs model for the order of
 * `docs`, and a fresh system under test from `createSystem`, for every run.
 *
 * @example
 * ```ts
 * fc.modelRun(customsSetup(docs, () => new InMemoryOrderService(docs)), commands);
 * ```
 */
export function customsSetup<R>(docs: DocumentSet, createSystem: () => R): () => { model: CustomsModel; real: R } {
  return () => ({ model: createCustomsModel(docs), real: createSystem() });
}
