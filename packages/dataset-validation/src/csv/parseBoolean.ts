/**
 * Parses a boolean written in bytes `[start, end)`: 1 for true, 0 for false, -1 otherwise.
 *
 * Accepts `true`/`false` in any letter case and `1`/`0`, nothing else (no `yes`, no spaces).
 * O(1).
 *
 * @example parseBoolean(new TextEncoder().encode('TRUE'), 0, 4) // 1
 */
export const parseBoolean = (data: Uint8Array, start: number, end: number): number => {
  const length = end - start;
  if (length === 1) return data[start] === 0x31 ? 1 : data[start] === 0x30 ? 0 : -1;
  if (length === 4) {
    return (data[start] | 0x20) === 0x74 &&
      (data[start + 1] | 0x20) === 0x72 &&
      (data[start + 2] | 0x20) === 0x75 &&
      (data[start + 3] | 0x20) === 0x65
      ? 1
      : -1;
  }
  if (length === 5) {
    return (data[start] | 0x20) === 0x66 &&
      (data[start + 1] | 0x20) === 0x61 &&
      (data[start + 2] | 0x20) === 0x6c &&
      (data[start + 3] | 0x20) === 0x73 &&
      (data[start + 4] | 0x20) === 0x65
      ? 0
      : -1;
  }
  return -1;
};
