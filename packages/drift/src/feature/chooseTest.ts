import type { DriftConfig } from '../config/DriftConfig.js';
import { DriftInputError } from '../DriftInputError.js';
import { ColumnKind } from '../table/ColumnKind.js';
import { DriftTest, defaultDistanceThresholds, isHypothesisTest, testKinds } from './DriftTest.js';

/** The test a column runs and the threshold it is judged by. */
export type TestChoice = { test: DriftTest; threshold: number };

/**
 * Picks a column's test and threshold: the column's own settings when given, else the default.
 *
 * The default depends on the baseline's size. Up to `smallSampleRows` rows, KS (numeric) and
 * the chi-squared test of homogeneity (categorical) at `alpha`; above it, hypothesis tests
 * flag shifts too small to matter, so distances with a fixed threshold are used instead:
 * Wasserstein over the baseline's standard deviation (numeric) and the Jensen-Shannon
 * distance (categorical).
 *
 * @throws DriftInputError when the settings ask for a test that does not fit the column's kind
 */
export const chooseTest = (name: string, kind: ColumnKind, baselineRows: number, config: DriftConfig): TestChoice => {
  const own = config.features[name];
  const small = baselineRows <= config.smallSampleRows;
  const numeric = kind === ColumnKind.numeric;
  const fallback = small
    ? numeric
      ? DriftTest.ks
      : DriftTest.chiSquared
    : numeric
      ? DriftTest.wasserstein
      : DriftTest.jensenShannon;
  const test = own?.test ?? fallback;
  if (!testKinds[test].includes(kind)) {
    throw new DriftInputError(
      `drift settings: features.${name}.test: "${test}" needs a ${testKinds[test].join(' or ')} column, and "${name}" is ${kind}`,
    );
  }
  if (isHypothesisTest(test)) {
    const threshold = own?.threshold ?? config.alpha;
    if (threshold >= 1) {
      throw new DriftInputError(
        `drift settings: features.${name}.threshold: must be below 1: it is the significance level of the ${test} test`,
      );
    }
    return { test, threshold };
  }
  return {
    test,
    threshold: own?.threshold ?? defaultDistanceThresholds[test as keyof typeof defaultDistanceThresholds],
  };
};
