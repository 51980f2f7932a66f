/**
 * The event queue of a run: every event is a few numbers (time, a sequence number, a slot, a code
 * and a payload: 21 bytes) in typed arrays, never an object. Events pop in time order, ties in the
 * order they were pushed (the sequence number is 32 bits: past 2^32 pushes, ties between events
 * pushed 2^32 apart break the other way, deterministically still), so a run is deterministic.
 *
 * Near events (before the end of the current time bucket) sit in a binary heap; later ones are
 * appended to their bucket (one per `bucketMs` of simulated time) and poured into the heap when
 * the clock reaches it. The heap so holds only the next bucket's events, whatever waits weeks
 * ahead (30-day return windows), and a waiting event costs its numbers and nothing else.
 */

/** Events per chunk of a bucket: the first chunk is small, later ones double up to this. */
const MAX_CHUNK = 4096;
const FIRST_CHUNK = 64;

/** A block of bucketed events, column by column. */
class Chunk {
  readonly time: Float64Array;
  readonly seq: Uint32Array;
  readonly slot: Int32Array;
  readonly code: Uint8Array;
  readonly payload: Uint32Array;

  constructor(readonly capacity: number) {
    this.time = new Float64Array(capacity);
    this.seq = new Uint32Array(capacity);
    this.slot = new Int32Array(capacity);
    this.code = new Uint8Array(capacity);
    this.payload = new Uint32Array(capacity);
  }
}

/** The events of one time bucket, in the order they were pushed. */
interface Bucket {
  readonly chunks: Chunk[];
  /** Events in the last chunk. */
  fill: number;
}

/** A time-ordered queue of events held in typed arrays. */
export class EventQueue {
  readonly #bucketMs: number;
  // The heap, column by column.
  #time = new Float64Array(1024);
  #seq = new Uint32Array(1024);
  #slot = new Int32Array(1024);
  #code = new Uint8Array(1024);
  #payload = new Uint32Array(1024);
  #size = 0;
  #nextSeq = 0;
  /** Events before this instant are in the heap; the rest in buckets. */
  #horizon = Number.NEGATIVE_INFINITY;
  readonly #buckets = new Map<number, Bucket>();
  /** Keys of the non-empty buckets, as a binary min-heap. */
  readonly #keys: number[] = [];
  #bucketed = 0;
  readonly #spare: Chunk[][] = [];

  /** The last event popped. */
  time = 0;
  slot = 0;
  code = 0;
  payload = 0;

  /** @param bucketMs - the span of simulated time one bucket holds, ms */
  constructor(bucketMs: number) {
    this.#bucketMs = bucketMs;
  }

  /** Events waiting. */
  get size(): number {
    return this.#size + this.#bucketed;
  }

  /** Queues an event; `code` is 0 to 255, `payload` 0 to 2^32 - 1. */
  push(time: number, slot: number, code: number, payload: number): void {
    const seq = this.#nextSeq;
    this.#nextSeq = (seq + 1) >>> 0;
    if (time < this.#horizon) this.#heapPush(time, seq, slot, code, payload);
    else this.#bucketPush(time, seq, slot, code, payload);
  }

  /** The time of the next event, or `Infinity` when none waits. */
  peekTime(): number {
    if (this.#size === 0 && !this.#pour()) return Number.POSITIVE_INFINITY;
    return this.#time[0]!;
  }

  /** Takes the next event into `time`, `slot`, `code` and `payload`; false when none waits. */
  pop(): boolean {
    if (this.#size === 0 && !this.#pour()) return false;
    this.time = this.#time[0]!;
    this.slot = this.#slot[0]!;
    this.code = this.#code[0]!;
    this.payload = this.#payload[0]!;
    const last = --this.#size;
    if (last > 0) this.#siftDown(this.#time[last]!, this.#seq[last]!, this.#slot[last]!, this.#code[last]!, this.#payload[last]!, last);
    return true;
  }

  #heapPush(time: number, seq: number, slot: number, code: number, payload: number): void {
    if (this.#size === this.#time.length) this.#grow();
    let i = this.#size++;
    const t = this.#time;
    const s = this.#seq;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = t[parent]!;
      if (pt < time || (pt === time && s[parent]! < seq)) break;
      this.#move(parent, i);
      i = parent;
    }
    this.#put(i, time, seq, slot, code, payload);
  }

  /** Places the element (time, seq, ...) at the root and sifts it down a heap of `size` elements. */
  #siftDown(time: number, seq: number, slot: number, code: number, payload: number, size: number): void {
    const t = this.#time;
    const s = this.#seq;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && (t[right]! < t[child]! || (t[right] === t[child] && s[right]! < s[child]!))) child = right;
      const ct = t[child]!;
      if (time < ct || (time === ct && seq < s[child]!)) break;
      this.#move(child, i);
      i = child;
    }
    this.#put(i, time, seq, slot, code, payload);
  }

