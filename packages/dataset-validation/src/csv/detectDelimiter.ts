const CANDIDATES = [',', ';', '\t', '|'];

/**
 * Guesses the delimiter of a header line that did not split on the contract's delimiter.
 *
 * Returns the candidate (comma, semicolon, tab or pipe) found most often, or null when none
 * occurs. Only used to explain a one-field header, so a plain count is enough. O(length).
 *
 * @example detectDelimiter('a;b;c', ',') // { delimiter: ';', count: 2 }
 */
export const detectDelimiter = (header: string, expected: string): { delimiter: string; count: number } | null => {
  let best: { delimiter: string; count: number } | null = null;
  for (const delimiter of CANDIDATES) {
    if (delimiter === expected) continue;
    const count = header.split(delimiter).length - 1;
    if (count > 0 && (best === null || count > best.count)) best = { delimiter, count };
  }
  return best;
};
