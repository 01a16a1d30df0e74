import { countCategories } from '../feature/countCategories.js';

/** Shares of each category on both sides, as drawn in a bar chart. */
export type CategoryShares = { categories: string[]; baseline: number[]; current: number[] };

/**
 * Computes category shares on both sides for a chart, keeping the most frequent categories.
 *
 * Beyond `maxCategories` the rarest (by both sides together) are merged into one
 * `(N others)` bar, so a high-cardinality column still gives a readable chart.
 */
export const categoryShares = (baseline: string[], current: string[], maxCategories = 16): CategoryShares => {
  const counts = countCategories(baseline, current);
  const order = counts.categories
    .map((_, i) => i)
    .sort((a, b) => counts.baseline[b] + counts.current[b] - (counts.baseline[a] + counts.current[a]));
  const kept = order.length > maxCategories ? order.slice(0, maxCategories - 1) : order;
  const rest = order.slice(kept.length);
  const share = (side: 'baseline' | 'current', n: number) => (indices: number[]) =>
    indices.reduce((sum, i) => sum + counts[side][i], 0) / Math.max(n, 1);
  const b = share('baseline', baseline.length);
  const c = share('current', current.length);
  const result: CategoryShares = {
    categories: kept.map((i) => counts.categories[i]),
    baseline: kept.map((i) => b([i])),
    current: kept.map((i) => c([i])),
  };
  if (rest.length > 0) {
    result.categories.push(`(${rest.length} others)`);
    result.baseline.push(b(rest));
    result.current.push(c(rest));
  }
  return result;
};
