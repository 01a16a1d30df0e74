/** What the first bytes of a file say about its encoding. */
export type EncodingSniff = { bomLength: number; rejected: string | null };

/**
 * Reads the byte-order mark (or its absence) from the first bytes of a file (4 are enough).
 *
 * A UTF-8 BOM is accepted and skipped; UTF-16 and UTF-32, with a BOM or recognisable by the NUL
 * bytes of ASCII text, are rejected with the encoding they look like. O(1).
 *
 * @example sniffEncoding(Uint8Array.of(0xff, 0xfe, 0x61, 0x00)) // { bomLength: 0, rejected: 'UTF-16LE (byte-order mark FF FE)' }
 */
export const sniffEncoding = (head: Uint8Array): EncodingSniff => {
  const [b0, b1, b2, b3] = head;
  const four = head.length >= 4;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { bomLength: 3, rejected: null };
  if (four && b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) {
    return { bomLength: 0, rejected: 'UTF-32LE (byte-order mark FF FE 00 00)' };
  }
  if (four && b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) {
    return { bomLength: 0, rejected: 'UTF-32BE (byte-order mark 00 00 FE FF)' };
  }
  if (b0 === 0xff && b1 === 0xfe) return { bomLength: 0, rejected: 'UTF-16LE (byte-order mark FF FE)' };
  if (b0 === 0xfe && b1 === 0xff) return { bomLength: 0, rejected: 'UTF-16BE (byte-order mark FE FF)' };
  if (four && b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0)
    return { bomLength: 0, rejected: 'UTF-16LE (no byte-order mark)' };
  if (four && b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0)
    return { bomLength: 0, rejected: 'UTF-16BE (no byte-order mark)' };
  return { bomLength: 0, rejected: null };
};
