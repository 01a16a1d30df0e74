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
    this.#seen++;
    if (this.#items.length < this.#capacity) {
      this.#items.push(item);
      return;
    }
    const slot = Math.floor(this.#random() * this.#seen);
    if (slot < this.#capacity) this.#items[slot] = item;
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
