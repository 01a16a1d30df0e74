/** The default cap on distinct values whose counts a profile keeps. */
export const DEFAULT_MAX_DISTINCT = 100;

/** Small non-negative integers (flags, classes, counts) are counted in an array, not the map. */
const SMALL_INTEGERS = 256;

/**
 * Counts values while there are at most `maxDistinct` distinct ones, then gives up.
 *
 * Low-cardinality columns (categories, flags, small integers) get exact value counts; a
 * high-cardinality column costs at most `maxDistinct` map entries and reports none.
 */
export class ValueCounter<K extends string | number = string | number> {
  private counts: Map<K, number> | null = new Map();
  private readonly small = new Float64Array(SMALL_INTEGERS);
  private smallDistinct = 0;

  /** `onOverflow` receives the counts so far when the counter gives up (the value that overflowed excluded). */
  constructor(
    readonly maxDistinct = DEFAULT_MAX_DISTINCT,
    private readonly onOverflow?: (counts: ReadonlyMap<K, number>) => void,
  ) {}

  /** Whether the column still has at most `maxDistinct` distinct values. */
  get active(): boolean {
    return this.counts !== null;
  }

  /** Counts one occurrence of `value`. */
  add(value: K): void {
    const counts = this.counts;
    if (counts === null) return;
    if (typeof value === 'number' && value >= 0 && value < SMALL_INTEGERS && (value | 0) === value) {
      if (this.small[value] === 0) {
        if (counts.size + this.smallDistinct >= this.maxDistinct) {
          this.overflow();
          return;
        }
        this.smallDistinct++;
      }
      this.small[value]++;
      return;
    }
    const seen = counts.get(value);
    if (seen !== undefined) counts.set(value, seen + 1);
    else if (counts.size + this.smallDistinct < this.maxDistinct) counts.set(value, 1);
    else this.overflow();
  }

  /** The counts, or null when there were too many distinct values. */
  entries(): ReadonlyMap<K, number> | null {
    if (this.counts === null) return null;
    if (this.smallDistinct === 0) return this.counts;
    const all = new Map<K, number>();
    this.small.forEach((count, value) => {
      if (count > 0) all.set(value as K, count);
    });
    for (const [value, count] of this.counts) all.set(value, count);
    return all;
  }

  /** The counts keyed by the value's text, or null when there were too many distinct values. */
  toRecord(): Record<string, number> | null {
    const entries = this.entries();
    if (entries === null) return null;
    const record: Record<string, number> = {};
    for (const [value, count] of entries) record[String(value)] = count;
    return record;
  }

  private overflow(): void {
    const counts = this.entries();
    this.counts = null;
    if (counts !== null) this.onOverflow?.(counts);
  }
}

/**
 * Merges two capped value counts; null (too many distinct values) wins, as it would have on
 * the union of the two partitions.
 */
export const mergeValueCounts = (
  a: Record<string, number> | null,
  b: Record<string, number> | null,
  maxDistinct: number,
): Record<string, number> | null => {
  if (a === null || b === null) return null;
  const merged: Record<string, number> = { ...a };
  for (const [value, count] of Object.entries(b)) merged[value] = (merged[value] ?? 0) + count;
  return Object.keys(merged).length > maxDistinct ? null : merged;
};
