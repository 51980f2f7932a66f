import type { CustomsAction } from './customs-actions.js';
import type { OrderView } from './order-view.js';

/**
 * Your order service, as the model-based commands drive it: it receives every action customs
 * (or a party) takes on one order, with customs' receipts, and reports its view of the order.
 * After each action the commands compare its view with the customs model's.
 *
 * @example
 * ```ts
 * class MyAdapter implements SystemUnderTest {
 *   constructor(private readonly service: OrderService, private readonly orderNo: string) {}
 *   apply(action: CustomsAction) { this.service.onCustoms(this.orderNo, action.kind, action.receipts); }
 *   view(): OrderView { return this.service.describe(this.orderNo); }
 * }
 * ```
 */
export interface SystemUnderTest {
  /** Tells your system what just happened to the order (with customs' receipts, if any). */
  apply(action: CustomsAction): void;
  /** Your system's view of the order now, to compare with customs'. */
  view(): OrderView;
}

/** A {@link SystemUnderTest} whose calls may be asynchronous (a database, an HTTP API). */
export interface AsyncSystemUnderTest {
  /** Tells your system what just happened to the order (with customs' receipts, if any). */
  apply(action: CustomsAction): void | Promise<void>;
  /** Your system's view of the order now, to compare with customs'. */
  view(): OrderView | Promise<OrderView>;
}
