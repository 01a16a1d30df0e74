import type { DriftTest } from './feature/DriftTest.js';
import type { ColumnKind } from './table/ColumnKind.js';

/** The outcome of one column's comparison (a feature, the target or the model's output). */
export type ColumnDrift = {
  name: string;
  kind: ColumnKind;
  /** Whether the kind came from the contract or was inferred from the values. */
  kindSource: 'contract' | 'inferred';
  test: DriftTest;
  /** KS D, chi-squared statistic, Wasserstein / baseline std, Jensen-Shannon distance or PSI. */
  statistic: number;
  /** Hypothesis tests only. */
  pValue?: number;
  /** Hypothesis tests on features only: the p-value after the correction across features. */
  adjustedPValue?: number;
  /** KS only: `exact` or `asymp`, the path actually taken. */
  method?: 'exact' | 'asymp';
  /** Significance level (hypothesis tests) or distance threshold. */
  threshold: number;
  /** Population stability index, always reported (on category shares for categorical columns). */
  psi: number;
  drifted: boolean;
  critical: boolean;
  /** Present (non-missing) values compared on each side. */
  nBaseline: number;
  nCurrent: number;
  missingBaseline: number;
  missingCurrent: number;
};

/** A column left out of the feature tests, and why. */
export type ExcludedColumn = { name: string; reason: string };

/** One model-quality metric on both sides. */
export type QualityMetric = {
  name: 'accuracy' | 'precision' | 'recall' | 'f1' | 'roc_auc';
  baseline: number;
  current: number;
  /** baseline - current: positive when quality fell. */
  drop: number;
  drifted: boolean;
};

/** Quality drift: the model's metrics on the current labelled rows against the baseline's. */
export type QualityDrift = {
  drifted: boolean;
  allowedDrop: number;
  labels: string;
  positive: string;
  /** How the prediction column was read: probability scores thresholded, or class labels. */
  predictions: 'scores' | 'labels';
  nBaseline: number;
  nCurrent: number;
  metrics: QualityMetric[];
};

/** The verdict on the whole window. */
export const DriftStatus = { drift: 'drift', noDrift: 'no_drift', insufficientData: 'insufficient_data' } as const;
export type DriftStatus = (typeof DriftStatus)[keyof typeof DriftStatus];

/**
 * Everything {@link detectDrift} concluded about one current window against its baseline.
 *
 * The JSON form of this object is the `fleet drift --json` output and the drift record's body.
 */
export type DriftResult = {
  status: DriftStatus;
  drifted: boolean;
  /** Share of tested features that drifted (0 when none was tested). */
  driftShare: number;
  /** `critical` when a critical feature drifted or quality fell, else `warning`; absent without drift. */
  severity?: 'warning' | 'critical';
  /** Why the verdict is what it is, one sentence each. */
  reasons: string[];
  rows: { baseline: number; current: number };
  /** The default tests in force: hypothesis tests (small baseline) or distances (large baseline). */
  regime: 'hypothesis-tests' | 'distances';
  alpha: number;
  correction: 'benjamini-hochberg' | 'bonferroni' | 'none';
  features: ColumnDrift[];
  excluded: ExcludedColumn[];
  target?: ColumnDrift;
  prediction?: ColumnDrift;
  quality?: QualityDrift;
  /** Facts a reader needs to interpret the numbers (inferred kinds, PSI on categories, ...). */
  notes: string[];
};
