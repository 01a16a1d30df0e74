import { checkPValues } from './internal/checkPValues.js';

/**
 * Benjamini-Hochberg adjusted p-values, controlling the false discovery rate across many tests.
 *
 * The drift monitor tests every feature of a model at once; comparing each adjusted p-value
 * with the target FDR (say 0.05) keeps the share of falsely flagged features under control.
 * adjusted_(i) = min over j >= i of (m / j) p_(j) on the ascending p-values, capped at 1 and
 * returned in the input order; the same as SciPy 1.11's `false_discovery_control(ps, method='bh')`
 * and R's `p.adjust(p, "BH")`.
 *
 * Reference: Benjamini, Hochberg (1995), J. R. Stat. Soc. B 57(1), 289-300,
 * https://doi.org/10.1111/j.2517-6161.1995.tb02031.x.
 * Cost: O(m log m) for m p-values.
 *
 * @throws {RangeError} when a p-value is not a number in [0, 1].
 * @example benjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(pValues: number[]): number[] {
  checkPValues(pValues);
  const m = pValues.length;
  const order = pValues.map((_, index) => index).sort((a, b) => pValues[a] - pValues[b] || a - b);
  const adjusted = new Array<number>(m);
  let runningMinimum = Number.POSITIVE_INFINITY;
  for (let rank = m; rank >= 1; rank -= 1) {
    const index = order[rank - 1];
    runningMinimum = Math.min(runningMinimum, pValues[index] * (m / rank));
    adjusted[index] = Math.min(runningMinimum, 1);
  }
  return adjusted;
}
