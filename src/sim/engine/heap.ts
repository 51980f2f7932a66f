/**
 * A binary min-heap of scheduled entries keyed by (time, seq): the earliest time first, and
 * among equal times the one scheduled first. The sequence number makes the order total, so a run
 * never depends on how a heap breaks ties.
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

function before(a: Scheduled<unknown>, b: Scheduled<unknown>): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

/** A priority queue of scheduled items with lazy cancellation. */
export class EventHeap<T> {
  readonly #entries: Scheduled<T>[] = [];
  #seq = 0;
  #live = 0;

  /** Number of entries still to run (cancelled ones excluded). */
  get size(): number {
    return this.#live;
  }

  /** Adds `item` at `time`; returns the entry, which {@link cancel} accepts. */
  push(time: number, item: T): Scheduled<T> {
    const entry: Scheduled<T> = { time, seq: this.#seq++, item, cancelled: false };
    const heap = this.#entries;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
    this.#live++;
    return entry;
  }

  /** Marks an entry so it will not run. Cancelling twice, or after it ran, does nothing. */
  cancel(entry: Scheduled<T>): void {
    if (entry.cancelled) return;
    entry.cancelled = true;
    this.#live--;
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

  #removeTop(): Scheduled<T> | undefined {
    const heap = this.#entries;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
