import type { ColumnDrift } from '../DriftResult.js';
import type { ColumnPlan } from '../selectColumns.js';
import type { TypedColumn } from '../table/readColumn.js';
import type { TestChoice } from './chooseTest.js';
import type { Measurement } from './measureColumn.js';

/**
 * Turns a column's measurement into its drift verdict and result entry.
 *
 * Hypothesis tests drift when the p-value (the adjusted one when given, as for features) is
 * below the threshold; distances drift when the statistic reaches it. A NaN p-value never
 * drifts.
 */
export const judgeColumn = (
  plan: ColumnPlan,
  choice: TestChoice,
  measurement: Measurement,
  counts: { baseline: TypedColumn; current: TypedColumn },
  adjustedPValue?: number,
): ColumnDrift => {
  const { statistic, pValue, method, psi } = measurement;
  const decisive = adjustedPValue ?? pValue;
  const drifted = decisive === undefined ? statistic >= choice.threshold : decisive < choice.threshold;
  return {
    name: plan.name,
    kind: plan.kind,
    kindSource: plan.kindSource,
    test: choice.test,
    statistic,
    ...(pValue === undefined ? {} : { pValue }),
    ...(adjustedPValue === undefined ? {} : { adjustedPValue }),
    ...(method === undefined ? {} : { method }),
    threshold: choice.threshold,
    psi,
    drifted,
    critical: plan.critical,
    nBaseline: counts.baseline.values.length,
    nCurrent: counts.current.values.length,
    missingBaseline: counts.baseline.missing,
    missingCurrent: counts.current.missing,
  };
};
