import { ColumnKind } from '../table/ColumnKind.js';

/**
 * The per-feature drift tests, by the name used in settings, JSON output and reports.
 *
 * `ks` and `chi-squared` are hypothesis tests: their threshold is a significance level for
 * the (adjusted) p-value. The others are distances: drift when the statistic reaches the
 * threshold.
 */
export const DriftTest = {
  ks: 'ks',
  chiSquared: 'chi-squared',
  wasserstein: 'wasserstein',
  jensenShannon: 'jensen-shannon',
  psi: 'psi',
} as const;
export type DriftTest = (typeof DriftTest)[keyof typeof DriftTest];

/** Every test name, for schemas and messages. */
export const driftTestNames = Object.values(DriftTest) as [DriftTest, ...DriftTest[]];

/** True for the tests that produce a p-value compared with a significance level. */
export const isHypothesisTest = (test: DriftTest): boolean => test === DriftTest.ks || test === DriftTest.chiSquared;

/** The column kinds each test accepts. */
export const testKinds: Record<DriftTest, readonly ColumnKind[]> = {
  ks: [ColumnKind.numeric],
  'chi-squared': [ColumnKind.categorical],
  wasserstein: [ColumnKind.numeric],
  'jensen-shannon': [ColumnKind.categorical],
  psi: [ColumnKind.numeric, ColumnKind.categorical],
};

/**
 * Default thresholds of the distance tests.
 *
 * Wasserstein is divided by the baseline's standard deviation, so 0.1 means a tenth of a
 * standard deviation; 0.1 for the Jensen-Shannon distance (natural log) matches common
 * monitoring practice; 0.2 is the usual "significant shift" level for PSI.
 */
export const defaultDistanceThresholds = { wasserstein: 0.1, 'jensen-shannon': 0.1, psi: 0.2 } as const;
