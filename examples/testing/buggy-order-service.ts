/**
 * An in-memory order service of the kind a platform runs beside customs, and its adapter for the
 * model-based commands of `cbec-sim/testing`.
 *
 * The service has a deliberate, realistic bug, switched on with `{ bug: 'cancel-after-left-site' }`:
 * it offers the buyer cancellation until the parcel is delivered, because its own "shipped" flag
 * is only set on delivery. Customs refuses a cancellation (CEB624 100, 货物已离开监管场所) as soon as
 * the goods have left the supervised site, so the shop promises what customs will not do.
 * `examples/testing/find-the-bug.ts` shows the kit finding it.
 */
import type { ChannelId } from '../../src/channels/registry.js';
import type { CustomsAction, OrderStatus, OrderView, SystemUnderTest } from '../../src/testing/index.js';

/** The bugs the service can be built with. */
export type ServiceBug = 'cancel-after-left-site';

/** What the service knows of one order. */
interface OrderRecord {
  readonly channel: ChannelId;
  status: OrderStatus;
  listStatus?: number;
}

const LIST_MESSAGES: ReadonlySet<string> = new Set(['CEB622', 'CEB604', 'H2018']);

/** Statuses the list receipts move an order to (others leave it where it is). */
const BY_LIST_STATUS: Readonly<Record<number, OrderStatus>> = {
  100: 'rejected',
  120: 'in-clearance',
  501: 'detained',
  502: 'detained',
  503: 'detained',
  599: 'detained',
  700: 'reexported',
  800: 'released',
  899: 'closed',
};

/** Statuses set by what the carrier or warehouse did. */
const BY_ACTION: Partial<Record<CustomsAction['kind'], OrderStatus>> = {
  'declare-documents': 'declaring',
  'leave-site': 'left-site',
  deliver: 'delivered',
  'return-goods': 'returned',
  'stock-overseas': 'overseas',
  'sell-overseas': 'sold',
};

/** An order service that follows customs' receipts for each of its orders. */
export class InMemoryOrderService {
  readonly #orders = new Map<string, OrderRecord>();
  readonly #cancellable: readonly OrderStatus[];

  constructor(options: { readonly bug?: ServiceBug } = {}) {
    const beforeDelivery: OrderStatus[] = ['declaring', 'in-clearance', 'released', 'left-site'];
    this.#cancellable = options.bug === 'cancel-after-left-site' ? beforeDelivery : beforeDelivery.filter((s) => s !== 'left-site');
  }

  /** A new order in `channel`. */
  open(orderNo: string, channel: ChannelId): void {
    this.#orders.set(orderNo, { channel, status: channel === '1210-export' ? 'awaiting-zone-entry' : 'declaring' });
  }

  /** Customs (or a carrier) did `action` to order `orderNo`. */
  onCustoms(orderNo: string, action: CustomsAction): void {
    const order = this.#order(orderNo);
    const refused = action.receipts.some((r) => r.status === 100);
    for (const r of action.receipts) {
      if (!LIST_MESSAGES.has(r.message)) continue;
      order.listStatus = r.status;
      order.status = BY_LIST_STATUS[r.status] ?? order.status;
    }
    if (order.status === 'closed' && order.channel === '9810') order.status = 'overseas'; // closed here, on its way to the overseas warehouse
    if (action.kind === 'cancel' && !refused) order.status = 'cancelled';
    if (action.kind === 'request-return') order.status = refused ? 'delivered' : 'returning';
    order.status = BY_ACTION[action.kind] ?? order.status;
  }

  /** The service's view of order `orderNo`. */
  describe(orderNo: string): OrderView {
    const order = this.#order(orderNo);
    return { status: order.status, canCancel: this.#cancellable.includes(order.status), ...(order.listStatus !== undefined && { listStatus: order.listStatus }) };
  }

  #order(orderNo: string): OrderRecord {
    const order = this.#orders.get(orderNo);
    if (order === undefined) throw new Error(`Order ${orderNo} is unknown; open it first.`);
    return order;
  }
}

/**
 * The adapter the model-based commands drive: one order of the service.
 *
 * @example
 * ```ts
 * fc.modelRun(customsSetup(docs, () => new OrderServiceAdapter(new InMemoryOrderService(), docs)), commands);
 * ```
 */
export class OrderServiceAdapter implements SystemUnderTest {
  readonly #service: InMemoryOrderService;
  readonly #orderNo: string;

  constructor(service: InMemoryOrderService, docs: { readonly channel: ChannelId; readonly order: { readonly orderNo: string } }) {
    this.#service = service;
    this.#orderNo = docs.order.orderNo;
    service.open(this.#orderNo, docs.channel);
  }

  apply(action: CustomsAction): void {
    this.#service.onCustoms(this.#orderNo, action);
  }

  view(): OrderView {
    return this.#service.describe(this.#orderNo);
  }
}
