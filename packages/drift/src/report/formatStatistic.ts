/**
 * Formats a statistic or p-value for people: four significant digits, scientific notation
 * for very small or large magnitudes, `n/a` for NaN and `-` for an absent value.
 *
 * @example formatStatistic(0.000012345) // '1.234e-5'
 */
export const formatStatistic = (value: number | undefined): string => {
  if (value === undefined) return '-';
  if (Number.isNaN(value)) return 'n/a';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) return value.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(4)));
};
