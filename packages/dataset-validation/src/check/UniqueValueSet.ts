import { type Hash64, hash64 } from './hash64.js';

/** The fill at which a table grows by doubling. */
const MAX_LOAD = 0.7;
/**
 * The fill a table sized once by `reserve` may reach: its final size is known, so it packs
 * tighter instead of keeping memory free that it never fills (linear probing still averages
 * about three probes an insert while filling up to here).
 */
const MAX_RESERVED_LOAD = 0.8;
const MAX_RESERVED_SLOTS = 1 << 26;
/** Values staged between flushes. */
export const UNIQUE_BATCH = 1024;
const BATCH = UNIQUE_BATCH;

/**
 * The exact set of values seen in a `unique` column, as 64-bit hashes with the first row.
 *
 * An open-addressing table (linear probing) over three `Uint32Array`s: 12 bytes a slot, at
 * most 70 % full (80 % once sized by `reserve`), so 15 to 34 bytes per distinct value (about
 * 25 MB per million). This is the
 * only state of a validation that grows with the file. Exact up to hash collisions, whose
 * probability is about n^2 / 2^65 (see `hash64`). Values are best added in batches
 * (`stage`, then `flush`), which overlaps the cache misses of a large table.
 */
export class UniqueValueSet {
  /** Three words a slot: high hash, low hash, first row (0 marks an empty slot). */
  private slots: Uint32Array;
  private mask: number;
  private size = 0;
  private maxLoad = MAX_LOAD;
  private readonly hash: Hash64 = { hi: 0, lo: 0 };
  /** Values staged for the next `flush`: hashes, rows, and the caller's reference to each. */
  private readonly staged = {
    hi: new Uint32Array(BATCH),
    lo: new Uint32Array(BATCH),
    rows: new Uint32Array(BATCH),
    tags: new Float64Array(BATCH),
    size: 0,
  };
  /** Sink for the loads that warm the cache: stored so the engine cannot drop them as dead. */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: written on purpose, never read
  private warmed = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.slots = new Uint32Array(capacity * 3);
    this.mask = capacity - 1;
  }

  /** The number of distinct values seen. */
  get count(): number {
    return this.size;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /**
   * Adds the value in bytes `[start, end)` first seen in data row `row` (1-based).
   *
   * @returns 0 when the value is new, else the row where it was first seen
   */
  add(data: Uint8Array, start: number, end: number, row: number): number {
    const { hi, lo } = hash64(data, start, end, this.hash);
    return this.insert(hi, lo, row);
  }

  private insert(hi: number, lo: number, row: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    let at = slot * 3;
    while (slots[at + 2] !== 0) {
      if (slots[at + 1] === lo && slots[at] === hi) return slots[at + 2];
      slot = (slot + 1) & mask;
      at = slot * 3;
    }
    slots[at] = hi;
    slots[at + 1] = lo;
    slots[at + 2] = row;
    if (++this.size > (mask + 1) * this.maxLoad) this.grow();
    return 0;
  }

  /** Whether `BATCH` values are staged and must be flushed before staging more. */
  get full(): boolean {
    return this.staged.size === BATCH;
  }

  /** How many values are staged (the index the next staged value gets). */
  get stagedCount(): number {
    return this.staged.size;
  }

  /**
   * Stages the value in bytes `[start, end)` of data row `row`; `tag` comes back with it.
   *
   * Staged values are inserted by `flush`, which first touches every slot they will probe so
   * that the cache misses overlap (a table of millions of slots misses the cache on almost
   * every insert, and one miss at a time costs several times more). Call `flush` when `full`
   * and before the bytes of staged values are gone.
   */
  stage(data: Uint8Array, start: number, end: number, row: number, tag: number): void {
    const { hi, lo } = hash64(data, start, end, this.hash);
    const staged = this.staged;
    const k = staged.size++;
    staged.hi[k] = hi;
    staged.lo[k] = lo;
    staged.rows[k] = row;
    staged.tags[k] = tag;
  }

  /** Inserts the staged values in order; `onDuplicate(tag, row, firstRow)` for each value seen before. */
  flush(onDuplicate: (tag: number, row: number, firstRow: number) => void): void {
    const staged = this.staged;
    const size = staged.size;
    staged.size = 0;
    let warm = 0;
    for (let k = 0; k < size; k++) {
      warm += this.slots[((staged.lo[k] ^ Math.imul(staged.hi[k], 0x9e3779b1)) & this.mask) * 3 + 2];
    }
    this.warmed = warm;
    for (let k = 0; k < size; k++) {
      const first = this.insert(staged.hi[k], staged.lo[k], staged.rows[k]);
      if (first !== 0) onDuplicate(staged.tags[k], staged.rows[k], first);
    }
  }

  /**
   * Makes room for `expected` distinct values at once, sparing the doublings on the way.
   *
   * The table then fills up to 80 % before it doubles (70 % otherwise): the memory of a large
   * table is most of its cost, as every page of it is touched. Capped at 2^26 slots (768 MiB),
   * so a wrong estimate cannot take more than that up front.
   */
  reserve(expected: number): void {
    this.maxLoad = MAX_RESERVED_LOAD;
    let capacity = this.mask + 1;
    while (capacity * MAX_RESERVED_LOAD < expected && capacity < MAX_RESERVED_SLOTS) capacity *= 2;
    if (capacity > this.mask + 1) this.grow(capacity);
  }

  private grow(capacity = (this.mask + 1) * 2): void {
    const old = this.slots;
    const slots = new Uint32Array(capacity * 3);
    const mask = capacity - 1;
    for (let from = 0; from < old.length; from += 3) {
      if (old[from + 2] === 0) continue;
      let slot = (old[from + 1] ^ Math.imul(old[from], 0x9e3779b1)) & mask;
      while (slots[slot * 3 + 2] !== 0) slot = (slot + 1) & mask;
      slots[slot * 3] = old[from];
      slots[slot * 3 + 1] = old[from + 1];
      slots[slot * 3 + 2] = old[from + 2];
    }
    this.slots = slots;
    this.mask = mask;
  }
}
