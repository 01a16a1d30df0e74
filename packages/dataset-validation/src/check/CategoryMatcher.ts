const NONE = -1;
const SEVERAL = -2;

/**
 * Finds which of a column's allowed values a cell holds, comparing bytes (no string built).
 *
 * A table keyed by (byte length, first byte) names the one candidate to compare in the usual
 * case; values sharing both are compared in turn. O(length).
 */
export class CategoryMatcher {
  private readonly encoded: Uint8Array[];
  private readonly maxLength: number;
  private readonly slots: Int16Array;

  constructor(readonly values: readonly string[]) {
    const encoder = new TextEncoder();
    this.encoded = values.map((value) => encoder.encode(value));
    this.maxLength = Math.max(...this.encoded.map((bytes) => bytes.length));
    this.slots = new Int16Array((this.maxLength + 1) * 256).fill(NONE);
    this.encoded.forEach((bytes, index) => {
      const slot = bytes.length * 256 + (bytes.length > 0 ? bytes[0] : 0);
      this.slots[slot] = this.slots[slot] === NONE ? index : SEVERAL;
    });
  }

  /** The index in `values` of the value in bytes `[start, end)`, or -1. */
  match(data: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length > this.maxLength) return NONE;
    const candidate = this.slots[length * 256 + (length > 0 ? data[start] : 0)];
    if (candidate >= 0) return this.equals(candidate, data, start, length) ? candidate : NONE;
    if (candidate === NONE) return NONE;
    for (let index = 0; index < this.encoded.length; index++) {
      if (this.encoded[index].length === length && this.equals(index, data, start, length)) return index;
    }
    return NONE;
  }

  private equals(index: number, data: Uint8Array, start: number, length: number): boolean {
    const bytes = this.encoded[index];
    for (let k = 1; k < length; k++) if (bytes[k] !== data[start + k]) return false;
    return length === 0 || bytes[0] === data[start];
  }
}
