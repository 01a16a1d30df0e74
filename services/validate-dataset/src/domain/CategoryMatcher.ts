/**
 * Finds which of a column's allowed values a cell holds, comparing bytes (no string built).
 *
 * Candidates are grouped by byte length, so a cell is compared with the few values of its
 * length. O(length x candidates of that length).
 */
export class CategoryMatcher {
  private readonly byLength = new Map<number, { bytes: Uint8Array; index: number }[]>();

  constructor(readonly values: readonly string[]) {
    const encoder = new TextEncoder();
    values.forEach((value, index) => {
      const bytes = encoder.encode(value);
      const group = this.byLength.get(bytes.length) ?? [];
      group.push({ bytes, index });
      this.byLength.set(bytes.length, group);
    });
  }

  /** The index in `values` of the value in bytes `[start, end)`, or -1. */
  match(data: Uint8Array, start: number, end: number): number {
    const group = this.byLength.get(end - start);
    if (group === undefined) return -1;
    for (const { bytes, index } of group) {
      let k = 0;
      while (k < bytes.length && bytes[k] === data[start + k]) k++;
      if (k === bytes.length) return index;
    }
    return -1;
  }
}