  #move(from: number, to: number): void {
    this.#time[to] = this.#time[from]!;
    this.#seq[to] = this.#seq[from]!;
    this.#slot[to] = this.#slot[from]!;
    this.#code[to] = this.#code[from]!;
    this.#payload[to] = this.#payload[from]!;
  }

  #put(i: number, time: number, seq: number, slot: number, code: number, payload: number): void {
    this.#time[i] = time;
    this.#seq[i] = seq;
    this.#slot[i] = slot;
    this.#code[i] = code;
    this.#payload[i] = payload;
  }

  #grow(): void {
    const n = this.#time.length * 2;
    const grown = <T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.#time = grown(this.#time, (k) => new Float64Array(k));
    this.#seq = grown(this.#seq, (k) => new Uint32Array(k));
    this.#slot = grown(this.#slot, (k) => new Int32Array(k));
    this.#code = grown(this.#code, (k) => new Uint8Array(k));
    this.#payload = grown(this.#payload, (k) => new Uint32Array(k));
  }

  #bucketPush(time: number, seq: number, slot: number, code: number, payload: number): void {
    const key = Math.floor(time / this.#bucketMs);
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      bucket = { chunks: [this.#chunk(FIRST_CHUNK)], fill: 0 };
      this.#buckets.set(key, bucket);
      pushKey(this.#keys, key);
    }
    let chunk = bucket.chunks[bucket.chunks.length - 1]!;
    if (bucket.fill === chunk.capacity) {
      chunk = this.#chunk(Math.min(MAX_CHUNK, chunk.capacity * 2));
      bucket.chunks.push(chunk);
      bucket.fill = 0;
    }
    const k = bucket.fill++;
    chunk.time[k] = time;
    chunk.seq[k] = seq;
    chunk.slot[k] = slot;
    chunk.code[k] = code;
    chunk.payload[k] = payload;
    this.#bucketed++;
  }

  /** Moves the earliest bucket into the heap; false when no bucket waits. */
  #pour(): boolean {
    if (this.#keys.length === 0) return false;
    const key = popKey(this.#keys);
    const bucket = this.#buckets.get(key)!;
    this.#buckets.delete(key);
    this.#horizon = (key + 1) * this.#bucketMs;
    const last = bucket.chunks.length - 1;
    bucket.chunks.forEach((chunk, c) => {
      const n = c === last ? bucket.fill : chunk.capacity;
      for (let k = 0; k < n; k++) this.#heapPush(chunk.time[k]!, chunk.seq[k]!, chunk.slot[k]!, chunk.code[k]!, chunk.payload[k]!);
      this.#bucketed -= n;
      this.#release(chunk);
    });
    return true;
  }

  #chunk(capacity: number): Chunk {
    const index = Math.log2(capacity / FIRST_CHUNK);
    return this.#spare[index]?.pop() ?? new Chunk(capacity);
  }

  #release(chunk: Chunk): void {
    const index = Math.log2(chunk.capacity / FIRST_CHUNK);
    (this.#spare[index] ??= []).push(chunk);
  }
}

/** Adds `key` to the min-heap `keys`. */
function pushKey(keys: number[], key: number): void {
  let i = keys.length;
  keys.push(key);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (keys[parent]! <= key) break;
    keys[i] = keys[parent]!;
    i = parent;
  }
  keys[i] = key;
}

/** Removes and returns the least key of the non-empty min-heap `keys`. */
function popKey(keys: number[]): number {
  const top = keys[0]!;
  const last = keys.pop()!;
  if (keys.length === 0) return top;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= keys.length) break;
    if (child + 1 < keys.length && keys[child + 1]! < keys[child]!) child++;
    if (last <= keys[child]!) break;
    keys[i] = keys[child]!;
    i = child;
  }
  keys[i] = last;
  return top;
}
