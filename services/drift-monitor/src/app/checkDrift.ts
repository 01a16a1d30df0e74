import { detectDrift, renderDriftReport } from '@fleet/drift';
import { FleetMetric, reportHandledFailure } from '@fleet/shared';
import { numericColumns, setAsideNonNumeric, unknownCategoryShares } from '../domain/columnChecks.js';
import { compareWithEvaluation } from '../domain/compareWithEvaluation.js';
import { constraintViolations } from '../domain/constraintViolations.js';
import { type DriftWindow, driftWindow, windowIso } from '../domain/driftWindow.js';
import { fitBaseline } from '../domain/fitBaseline.js';
import { judgeWindow } from '../domain/judgeWindow.js';
import type { MonitorSettings } from '../domain/MonitorSettings.js';
import { modelMonitorDistance } from '../domain/modelMonitorDistance.js';
import { negativeClass, predictedClass, predictionColumnName } from '../domain/predictedClass.js';
import { reportKeys } from '../domain/reportKeys.js';
import { baselineWithPrediction, windowTable } from '../domain/windowTables.js';
import { withQuality } from '../domain/withQuality.js';
import { announceVerdict } from './announceVerdict.js';
import type { CheckOutcome } from './CheckOutcome.js';
import type { DriftPorts } from './ports.js';
import { previousVerdict } from './previousVerdict.js';
import { readBaseline } from './readBaseline.js';
import { readCaptureWindow } from './readCaptureWindow.js';
import { readEvaluation } from './readEvaluation.js';
import { readLabels } from './readLabels.js';
import { driftRecordKeys, leaseTtlDays, recordKeyOf, ttlAfter, windowId } from './recordKeys.js';
import { resolveBaseline, servingPackage } from './resolveBaseline.js';

/** One scheduled check: which model, the tick's time, the attempt and how long its lease holds. */
export type CheckRequest = {
  scheduledTime: Date;
  correlationId: string;
  /** This attempt (the Lambda request id): the owner of the window's lease. */
  attempt: string;
  leaseMs: number;
};

/** JSON-safe: non-finite numbers become null (DynamoDB and JSON refuse NaN). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Checks one model's window for drift: the use case behind the schedule.
 *
 * Takes the window's lease (one verdict per model and window: a redelivered or retried tick is
 * answered as a duplicate once the verdict is in), resolves the baseline (see
 * `resolveBaseline`; an unresolved lineage is recorded as `baseline_unresolved` with its missing
 * link and nothing is announced), reads the window's capture files into a seeded sample, joins
 * the labels that arrived, and decides with `@fleet/drift`: the input features and the model's
 * predicted classes (against the classes it was trained on) in one adjusted family, and, with
 * enough labels, quality against the serving package's own evaluation. Persistence turns the
 * `persistence`-th drifted window in a row critical. Writes the HTML report, its JSON and
 * Model Monitor's `constraint_violations.json` under `reports/drift/<model>/`, then the drift
 * record, then announces `Drift Detected` or (after drift only) `Drift Cleared`, and emits the
 * fleet's metrics and Model Monitor's `feature_baseline_drift_<feature>`. A failure fails the
 * lease, so the retry takes it over, and is rethrown.
 */
export const checkDrift = async (
  settings: MonitorSettings,
  request: CheckRequest,
  ports: DriftPorts,
): Promise<CheckOutcome> => {
  const window = driftWindow(request.scheduledTime, settings.windowMinutes, settings.graceMinutes);
  const iso = windowIso(window);
  const now = ports.clock.now();
  const acquisition = await ports.store.acquire({
    key: driftRecordKeys.lease(settings.model, iso),
    owner: request.attempt,
    now,
    durationMs: request.leaseMs,
    record: {
      kind: 'idempotency',
      id: windowId(settings.model, iso),
      correlationId: request.correlationId,
      ttl: ttlAfter(now.toISOString(), leaseTtlDays),
      model: settings.model,
      window: iso,
    },
  });
  if (acquisition.outcome === 'completed') return { status: 'duplicate', model: settings.model, window: iso };
  if (acquisition.outcome === 'held') return { status: 'concurrent', model: settings.model, window: iso };
  const lease = acquisition.lease;
  try {
    const outcome = await judge(settings, request, ports, window);
    await ports.store.complete(lease, ports.clock.now(), { status: outcome.status });
    return outcome;
  } catch (error) {
    await ports.store.fail(lease, ports.clock.now(), error).catch((failError: unknown) =>
      reportHandledFailure(ports, {
        step: 'DriftLeaseFailFailed',
        message: 'could not fail the window lease; the retry waits for it to expire',
        correlationId: request.correlationId,
        error: failError,
        details: { model: settings.model, window: iso },
      }),
    );
    throw error;
  }
};

