/**
 * Checks that every entry is a p-value: a number in [0, 1].
 *
 * Multiple-testing corrections of NaN or out-of-range numbers would silently rank garbage, so
 * they are refused with the offending index, as SciPy's `false_discovery_control` refuses them.
 * Cost O(m).
 *
 * @throws {RangeError} when the argument is not an array or an entry is not a number in [0, 1].
 * @example checkPValues([0, 0.5, 1]) // undefined (no error)
 */
export function checkPValues(pValues: number[]): void {
  if (!Array.isArray(pValues)) throw new RangeError('pValues must be an array of numbers');
  pValues.forEach((pValue, index) => {
    if (typeof pValue !== 'number' || !(pValue >= 0 && pValue <= 1)) {
      throw new RangeError(`pValues[${index}] must be a number in [0, 1]; got ${String(pValue)}`);
    }
  });
}
