const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a decimal number such as `12`, `-0.5` or `1e-3`, or returns `undefined`.
 *
 * Stricter than `Number()`, which also accepts `0x1A`, `Infinity` and blank text: a column
 * counts as numeric only when its values read as plain finite decimals.
 */
export const parseFiniteNumber = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (!decimal.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
};
