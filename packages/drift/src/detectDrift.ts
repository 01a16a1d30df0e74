import { ConfigError, type DatasetContract, formatZodIssues } from '@fleet/shared';
import { DriftConfig, type DriftConfigInput } from './config/DriftConfig.js';
import { type ColumnDrift, type DriftResult, DriftStatus } from './DriftResult.js';
import { adjustPValues } from './feature/adjustPValues.js';
import { chooseTest } from './feature/chooseTest.js';
import { isHypothesisTest } from './feature/DriftTest.js';
import { judgeColumn } from './feature/judgeColumn.js';
import { measureColumn } from './feature/measureColumn.js';
import { compareQuality } from './quality/compareQuality.js';
import { type ColumnPlan, selectColumns } from './selectColumns.js';
import type { DataTable } from './table/DataTable.js';
import { readColumn } from './table/readColumn.js';

/** What {@link detectDrift} compares. */
export type DriftInput = {
  baseline: DataTable;
  current: DataTable;
  /** Declares column kinds, identifiers, critical columns and the target; optional. */
  contract?: DatasetContract;
  /** Drift settings; defaults apply to anything left out. */
  config?: DriftConfigInput;
};

const percent = (share: number): string => `${(share * 100).toFixed(0)}%`;

/**
 * Decides whether a current window has drifted from its baseline, feature by feature and as a whole.
 *
 * Each feature runs its test (see `chooseTest`); with hypothesis tests the p-values are
 * adjusted across features before comparing with alpha. The dataset drifts when at least one
 * feature drifts (or, with `driftShare`, that share of features), or when a critical feature
 * drifts; prediction drift and quality drift also make the verdict `drift`. Target drift is
 * reported but does not decide. A window (or baseline) with fewer than `minRows` rows gets
 * `insufficient_data` and no feature results. Pure: the caller reads the files.
 *
 * @throws ConfigError when `config` is invalid
 * @throws DriftInputError when the data cannot be analysed (missing column, non-numeric value
 *   in a numeric column, a test that does not fit a column)
 */
