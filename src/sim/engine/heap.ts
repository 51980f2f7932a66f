/**
 * A binary min-heap of scheduled entries keyed by (time, seq): the earliest time first, and
 * among equal times the one scheduled first. The sequence number makes the order total, so a run
 * never depends on how a heap breaks ties, nor on when the heap is rebuilt.
 *
 * Cancellation is lazy: a cancelled entry stays until it reaches the top. So that cancelled
 * timers (a 31-day close, a 3-day cancel) of finished orders do not pile up, the heap rebuilds
 * itself without them once they are more than half of what it holds.
 */

/** An entry in the engine's event heap: an item at a time, in scheduling order. */
export interface Scheduled<T> {
  /** Simulated time, epoch ms. */
  readonly time: number;
  /** Scheduling order, unique within a heap. */
  readonly seq: number;
  readonly item: T;
  /** Set by cancellation; cancelled entries are skipped when popped. */
  cancelled: boolean;
}

/** Options of an {@link EventHeap}. */
export interface EventHeapOptions {
  /**
   * The heap is rebuilt without its cancelled entries only when it holds more than this many
   * entries (and more than half are cancelled); `Infinity` never rebuilds. Default 1024.
   */
  readonly compactAbove?: number;
}

/** Below this many entries a heap is left as it is, however many of them are cancelled. */
const DEFAULT_COMPACT_ABOVE = 1024;

function before(a: Scheduled<unknown>, b: Scheduled<unknown>): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

/**
 * A priority queue of scheduled items with lazy cancellation and compaction.
 *
 * @example
 * ```ts
 * const heap = new EventHeap<string>();
 * const late = heap.push(20, 'late');
 * heap.push(10, 'early');
 * heap.cancel(late);
 * heap.pop()?.item; // 'early'
 * heap.pop(); // undefined
 * ```
 */
export class EventHeap<T> {
  #entries: Scheduled<T>[] = [];
  #seq = 0;
  #live = 0;
  readonly #compactAbove: number;

  /** @param options - `compactAbove`: the size below which cancelled entries are left in place */
  constructor(options: EventHeapOptions = {}) {
    this.#compactAbove = options.compactAbove ?? DEFAULT_COMPACT_ABOVE;
  }

  /** Number of entries still to run (cancelled ones excluded). */
  get size(): number {
    return this.#live;
  }

  /** Number of entries held in memory: those still to run and the cancelled ones not yet dropped. */
  get stored(): number {
    return this.#entries.length;
  }

  /** Adds `item` at `time`; returns the entry, which {@link cancel} accepts. */
  push(time: number, item: T): Scheduled<T> {
    const entry: Scheduled<T> = { time, seq: this.#seq++, item, cancelled: false };
    this.#entries.push(entry);
    this.#siftUp(this.#entries.length - 1);
    this.#live++;
    return entry;
  }

  /** Marks an entry so it will not run. Cancelling twice, or after it ran, does nothing. */
  cancel(entry: Scheduled<T>): void {
    if (entry.cancelled) return;
    entry.cancelled = true;
    this.#live--;
    if (this.#entries.length > this.#compactAbove && this.#live < this.#entries.length / 2) this.#compact();
  }

  /** The earliest live entry without removing it, or `undefined` when empty. */
  peek(): Scheduled<T> | undefined {
    this.#dropCancelled();
    return this.#entries[0];
  }

  /** Removes and returns the earliest live entry, or `undefined` when empty. */
  pop(): Scheduled<T> | undefined {
    this.#dropCancelled();
    const top = this.#removeTop();
    if (top) {
      // a popped entry can no longer be cancelled: mark it so cancel() is a no-op
      top.cancelled = true;
      this.#live--;
    }
    return top;
  }

  #dropCancelled(): void {
    while (this.#entries.length > 0 && this.#entries[0]!.cancelled) this.#removeTop();
  }

  /** Rebuilds the heap from its live entries (bottom-up heapify); the (time, seq) order is unchanged. */
  #compact(): void {
    this.#entries = this.#entries.filter((entry) => !entry.cancelled);
    for (let i = (this.#entries.length >> 1) - 1; i >= 0; i--) this.#siftDown(i, this.#entries[i]!);
  }

  #removeTop(): Scheduled<T> | undefined {
    const heap = this.#entries;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    this.#siftDown(0, last);
    return top;
  }

  /** Moves the entry at `i` up until its parent is before it. */
  #siftUp(i: number): void {
    const heap = this.#entries;
    const entry = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  /** Places `entry` at `i`, moving it down past every child that is before it. */
  #siftDown(i: number, entry: Scheduled<T>): void {
    const heap = this.#entries;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, entry)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = entry;
  }
}
