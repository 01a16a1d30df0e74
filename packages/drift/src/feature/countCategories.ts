/** Counts of each category on both sides, over the union of categories. */
export type CategoryCounts = { categories: string[]; baseline: number[]; current: number[] };

const tally = (values: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
};

/**
 * Counts each category in the baseline and the current values, over the union of both.
 *
 * A category seen on one side only gets a zero on the other, which is what the chi-squared
 * table and the shares need. Categories are in code-unit order, so results do not depend
 * on the order of the rows.
 */
export const countCategories = (baseline: readonly string[], current: readonly string[]): CategoryCounts => {
  const b = tally(baseline);
  const c = tally(current);
  const categories = [...new Set([...b.keys(), ...c.keys()])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return {
    categories,
    baseline: categories.map((k) => b.get(k) ?? 0),
    current: categories.map((k) => c.get(k) ?? 0),
  };
};
