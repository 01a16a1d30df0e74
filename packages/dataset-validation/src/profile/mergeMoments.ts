/** Count, mean and sum of squared deviations from the mean of a set of numbers. */
export type Moments = { count: number; mean: number; m2: number };

/**
 * Merges the moments of two disjoint sets into the moments of their union.
 *
 * Chan, Golub and LeVeque (1979), "Updating formulae and a pairwise algorithm for computing
 * sample variances" (https://doi.org/10.1007/978-3-642-51461-6_3): stable where summing
 * squares is not. O(1).
 *
 * @example mergeMoments({ count: 2, mean: 1.5, m2: 0.5 }, { count: 1, mean: 3, m2: 0 }) // { count: 3, mean: 2, m2: 2 }
 */
export const mergeMoments = (a: Moments, b: Moments): Moments => {
  if (a.count === 0) return { ...b };
  if (b.count === 0) return { ...a };
  const count = a.count + b.count;
  const delta = b.mean - a.mean;
  return {
    count,
    mean: a.mean + (delta * b.count) / count,
    m2: a.m2 + b.m2 + (delta * delta * a.count * b.count) / count,
  };
};