const judge = async (
  settings: MonitorSettings,
  request: CheckRequest,
  ports: DriftPorts,
  window: DriftWindow,
): Promise<CheckOutcome> => {
  const iso = windowIso(window);
  const key = driftRecordKeys.drift(settings.model, iso);
  const common = {
    ...key,
    kind: 'drift' as const,
    id: windowId(settings.model, iso),
    at: iso.end,
    correlationId: request.correlationId,
    model: settings.model,
    pipeline: settings.pipeline,
    window: iso,
    checkedAt: ports.clock.now().toISOString(),
  };
  ports.metrics.addMetric(FleetMetric.DriftChecks, 'Count', 1);
  const previous = await previousVerdict(settings, window, ports);
  const needsServing = settings.baseline.kind === 'training' || settings.groundTruth !== undefined;
  const serving = needsServing ? await servingPackage(settings.model, ports) : undefined;
  const baselineOutcome = await resolveBaseline(settings, serving, ports);
  if ('unresolved' in baselineOutcome) {
    const { missingLink, detail, lineage } = baselineOutcome.unresolved;
    await ports.store.putDrift({
      ...common,
      status: 'baseline_unresolved',
      missingLink,
      reason: detail,
      lineage,
      streak: previous?.status === 'drift' ? previous.streak : 0,
    });
    ports.logger.warn('drift baseline unresolved', { correlationId: request.correlationId, missingLink, detail });
    return { status: 'baseline_unresolved', model: settings.model, window: iso, missingLink };
  }
  const baseline = baselineOutcome.resolved;
  const baselineRaw = await readBaseline(baseline, ports);
  const sample = await readCaptureWindow(settings, window, ports);

  const nullValues = settings.contract?.nullValues ?? [''];
  const target =
    settings.target !== undefined && baselineRaw.header.includes(settings.target) ? settings.target : undefined;
  const prediction = predictionColumnName(settings.inputColumns);
  const positive = settings.drift.labels?.positive ?? '1';
  const threshold = settings.drift.prediction?.threshold ?? 0.5;
  const classes =
    target === undefined ? undefined : { positive, negative: negativeClass(baselineRaw, target, positive) };
  const fitted = fitBaseline(
    baselineRaw,
    sample.rows.length,
    settings.drift.smallSampleRows,
    `${settings.model}|baseline|${iso.start}|${iso.end}`,
  );
  const baselineTable = baselineWithPrediction(fitted.table, target, prediction);
  const current = windowTable(
    sample.rows,
    settings.inputColumns,
    `s3://${ports.bucket}/${settings.capture.prefix}/${settings.capture.endpoint}/${settings.capture.variant}/ (${iso.start} to ${iso.end})`,
    classes === undefined ? undefined : { column: prediction, classOf: (o) => predictedClass(o, classes, threshold) },
  );
  const numeric = numericColumns(baselineTable, settings.inputColumns, settings.contract, nullValues);
  const nonNumeric = setAsideNonNumeric(current, numeric, nullValues);
  const contract =
    settings.contract === undefined || target === undefined
      ? settings.contract
      : {
          ...settings.contract,
          columns: {
            ...settings.contract.columns,
            [prediction]: { ...settings.contract.columns[target], critical: false },
          },
        };
  const { prediction: _p, labels: _l, ...thresholds } = settings.drift;
  let result = detectDrift({ baseline: baselineTable, current, contract, config: thresholds });

  let labelled = 0;
  if (settings.groundTruth !== undefined && result.status !== 'insufficient_data') {
    const labels = await readLabels(settings.groundTruth, window, new Set(sample.rows.map((r) => r.id)), ports);
    const pairs = sample.rows.flatMap((row) => {
      const label = labels.byId.get(row.id);
      return label === undefined ? [] : [{ output: row.output, label }];
    });
    labelled = pairs.length;
    const evaluationUri = serving?.package?.evaluationUri;
    if (pairs.length >= settings.drift.minRows && evaluationUri !== undefined) {
      const evaluation = await readEvaluation(evaluationUri, ports);
      const quality = compareWithEvaluation(pairs, evaluation, {
        positive,
        threshold,
        allowedDrop: settings.drift.quality.allowedDrop,
        labels: `ground truth under ${settings.groundTruth.prefix}`,
      });
      result = withQuality(result, quality);
    } else {
      result = {
        ...result,
        notes: [
          ...result.notes,
          evaluationUri === undefined
            ? 'No quality drift: the serving package has no evaluation report.'
            : `No quality drift: ${pairs.length} predictions had labels, fewer than minRows (${settings.drift.minRows}).`,
        ],
      };
    }
  }
  const verdict = judgeWindow(result, previous, settings.persistence);
  if (verdict.severity !== undefined) result = { ...result, severity: verdict.severity };
  const labelledShare = sample.rows.length === 0 ? 0 : labelled / sample.rows.length;
  const notes = [
    ...(fitted.note === undefined ? [] : [fitted.note]),
    `${sample.seen} predictions in the window from ${sample.objects} capture objects; the comparison used ${sample.rows.length}${sample.seen > sample.rows.length ? ` (a seeded sample of maxRows ${settings.maxRows})` : ''}.`,
    `${sample.outOfWindow} records outside the window were skipped; ${sample.malformed.count} malformed lines were counted.`,
    ...(settings.groundTruth === undefined
      ? []
      : [`${labelled} of ${sample.rows.length} sampled predictions had labels.`]),
    ...(target === undefined
      ? []
      : [
          `"${prediction}" is the model's predicted class (scores at or above ${threshold} are ${positive}), compared with the training labels "${target}".`,
        ]),
    ...verdict.why.map((w) => `Severity: ${w}.`),
  ];
  result = { ...result, notes: [...result.notes, ...notes] };

  const keys = reportKeys(settings.model, iso.end);
  const distances = Object.fromEntries(
    result.features.map((f) => [f.name, modelMonitorDistance(baselineTable, current, f, nullValues)]),
  );
  const violations = constraintViolations(result.features, distances, {
    rowsWithMissingColumns: sample.rowsWithMissingColumns,
    rowsWithExtraColumns: sample.rowsWithExtraColumns,
    rowsRead: sample.seen,
    inputColumns: settings.inputColumns.length,
    nonNumeric,
    unknownCategoryShare: unknownCategoryShares(
      baselineTable,
      current,
      result.features.filter((f) => f.kind === 'categorical').map((f) => f.name),
      nullValues,
    ),
  });
  const report = plain({
    model: settings.model,
    pipeline: settings.pipeline,
    window: iso,
    severity: verdict.severity ?? null,
    streak: verdict.streak,
    persistence: settings.persistence,
    baseline: { kind: baseline.kind, source: baseline.source, lineage: baseline.lineage ?? null },
    sample: {
      predictions: sample.seen,
      sampled: sample.rows.length,
      maxRows: settings.maxRows,
      objects: sample.objects,
      outOfWindow: sample.outOfWindow,
      malformed: sample.malformed,
    },
    labels: { labelled, share: labelledShare },
    modelMonitorDistances: distances,
    result,
  });
  const html = renderDriftReport({
    result,
    baseline: baselineTable,
    current,
    nullValues,
    title: `Drift report: ${settings.model}, ${iso.start} to ${iso.end}`,
    generatedAt: ports.clock.now().toISOString(),
  });
  await ports.objects.put(ports.bucket, keys.html, html, 'text/html; charset=utf-8');
  await ports.objects.put(ports.bucket, keys.json, JSON.stringify(report, null, 2), 'application/json');
  await ports.objects.put(ports.bucket, keys.violations, JSON.stringify(violations, null, 2), 'application/json');

  const drifted = result.features.filter((f) => f.drifted).map((f) => f.name);
  await ports.store.putDrift(
    plain({
      ...common,
      status: result.status,
      ...(verdict.severity === undefined ? {} : { severity: verdict.severity }),
      streak: verdict.streak,
      baseline: { kind: baseline.kind, source: baseline.source.slice(0, 2000), ...(baseline.lineage ?? {}) },
      rows: { baseline: result.rows.baseline, current: result.rows.current, predictions: sample.seen },
      outOfWindow: sample.outOfWindow,
      malformed: sample.malformed.count,
      labelled,
      driftShare: result.driftShare,
      driftedFeatures: drifted,
      regime: result.regime,
      reasons: result.reasons,
      features: result.features.map((f) => ({
        name: f.name,
        test: f.test,
        statistic: f.statistic,
        ...(f.adjustedPValue === undefined ? {} : { adjustedPValue: f.adjustedPValue }),
        threshold: f.threshold,
        psi: f.psi,
        drifted: f.drifted,
        critical: f.critical,
        distance: distances[f.name],
      })),
      ...(result.quality === undefined ? {} : { quality: result.quality }),
      reportKey: keys.html,
      reportJsonKey: keys.json,
      violationsKey: keys.violations,
      violations: violations.violations.length,
    }),
  );

  return announceVerdict(
    {
      settings,
      correlationId: request.correlationId,
      window,
      result,
      verdict,
      keys,
      recordKey: recordKeyOf(key),
      distances,
      rows: sample.rows.length,
      labelledShare,
    },
    ports,
  );
};