export const detectDrift = (input: DriftInput): DriftResult => {
  const parsed = DriftConfig.safeParse(input.config ?? {});
  if (!parsed.success) throw new ConfigError('drift settings', formatZodIssues(parsed.error));
  const config = parsed.data;
  const { baseline, current, contract } = input;
  const roles = selectColumns(baseline, current, config, contract);
  const rows = { baseline: baseline.rows.length, current: current.rows.length };
  const regime = rows.baseline <= config.smallSampleRows ? 'hypothesis-tests' : 'distances';
  const common = { rows, regime, alpha: config.alpha, correction: config.correction } as const;

  const short = [
    rows.current < config.minRows ? `the current data has ${rows.current} rows` : undefined,
    rows.baseline < config.minRows ? `the baseline has ${rows.baseline} rows` : undefined,
  ].filter((s) => s !== undefined);
  if (short.length > 0) {
    return {
      status: DriftStatus.insufficientData,
      drifted: false,
      driftShare: 0,
      reasons: [`Insufficient data: ${short.join(' and ')}; at least ${config.minRows} are needed (minRows).`],
      ...common,
      features: [],
      excluded: roles.excluded,
      notes: roles.notes,
    };
  }

  const measure = (plan: ColumnPlan) => {
    const choice = chooseTest(plan.name, plan.kind, rows.baseline, config);
    const counts = {
      baseline: readColumn(baseline, plan.name, plan.kind, roles.nullValues),
      current: readColumn(current, plan.name, plan.kind, roles.nullValues),
    };
    return { plan, choice, counts, measurement: measureColumn(counts.baseline, counts.current, choice.test) };
  };
  const compare = (plan: ColumnPlan): ColumnDrift => {
    const m = measure(plan);
    return judgeColumn(m.plan, m.choice, m.measurement, m.counts);
  };

  const measured = roles.features.map(measure);
  const tested = measured.flatMap((m, i) => (isHypothesisTest(m.choice.test) ? [i] : []));
  const adjusted = adjustPValues(
    tested.map((i) => measured[i].measurement.pValue ?? Number.NaN),
    config.correction,
  );
  const features = measured.map((m, i) => {
    const k = tested.indexOf(i);
    return judgeColumn(m.plan, m.choice, m.measurement, m.counts, k < 0 ? undefined : adjusted[k]);
  });

  const target = roles.target === undefined ? undefined : compare(roles.target);
  const prediction = roles.prediction === undefined ? undefined : compare(roles.prediction);
  const notes = [...roles.notes];
  let quality: DriftResult['quality'];
  if (roles.prediction !== undefined && roles.labels !== undefined) {
    const outcome = compareQuality(baseline, current, {
      prediction: roles.prediction.name,
      labels: roles.labels,
      positive: config.labels?.positive ?? '1',
      threshold: config.prediction?.threshold ?? 0.5,
      allowedDrop: config.quality.allowedDrop,
      nullValues: roles.nullValues,
    });
    if ('quality' in outcome) quality = outcome.quality;
    else notes.push(outcome.note);
  }

  const drifted = features.filter((f) => f.drifted);
  const driftShare = features.length === 0 ? 0 : drifted.length / features.length;
  const critical = drifted.filter((f) => f.critical);
  const shareReached = config.driftShare === undefined ? drifted.length > 0 : driftShare >= config.driftShare;
  const reasons: string[] = [];
  if (shareReached) {
    const rule = config.driftShare === undefined ? 'at least one' : `at least ${percent(config.driftShare)}`;
    reasons.push(
      `${drifted.length} of ${features.length} features drifted (${percent(driftShare)}; the rule is ${rule}): ${drifted.map((f) => f.name).join(', ')}.`,
    );
  } else {
    reasons.push(`${drifted.length} of ${features.length} features drifted (${percent(driftShare)}).`);
  }
  if (critical.length > 0) reasons.push(`Critical features drifted: ${critical.map((f) => f.name).join(', ')}.`);
  if (prediction?.drifted) reasons.push(`The model's output (${prediction.name}) drifted.`);
  if (quality?.drifted) {
    const fell = quality.metrics.filter((m) => m.drifted);
    reasons.push(
      `Quality fell by more than ${quality.allowedDrop}: ${fell.map((m) => `${m.name} ${m.baseline.toFixed(3)} -> ${m.current.toFixed(3)}`).join(', ')}.`,
    );
  }
  if (target?.drifted) reasons.push(`The target (${target.name}) drifted; reported only, it does not decide.`);

  const isDrift = shareReached || critical.length > 0 || prediction?.drifted === true || quality?.drifted === true;
  if (features.length === 0) notes.push('No feature left to compare after the exclusions.');
  if ([...features, target, prediction].some((f) => f?.kind === 'categorical')) {
    notes.push(
      'PSI of a categorical column is computed on category shares, each floored at 1e-4 like the numeric bins.',
    );
  }
  notes.push(
    regime === 'hypothesis-tests'
      ? `The baseline has ${rows.baseline} rows (at most ${config.smallSampleRows}): KS and chi-squared tests, p-values adjusted (${config.correction}) and compared with alpha ${config.alpha}.`
      : `The baseline has ${rows.baseline} rows (more than ${config.smallSampleRows}): distances, Wasserstein divided by the baseline's standard deviation and Jensen-Shannon (natural log).`,
  );
  return {
    status: isDrift ? DriftStatus.drift : DriftStatus.noDrift,
    drifted: isDrift,
    driftShare,
    ...(isDrift ? { severity: critical.length > 0 || quality?.drifted ? 'critical' : 'warning' } : {}),
    reasons,
    ...common,
    features,
    excluded: roles.excluded,
    ...(target === undefined ? {} : { target }),
    ...(prediction === undefined ? {} : { prediction }),
    ...(quality === undefined ? {} : { quality }),
    notes,
  };
};
