import type { ColumnDrift } from '@fleet/drift';

/** One entry of Model Monitor's `constraint_violations.json`. */
export type ConstraintViolation = {
  feature_name: string;
  constraint_check_type:
    | 'data_type_check'
    | 'completeness_check'
    | 'baseline_drift_check'
    | 'missing_column_check'
    | 'extra_column_check'
    | 'categorical_values_check';
  description: string;
};

/** What the window's columns looked like, beside the drift results, for the other checks. */
export type ColumnChecks = {
  /** Requests with fewer fields than the input columns, and with more. */
  rowsWithMissingColumns: number;
  rowsWithExtraColumns: number;
  rowsRead: number;
  inputColumns: number;
  /** Per feature: values of a numeric feature that are not numbers (set aside as missing). */
  nonNumeric: Record<string, number>;
  /** Per categorical feature: the share of the window's values never seen in the baseline. */
  unknownCategoryShare: Record<string, number>;
};

/** Model Monitor's default `datatype_check_threshold`: more than this share of wrong types is a violation. */
export const DATATYPE_CHECK_THRESHOLD = 0.1;
/** A fall of the non-missing share by more than this below the baseline's is a completeness violation. */
export const COMPLETENESS_DROP = 0.1;
/** Any share of unknown categories above this is a violation (Model Monitor's `domain_content_threshold` default). */
export const DOMAIN_CONTENT_THRESHOLD = 0;

const format = (value: number): string => (Number.isFinite(value) ? Number(value.toPrecision(4)).toString() : 'n/a');

const completeness = (present: number, missing: number): number =>
  present + missing === 0 ? 1 : present / (present + missing);

/**
 * The window's violations in Model Monitor's `constraint_violations.json` format, so alarms
 * and dashboards built on Model Monitor's output keep working.
 *
 * `baseline_drift_check` lists the features the drift decision marked drifted, with the
 * L-infinity distance Model Monitor would report and the fleet's own test and threshold;
 * the other checks follow Model Monitor's definitions with its default thresholds.
 */
export const constraintViolations = (
  features: readonly ColumnDrift[],
  distances: Readonly<Record<string, number>>,
  checks: ColumnChecks,
): { violations: ConstraintViolation[] } => {
  const violations: ConstraintViolation[] = [];
  if (checks.rowsWithMissingColumns > 0) {
    violations.push({
      feature_name: '',
      constraint_check_type: 'missing_column_check',
      description: `There are missing columns in current dataset: ${checks.rowsWithMissingColumns} of ${checks.rowsRead} requests had fewer than the ${checks.inputColumns} input columns.`,
    });
  }
  if (checks.rowsWithExtraColumns > 0) {
    violations.push({
      feature_name: '',
      constraint_check_type: 'extra_column_check',
      description: `There are extra columns in current dataset: ${checks.rowsWithExtraColumns} of ${checks.rowsRead} requests had more than the ${checks.inputColumns} input columns.`,
    });
  }
  for (const f of features) {
    if (f.drifted) {
      violations.push({
        feature_name: f.name,
        constraint_check_type: 'baseline_drift_check',
        description: `Baseline drift distance: ${format(distances[f.name] ?? Number.NaN)} (L-infinity); drifted by the ${f.test} test: statistic ${format(f.statistic)}${f.adjustedPValue === undefined ? '' : `, adjusted p-value ${format(f.adjustedPValue)}`}, threshold ${format(f.threshold)}.`,
      });
    }
    const wrong = checks.nonNumeric[f.name] ?? 0;
    const total = f.nCurrent + f.missingCurrent;
    if (total > 0 && wrong / total > DATATYPE_CHECK_THRESHOLD) {
      violations.push({
        feature_name: f.name,
        constraint_check_type: 'data_type_check',
        description: `Data type match requirement is not met. Expected data type: ${f.kind === 'numeric' ? 'Fractional' : 'String'}, expected match: ${format(1 - DATATYPE_CHECK_THRESHOLD)}, observed match: ${format(1 - wrong / total)}.`,
      });
    }
    const expected = completeness(f.nBaseline, f.missingBaseline);
    const observed = completeness(f.nCurrent, f.missingCurrent);
    if (observed < expected - COMPLETENESS_DROP) {
      violations.push({
        feature_name: f.name,
        constraint_check_type: 'completeness_check',
        description: `Data completeness requirement is not met. Expected completeness: ${format(expected)}, observed completeness: ${format(observed)}.`,
      });
    }
    const unknown = checks.unknownCategoryShare[f.name] ?? 0;
    if (f.kind === 'categorical' && unknown > DOMAIN_CONTENT_THRESHOLD) {
      violations.push({
        feature_name: f.name,
        constraint_check_type: 'categorical_values_check',
        description: `Data type match requirement is not met. ${format(unknown * 100)}% of the values are not in the baseline's domain.`,
      });
    }
  }
  return { violations };
};
