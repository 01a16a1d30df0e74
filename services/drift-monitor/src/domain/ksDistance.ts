/**
 * The two-sample Kolmogorov-Smirnov statistic D: the largest distance between the two samples'
 * empirical distribution functions (SciPy's `ks_2samp(a, b).statistic`). NaN when a sample is
 * empty. Cost O((n + m) log(n + m)).
 *
 * @example ksDistance([1, 2, 3], [2, 3, 4]) // 0.3333333333333333
 */
export const ksDistance = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  if (a.length === 0 || b.length === 0) return Number.NaN;
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
};
