import { type Hash64, hash64 } from './hash64.js';

const MAX_LOAD = 0.7;

/**
 * The exact set of values seen in a `unique` column, as 64-bit hashes with the first row.
 *
 * An open-addressing table (linear probing) over three `Uint32Array`s: 12 bytes a slot, at
 * most 70 % full, so 17 to 34 bytes per distinct value (about 25 MB per million). This is the
 * only state of a validation that grows with the file. Exact up to hash collisions, whose
 * probability is about n^2 / 2^65 (see `hash64`).
 */
export class UniqueValueSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private rows: Uint32Array;
  private mask: number;
  private size = 0;
  private readonly hash: Hash64 = { hi: 0, lo: 0 };

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.rows = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The number of distinct values seen. */
  get count(): number {
    return this.size;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.rows.length * 12;
  }

  /**
   * Adds the value in bytes `[start, end)` first seen in data row `row` (1-based).
   *
   * @returns 0 when the value is new, else the row where it was first seen
   */
  add(data: Uint8Array, start: number, end: number, row: number): number {
    const { hi, lo } = hash64(data, start, end, this.hash);
    const rows = this.rows;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    while (rows[slot] !== 0) {
      if (this.lo[slot] === lo && this.hi[slot] === hi) return rows[slot];
      slot = (slot + 1) & this.mask;
    }
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    rows[slot] = row;
    if (++this.size > this.rows.length * MAX_LOAD) this.grow();
    return 0;
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    const capacity = rows.length * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.rows = new Uint32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue;
      let slot = (lo[i] ^ Math.imul(hi[i], 0x9e3779b1)) & this.mask;
      while (this.rows[slot] !== 0) slot = (slot + 1) & this.mask;
      this.hi[slot] = hi[i];
      this.lo[slot] = lo[i];
      this.rows[slot] = rows[i];
    }
  }
}
