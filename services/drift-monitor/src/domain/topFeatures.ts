import { type ColumnDrift, isHypothesisTest } from '@fleet/drift';
import type { TopFeatureValue } from '@fleet/shared';

/** How far past its threshold a drifted feature is: larger is more drifted. */
const excess = (f: ColumnDrift): number => {
  if (isHypothesisTest(f.test)) {
    const p = f.adjustedPValue ?? f.pValue ?? 1;
    return f.threshold / Math.max(p, Number.MIN_VALUE);
  }
  return f.statistic / f.threshold;
};

/**
 * The drifted features, most drifted first, at most `limit`: test, statistic, threshold and the
 * (adjusted) p-value of a hypothesis test. Statistics only: no raw value leaves in an event.
 */
export const topFeatures = (features: readonly ColumnDrift[], limit = 10): TopFeatureValue[] =>
  features
    .filter((f) => f.drifted)
    .sort((a, b) => excess(b) - excess(a))
    .slice(0, limit)
    .map((f) => {
      const p = f.adjustedPValue ?? f.pValue;
      return {
        name: f.name,
        test: f.test,
        statistic: f.statistic,
        threshold: f.threshold,
        ...(p === undefined || !Number.isFinite(p) ? {} : { pValue: Math.min(1, Math.max(0, p)) }),
      };
    });
