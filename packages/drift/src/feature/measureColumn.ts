import { chiSquareContingency, jensenShannonDistance, ks2Sample, populationStabilityIndex } from '@fleet/stats';
import type { TypedColumn } from '../table/readColumn.js';
import { categoricalPsi } from './categoricalPsi.js';
import { countCategories } from './countCategories.js';
import { DriftTest } from './DriftTest.js';
import { normalizedWasserstein } from './normalizedWasserstein.js';

/** The numbers one test gives for one column, before any verdict. */
export type Measurement = {
  statistic: number;
  /** Hypothesis tests only. */
  pValue?: number;
  /** KS only: the path actually taken. */
  method?: 'exact' | 'asymp';
  psi: number;
};

const shares = (counts: readonly number[]): number[] => {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => c / total);
};

const measureCategories = (baseline: string[], current: string[], test: DriftTest): Measurement => {
  const counts = countCategories(baseline, current);
  const psi = categoricalPsi(counts.baseline, counts.current);
  if (test === DriftTest.chiSquared) {
    // One category on both sides: nothing can differ (SciPy gives statistic 0, p-value 1).
    if (counts.categories.length < 2) return { statistic: 0, pValue: 1, psi };
    const { statistic, pValue } = chiSquareContingency([counts.baseline, counts.current]);
    return { statistic, pValue, psi };
  }
  if (test === DriftTest.jensenShannon) {
    return { statistic: jensenShannonDistance(shares(counts.baseline), shares(counts.current)), psi };
  }
  return { statistic: psi, psi };
};

const measureNumbers = (baseline: Float64Array, current: Float64Array, test: DriftTest): Measurement => {
  const psi = populationStabilityIndex(baseline, current);
  if (test === DriftTest.ks) {
    const { statistic, pValue, method } = ks2Sample(baseline, current, { method: 'auto' });
    return { statistic, pValue, method, psi };
  }
  if (test === DriftTest.wasserstein) return { statistic: normalizedWasserstein(baseline, current), psi };
  return { statistic: psi, psi };
};

/**
 * Runs one test on a column's baseline and current values, and PSI alongside it.
 *
 * Categorical tests work on the counts over the union of categories: chi-squared of
 * homogeneity on the 2 x K table (SciPy's `chi2_contingency`, Yates only when K = 2),
 * Jensen-Shannon on the shares. Both sides must have at least one present value.
 */
export const measureColumn = (baseline: TypedColumn, current: TypedColumn, test: DriftTest): Measurement =>
  baseline.kind === 'numeric' && current.kind === 'numeric'
    ? measureNumbers(baseline.values, current.values, test)
    : measureCategories(baseline.values as string[], current.values as string[], test);
