const floor = 1e-4;

/**
 * Population stability index on category shares: sum of (q - p) ln(q / p) over categories.
 *
 * The categories play the part of the quantile bins of the numeric PSI, with the same
 * convention: each share is floored at 1e-4 (no renormalisation), so a category absent on one
 * side adds a large but finite term. Cost O(k).
 *
 * @example categoricalPsi([50, 50], [50, 50]) // 0
 */
export const categoricalPsi = (baselineCounts: readonly number[], currentCounts: readonly number[]): number => {
  const nb = baselineCounts.reduce((a, b) => a + b, 0);
  const nc = currentCounts.reduce((a, b) => a + b, 0);
  let psi = 0;
  baselineCounts.forEach((count, i) => {
    const p = Math.max(count / nb, floor);
    const q = Math.max(currentCounts[i] / nc, floor);
    psi += (q - p) * Math.log(q / p);
  });
  return psi;
};
