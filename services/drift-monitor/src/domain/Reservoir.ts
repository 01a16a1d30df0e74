/**
 * A uniform sample of at most `capacity` items from a stream of unknown length (Vitter's
 * algorithm R), drawn with the given generator.
 *
 * Keeps memory bounded whatever the traffic: a day of a busy endpoint is judged on a sample
 * of `maxRows`, and with a seeded generator the same stream gives the same sample.
 */
export class Reservoir<T> {
  readonly #capacity: number;
  readonly #random: () => number;
  readonly #items: T[] = [];
  #seen = 0;

  constructor(capacity: number, random: () => number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.#capacity = capacity;
    this.#random = random;
  }

  /** Offers one item; it is kept with probability capacity / seen. */
  offer(item: T): void {
    const slot = this.claim();
    if (slot >= 0) this.place(slot, item);
  }

  /**
   * Counts one offered item and draws whether it is kept, before the item is built: the slot to
   * `place` it in, or -1 when it is not kept. `claim` then `place` draws exactly as `offer`
   * does, so a caller that builds only the kept items draws the same sample.
   */
  claim(): number {
    this.#seen++;
    if (this.#items.length < this.#capacity) return this.#items.length;
    const slot = Math.floor(this.#random() * this.#seen);
    return slot < this.#capacity ? slot : -1;
  }

  /** Puts a claimed item in its slot. */
  place(slot: number, item: T): void {
    if (slot < 0 || slot > this.#items.length || slot >= this.#capacity)
      throw new RangeError(`slot ${slot} was not claimed (${this.#items.length} of ${this.#capacity} kept)`);
    this.#items[slot] = item;
  }

  /** How many items were offered. */
  get seen(): number {
    return this.#seen;
  }

  /** The sample, in no particular order. */
  get items(): readonly T[] {
    return this.#items;
  }
}
