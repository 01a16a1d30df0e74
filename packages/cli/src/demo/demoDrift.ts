import path from 'node:path';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import type { PipelineRunPlan, RegistrationMetrics } from '@fleet/local-cloud';
import type { FleetRecord } from '@fleet/shared';
import type { FleetCloud } from '../local/FleetCloud.js';
import type { DemoCheck, DemoNarration } from './demoApproval.js';
import {
  CHURN_MODEL_BASELINE,
  CHURN_MODEL_DRIFTED,
  csvSlice,
  requestLayout,
  type TrafficRows,
  trafficRows,
} from './demoChurnModels.js';
import { type DemoDriftRetrain, runDriftRetrainSteps } from './demoDriftRetrain.js';
import { DRIVER_MAX_ATTEMPTS } from './demoFaults.js';
import { groundTruthKey, groundTruthLines } from './demoLabels.js';
import type { DemoNightlySchedule } from './demoNightlySchedule.js';
import { type DemoTrainingInput, pointTrainingInputAt } from './demoTrainingInput.js';
import { executionName, packageName } from './describeEvent.js';
import { renderSlackMessage } from './renderSlackMessage.js';

/** The model the demo's traffic goes to. */
const MODEL = 'churn';
/** The drift monitor's scheduled function, whose firings mark a check. */
const DRIFT_SERVICE = 'fleet-drift-monitor';
const DRIFT_FUNCTION = 'checkDrift';
/** Requests sent per window of traffic (one CSV row each). */
export const DEMO_TRAFFIC_ROWS = 300;
/** Requests in flight at once. */
const CONCURRENCY = 16;
/** How far the demo lets the clock run to reach the next drift check, at most. */
const CHECK_LIMIT_MS = 26 * 3_600_000;
/** How long after the predictions their labels (the churn outcome) are collected. */
const LABEL_DELAY_MS = 12 * 3_600_000;
/** The hour (UTC) the labelled export of the new customers lands: 04:00 in Berlin in summer, inside the pipeline's quiet hours. */
const EXPORT_HOUR_UTC = 2;
/** The rows of the drifted file the export holds (0-based, after the header): disjoint from the traffic's first 900. */
const EXPORT_FROM = 1000;
const EXPORT_ROWS = 7000;

/** One batch of traffic the demo sent through InvokeEndpoint. */
export type DemoTraffic = {
  /** The dataset file the rows came from (relative to the repository root). */
  file: string;
  requests: number;
  /** Requests Data Capture recorded. */
  captured: number;
  /** Local-clock times of the first and the last request. */
  from: string;
  to: string;
};

/** One window the drift monitor judged, from its drift record. */
export type DemoDriftVerdict = {
  /** The window, ISO 8601 start and end. */
  window: { start: string; end: string };
  status: string;
  severity?: string;
  /** Consecutive drifted windows, this one included. */
  streak?: number;
  /** Predictions in the window, and rows compared (baseline and window sample). */
  predictions?: number;
  driftShare?: number;
  driftedFeatures: string[];
  reportKey?: string;
  /** The baseline the window was compared with (`s3://` URIs), and how it was found (`training`: by lineage). */
  baseline?: { kind: string; source: string; modelPackageArn?: string };
  /** Sampled predictions that had labels, and the quality verdict when there were enough. */
  labelled?: number;
  quality?: {
    drifted: boolean;
    allowedDrop?: number;
    metrics: { name: string; baseline: number; current: number; drifted: boolean }[];
  };
};

/** The drift part of the demo: the traffic, the monitor's verdicts, the incident and the retrain. */
export type DemoDrift = {
  endpointName: string;
  /** The package `Model Deployed` announced on the endpoint; without one no traffic is sent. */
  deployed?: string;
  traffic: DemoTraffic[];
  captureFiles: number;
  verdicts: DemoDriftVerdict[];
  /** Every `Drift Detected`: its severity and report key. */
  detected: { severity: string; reportKey?: string }[];
  /** Every `Drift Cleared`: the severity it cleared and its report key. */
  cleared: { previousSeverity: string; reportKey?: string }[];
  /** PagerDuty incidents opened during the drift steps, as they stand at the end (status and when resolved). */
  incidents: {
    id: string;
    status: string;
    /** The status right after the critical drift's check, before the new model served. */
    statusAfterCritical?: string;
    severity: string;
    summary: string;
    dedupKey: string;
    source: string;
    createdAt: string;
    resolvedAt?: string;
  }[];
  /** The Slack message posted for `Drift Cleared`, as people see it, if one was posted. */
  clearedSlackMessage?: string[];
  /** The nightly schedule rule the demo switched off before the story, so the drift retrain is not kept out. */
  nightly?: DemoNightlySchedule;
  /** The ground truth written for the critical window's predictions: where, when, how many labels. */
  labels?: { key: string; collectedAt: string; count: number };
  /** The labelled export of the new customers: where it landed, its rows, its validation and its own trigger. */
  trainingData?: {
    key: string;
    rows: number;
    validated: boolean;
    /** What trigger-retraining made of its landing (`skipped: quiet-hours`). */
    trigger?: string;
    /** The pipeline default that points at it. */
    input?: DemoTrainingInput;
  };
  /** What trigger-retraining made of the critical drift, and the retrain's way round the loop. */
  retrain?: DemoDriftRetrain;
};

const detailOf = (event: { detail: unknown }) => event.detail as Record<string, unknown>;

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

const driftRecords = async (fleet: FleetCloud): Promise<FleetRecord[]> =>
  (await fleet.history(`MODEL#${MODEL}`)).filter((record) => record.kind === 'drift');

const verdictOf = (record: FleetRecord): DemoDriftVerdict => {
  const window = (record.window ?? {}) as Record<string, unknown>;
  const rows = (record.rows ?? {}) as Record<string, unknown>;
  const baseline = record.baseline as Record<string, unknown> | undefined;
  const quality = record.quality as
    | { drifted?: unknown; allowedDrop?: unknown; metrics?: Record<string, unknown>[] }
    | undefined;
  return {
    window: { start: text(window.start), end: text(window.end) },
    status: text(record.status),
    ...(record.severity === undefined ? {} : { severity: text(record.severity) }),
    ...(typeof record.streak === 'number' ? { streak: record.streak } : {}),
    ...(typeof rows.predictions === 'number' ? { predictions: rows.predictions } : {}),
    ...(typeof record.driftShare === 'number' ? { driftShare: record.driftShare } : {}),
    driftedFeatures: Array.isArray(record.driftedFeatures) ? record.driftedFeatures.map(text) : [],
    ...(record.reportKey === undefined ? {} : { reportKey: text(record.reportKey) }),
    ...(baseline === undefined
      ? {}
      : {
          baseline: {
            kind: text(baseline.kind),
            source: text(baseline.source),
            ...(baseline.modelPackageArn === undefined ? {} : { modelPackageArn: text(baseline.modelPackageArn) }),
          },
        }),
    ...(typeof record.labelled === 'number' ? { labelled: record.labelled } : {}),
    ...(quality === undefined
      ? {}
      : {
          quality: {
            drifted: quality.drifted === true,
            ...(typeof quality.allowedDrop === 'number' ? { allowedDrop: quality.allowedDrop } : {}),
            metrics: (quality.metrics ?? []).map((metric) => ({
              name: text(metric.name),
              baseline: Number(metric.baseline),
              current: Number(metric.current),
              drifted: metric.drifted === true,
            })),
          },
        }),
  };
};

const windowText = (window: { start: string; end: string }): string =>
  `${window.start.replace('T', ' ').slice(0, 16)} to ${window.end.replace('T', ' ').slice(0, 16)} UTC`;

/** One line on a window's labels and quality, as the drift record holds them. */
export const labelsLine = (verdict: DemoDriftVerdict): string => {
  const labelled = verdict.labelled ?? 0;
  const predictions = verdict.predictions ?? 0;
  const share = predictions === 0 ? 0 : Math.round((labelled / predictions) * 100);
  const quality =
    verdict.quality === undefined
      ? 'no quality verdict (too few labels, or no evaluation to compare with)'
      : `quality ${verdict.quality.drifted ? 'drifted' : 'held'} against the serving package's evaluation: ${verdict.quality.metrics
          .filter((metric) => metric.name === 'accuracy' || metric.name === 'roc_auc')
          .map(
            (metric) =>
              `${metric.name} ${metric.baseline.toFixed(3)} → ${metric.current.toFixed(3)}${metric.drifted ? ' (fell beyond the allowed drop)' : ''}`,
          )
          .join(
            ', ',
          )}${verdict.quality.allowedDrop === undefined ? '' : `; allowed drop ${verdict.quality.allowedDrop}`}`;
  return `Labels: ${labelled} of ${predictions} predictions labelled (${share} %); ${quality}`;
};

/** Options of {@link runDriftSteps}: the files the traffic and the export come from, and how the pipeline runs. */
export type DriftStepsOptions = {
  /** The training data of the first model (traffic like it first). */
  baseline: string;
  /** The drifted customers: their traffic, their labels and their labelled export. */
  drifted: string;
  /** Where the model's datasets land (`raw/churn/`): the labelled export lands there. */
  landingPrefix: string;
  /** The pipeline the drift retrain runs, its run plan and evaluation metrics (kept when its input default changes). */
  pipeline: string;
  run: PipelineRunPlan;
  metrics?: RegistrationMetrics;
  /** The nightly schedule the demo switched off, reported as part of the drift story. */
  nightly?: DemoNightlySchedule;
};

/**
 * The drift steps of `fleet demo`, after the package is deployed: traffic like the training data
 * goes through InvokeEndpoint (the SDK's client, Data Capture on, the contract's columns without
 * the target, each request's inference id its customer id), and the drift check judges it
 * against the serving model's training data found by lineage (no drift, no event); then traffic
 * of new customers (the drifted file), two windows in a row: `Drift Detected` warning, then
 * critical. The second window's churn outcomes arrive 12 hours after its predictions as ground
 * truth in Model Monitor's format, so its check also judges quality; overnight the labelled
 * export of the new customers lands, is validated, and the pipeline's default training input is
 * pointed at it. The critical drift pages the on-call and starts a retrain for drift, which is
 * followed round the loop (`runDriftRetrainSteps`); the next day of the new customers' traffic,
 * judged against the new model's training data, clears the drift and resolves the incident.
 */
export const runDriftSteps = async (
  fleet: FleetCloud,
  options: DriftStepsOptions,
  narration: DemoNarration,
): Promise<DemoDrift> => {
  const { cloud } = fleet;
  const { step, flush, write } = narration;
  const endpointName = fleet.config.models[MODEL]?.deployment?.endpointName ?? MODEL;
  const traffic: DemoTraffic[] = [];
  const verdicts: DemoDriftVerdict[] = [];
  const nightly = options.nightly === undefined ? {} : { nightly: options.nightly };
  const deployedEvent = cloud
    .events()
    .map((entry) => entry.event)
    .find((event) => event['detail-type'] === 'Model Deployed' && detailOf(event).endpointName === endpointName);
  if (deployedEvent === undefined) {
    step(`No live traffic: no Model Deployed for endpoint ${endpointName}`);
    return { endpointName, traffic, captureFiles: 0, verdicts, detected: [], cleared: [], incidents: [], ...nightly };
  }
  const deployed = text(detailOf(deployedEvent).modelPackageArn);
  const layout = requestLayout(fleet.config, MODEL);
  const groundTruthPrefix = fleet.config.models[MODEL]?.drift?.groundTruth?.prefix;
  const runtime = new SageMakerRuntimeClient({
    endpoint: cloud.endpoints.sagemaker_runtime,
    region: cloud.names.region,
    maxAttempts: DRIVER_MAX_ATTEMPTS,
  });

  const incidentsBefore = fleet.pagerDuty.incidents().length;
  const bucket = fleet.resources.dataBucket;

  const send = async (file: string, from: number): Promise<TrafficRows> => {
    const rows = trafficRows(file, layout, from, DEMO_TRAFFIC_ROWS);
    const capturedBefore = cloud.sageMakerRuntime.invocations().filter((i) => i.captured).length;
    const first = cloud.now().toISOString();
    let next = 0;
    const worker = async () => {
      while (next < rows.bodies.length) {
        const index = next;
        next += 1;
        await runtime.send(
          new InvokeEndpointCommand({
            EndpointName: endpointName,
            ContentType: 'text/csv',
            Body: Buffer.from(rows.bodies[index]),
            InferenceId: rows.ids[index],
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await cloud.sageMakerRuntime.flushCapture();
    const captured = cloud.sageMakerRuntime.invocations().filter((i) => i.captured).length - capturedBefore;
    const sent: DemoTraffic = {
      file: path.relative(fleet.rootDir, file),
      requests: rows.bodies.length,
      captured,
      from: first,
      to: cloud.now().toISOString(),
    };
    traffic.push(sent);
    write(
      `   ${sent.requests} InvokeEndpoint requests to ${endpointName} (text/csv: ${layout.columns.join(', ')} of rows ${from + 1}-${from + rows.bodies.length} of ${sent.file}; inference id the ${layout.id}): ${captured} captured, ${cloud.sageMakerRuntime.captureFiles().length} capture files in S3 so far`,
    );
    return rows;
  };

  // The drift check's schedule rule: its firings are counted in memory, so the clock can step
  // through a day of alarm evaluations without reading the table at every step.
  const checkRule = cloud.rules.schedules.find(
    (rule) => rule.service === DRIFT_SERVICE && rule.functionName === DRIFT_FUNCTION,
  )?.ruleName;
  const checksFired = () =>
    cloud.events().filter((entry) => checkRule !== undefined && entry.matchedRules.includes(checkRule)).length;

  /** Moves the clock from one due item to the next until the drift check has judged another window. */
  const passCheck = async (): Promise<DemoDriftVerdict | undefined> => {
    const before = (await driftRecords(fleet)).length;
    const firedBefore = checksFired();
    const deadline = cloud.clock.nowMs() + CHECK_LIMIT_MS;
    for (;;) {
      const next = cloud.clock.nextAt();
      if (next === undefined || next.getTime() > deadline) break;
      await cloud.tick(Math.max(0, next.getTime() - cloud.clock.nowMs()));
      flush(false);
      if (checkRule !== undefined && checksFired() === firedBefore) continue;
      const records = await driftRecords(fleet);
      if (records.length > before) {
        await cloud.tick('1m');
        flush(false);
        const verdict = verdictOf((await driftRecords(fleet))[before]);
        verdicts.push(verdict);
        const drifted =
          verdict.driftedFeatures.length === 0 ? 'nothing drifted' : `drifted: ${verdict.driftedFeatures.join(', ')}`;
        write(
          `   Drift record, window ${windowText(verdict.window)}: ${verdict.predictions ?? '?'} predictions, ${verdict.status}${
            verdict.severity === undefined ? '' : ` (${verdict.severity}, streak ${verdict.streak ?? '?'})`
          }; ${drifted}${verdict.driftShare === undefined ? '' : ` (share ${verdict.driftShare.toFixed(2)})`}`,
        );
        if (verdict.baseline !== undefined) {
          write(
            `   Baseline (${verdict.baseline.kind === 'training' ? `by lineage: the training data of ${packageName(verdict.baseline.modelPackageArn ?? '')}` : verdict.baseline.kind}): ${verdict.baseline.source}`,
          );
        }
        if (verdict.reportKey !== undefined) write(`   Report: s3://${bucket}/${verdict.reportKey}`);
        return verdict;
      }
    }
    write('   The drift check did not run.');
    return undefined;
  };

  const openedIncidents = () =>
    fleet.pagerDuty
      .incidents()
      .slice(incidentsBefore)
      .map((incident) => ({
        id: incident.id,
        status: incident.status,
        severity: incident.severity,
        summary: incident.summary,
        dedupKey: incident.dedupKey,
        source: incident.source,
        createdAt: incident.createdAt.toISOString(),
        ...(incident.resolvedAt === undefined ? {} : { resolvedAt: incident.resolvedAt.toISOString() }),
      }));
  const statusAfterCritical = new Map<string, string>();
  let clearedSlackMessage: string[] | undefined;
  const minute = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;
  /** An incident as PagerDuty's incident list shows it. */
  const incidentLines = (incident: ReturnType<typeof openedIncidents>[number]): string[] => [
    `${incident.id}  ${incident.status.toUpperCase()}  ${incident.severity}`,
    incident.summary,
    `opened ${minute(incident.createdAt)}${incident.resolvedAt === undefined ? '' : ` · resolved ${minute(incident.resolvedAt)}`} · ${incident.source} · dedup key ${incident.dedupKey}`,
  ];
  const channel = fleet.config.models[MODEL]?.routing?.slackChannel ?? fleet.config.routing?.slackChannel;
  /** Shows the newest drift message in the model's Slack channel, and returns it. */
  const renderLastDriftMessage = () => {
    const driftMessages =
      channel === undefined
        ? []
        : fleet.slack.messages(channel).filter((message) => /^Drift /.test(message.text ?? ''));
    const last = driftMessages[driftMessages.length - 1];
    if (last !== undefined) {
      write(`   Slack, channel ${channel}, the last drift message as people see it:`);
      for (const line of renderSlackMessage(last)) write(`   │ ${line}`);
    }
    return last;
  };

  let labels: DemoDrift['labels'];
  let trainingData: DemoDrift['trainingData'];
  let retrain: DemoDriftRetrain | undefined;
  try {
    step(`Live traffic like the training data goes to endpoint ${endpointName} through InvokeEndpoint`);
    cloud.sageMakerRuntime.setScoring({ otherwise: CHURN_MODEL_BASELINE });
    await send(options.baseline, 0);
    flush(false);
    step(
      "The clock moves to the drift check's schedule: the window is judged against the serving model's training data, found by lineage",
    );
    await passCheck();

    const driftedName = path.basename(options.drifted);
    step(`New customers arrive: a day of rows of ${driftedName}, and the next drift check`);
    await send(options.drifted, 0);
    await passCheck();

    step(`Another day of ${driftedName} traffic; the churn outcomes of those customers are known 12 h later`);
    const labelled = await send(options.drifted, DEMO_TRAFFIC_ROWS);
    if (groundTruthPrefix !== undefined) {
      await cloud.tick(LABEL_DELAY_MS);
      flush(false);
      const collectedAt = cloud.now();
      const key = groundTruthKey(groundTruthPrefix, collectedAt);
      await cloud.land(key, groundTruthLines(labelled.ids, labelled.labels));
      labels = { key, collectedAt: collectedAt.toISOString(), count: labelled.ids.length };
      write(
        `   Ground truth for the ${labelled.ids.length} predictions (their ${layout.target} column, Model Monitor's merge format, joined by inference id): s3://${bucket}/${key}`,
      );
      flush(false);
    }

    const exportAt = nextHourUtc(cloud.clock.nowMs(), EXPORT_HOUR_UTC);
    const exportKey = `${options.landingPrefix}churn_labelled_${new Date(exportAt).toISOString().slice(0, 10)}.csv`;
    step(
      `At ${String(EXPORT_HOUR_UTC).padStart(2, '0')}:00 UTC, in the pipeline's quiet hours, the labelled export of the new customers lands: s3://${bucket}/${exportKey}`,
    );
    await cloud.tick(exportAt - cloud.clock.nowMs());
    flush(false);
    const exported = csvSlice(options.drifted, EXPORT_FROM, EXPORT_ROWS);
    const landedEvents = cloud.events().length;
    await cloud.land(exportKey, exported.text);
    flush(false);
    const debounceMs = (fleet.config.pipelines[options.pipeline]?.guards.debounceSeconds ?? 0) * 1000;
    await cloud.tick(debounceMs + 5000);
    flush(false);
    const after = cloud
      .events()
      .slice(landedEvents)
      .map((entry) => entry.event);
    const validated = after.some(
      (event) => event['detail-type'] === 'Dataset Validated' && detailOf(event).key === exportKey,
    );
    const skipped = after
      .filter((event) => event['detail-type'] === 'Retraining Skipped')
      .map(detailOf)
      .find((detail) => detail.skipReason !== 'debounced');
    const started = after.some((event) => event['detail-type'] === 'Retraining Started');
    const input = validated
      ? pointTrainingInputAt(fleet, options.pipeline, `s3://${bucket}/${exportKey}`, {
          run: options.run,
          ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
        })
      : undefined;
    trainingData = {
      key: exportKey,
      rows: exported.rows,
      validated,
      ...(started
        ? { trigger: 'started' }
        : skipped === undefined
          ? {}
          : { trigger: `skipped: ${text(skipped.skipReason)}` }),
      ...(input === undefined ? {} : { input }),
    };
    if (input !== undefined) {
      write(
        `   The data team points ${input.pipelineName}'s ${input.parameter} default at it (the definition's parameter default, as UpdatePipeline sets it): a run started without an input, as a drift retrain is, trains on these ${exported.rows} rows`,
      );
    }

    step('The clock moves to the next drift check: the new customers drift again, and their labels are in');
    const critical = await passCheck();
    if (critical !== undefined) write(`   ${labelsLine(critical)}`);
    renderLastDriftMessage();
    for (const incident of openedIncidents()) {
      statusAfterCritical.set(incident.id, incident.status);
      write(`   PagerDuty, as the on-call sees it:`);
      for (const line of incidentLines(incident)) write(`   │ ${line}`);
    }
    retrain = await runDriftRetrainSteps(fleet, narration, (version) =>
      cloud.sageMakerRuntime.setScoring({
        byVersion: { [version]: CHURN_MODEL_DRIFTED },
        otherwise: CHURN_MODEL_BASELINE,
      }),
    );

    const newModel = retrain.modelPackageArn === undefined ? 'the model' : packageName(retrain.modelPackageArn);
    step(
      `A day of the new customers' traffic reaches ${newModel}; the next check judges it against ${newModel}'s training data`,
    );
    await send(options.drifted, 2 * DEMO_TRAFFIC_ROWS);
    await passCheck();
    const clearedMessage = renderLastDriftMessage();
    if (clearedMessage !== undefined && /^Drift cleared/i.test(clearedMessage.text ?? '')) {
      clearedSlackMessage = renderSlackMessage(clearedMessage);
    }
    for (const incident of openedIncidents()) {
      write(`   PagerDuty, as the on-call sees it now:`);
      for (const line of incidentLines(incident)) write(`   │ ${line}`);
    }
  } finally {
    runtime.destroy();
  }

  const events = cloud.events().map((entry) => entry.event);
  const detected = events
    .filter((event) => event['detail-type'] === 'Drift Detected')
    .map(detailOf)
    .map((detail) => ({
      severity: text(detail.severity),
      ...(detail.reportKey === undefined ? {} : { reportKey: text(detail.reportKey) }),
    }));
  const cleared = events
    .filter((event) => event['detail-type'] === 'Drift Cleared')
    .map(detailOf)
    .map((detail) => ({
      previousSeverity: text(detail.previousSeverity),
      ...(detail.reportKey === undefined ? {} : { reportKey: text(detail.reportKey) }),
    }));
  const incidents = openedIncidents().map((incident) => {
    const before = statusAfterCritical.get(incident.id);
    return {
      ...incident,
      ...(before === undefined ? {} : { statusAfterCritical: before }),
    };
  });
  return {
    endpointName,
    deployed,
    traffic,
    captureFiles: cloud.sageMakerRuntime.captureFiles().length,
    verdicts,
    detected,
    cleared,
    incidents,
    ...(clearedSlackMessage === undefined ? {} : { clearedSlackMessage }),
    ...nightly,
    ...(labels === undefined ? {} : { labels }),
    ...(trainingData === undefined ? {} : { trainingData }),
    ...(retrain === undefined ? {} : { retrain }),
  };
};

/** The next time (ms) at `hour`:00 UTC after `afterMs`. */
const nextHourUtc = (afterMs: number, hour: number): number => {
  const day = new Date(afterMs);
  const at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour);
  return at > afterMs ? at : at + 86_400_000;
};

/** The checks of the drift steps, each of which fails when its step did not happen. */
export const driftChecks = (drift: DemoDrift): DemoCheck[] => {
  const [calm, first, second] = drift.verdicts;
  const last = drift.verdicts[drift.verdicts.length - 1];
  const { retrain, trainingData } = drift;
  const labelledWindow = drift.verdicts.find((verdict) => (verdict.labelled ?? 0) > 0);
  return [
    {
      name: 'package deployed',
      ok: drift.deployed !== undefined,
      detail:
        drift.deployed === undefined
          ? `no Model Deployed for endpoint ${drift.endpointName}`
          : `${packageName(drift.deployed)} serves on endpoint ${drift.endpointName}`,
    },
    {
      name: 'traffic captured',
      ok: drift.traffic.length > 0 && drift.traffic.every((t) => t.captured === t.requests) && drift.captureFiles > 0,
      detail: `${drift.traffic.map((t) => `${t.captured}/${t.requests}`).join(', ')} requests captured in ${drift.captureFiles} files`,
    },
    {
      name: 'no drift on unchanged traffic',
      ok: calm?.status === 'no_drift' && calm.baseline?.kind === 'training',
      detail:
        calm === undefined
          ? 'the first window was not judged'
          : `first window: ${calm.status}, against ${calm.baseline?.kind ?? 'no'} baseline ${calm.baseline?.source ?? ''}`.trimEnd(),
    },
    {
      name: 'drift detected, warning then critical',
      ok:
        first?.status === 'drift' &&
        second?.status === 'drift' &&
        drift.detected.map((d) => d.severity).join() === 'warning,critical',
      detail: `windows: ${drift.verdicts.map((v) => `${v.status}${v.severity === undefined ? '' : ` (${v.severity})`}`).join(', ')}; Drift Detected: ${drift.detected.map((d) => d.severity).join(', ') || 'none'}`,
    },
    {
      name: 'drift report written',
      ok: drift.detected.length > 0 && drift.detected.every((d) => d.reportKey !== undefined),
      detail: drift.detected.map((d) => d.reportKey ?? 'no report key').join(', ') || 'no Drift Detected',
    },
    {
      name: 'labels joined',
      ok: labelledWindow !== undefined && labelledWindow.quality !== undefined,
      detail:
        labelledWindow === undefined
          ? `no window had labels${drift.labels === undefined ? ' (none were written)' : ` (written to ${drift.labels.key})`}`
          : labelsLine(labelledWindow),
    },
    {
      name: 'on-call paged',
      ok: drift.incidents.some((incident) => (incident.statusAfterCritical ?? incident.status) === 'triggered'),
      detail:
        drift.incidents.map((incident) => `${incident.id} ${incident.status}: ${incident.summary}`).join('; ') ||
        'no PagerDuty incident opened',
    },
    {
      name: 'drift retrain started',
      ok: retrain?.decision === 'started' && retrain.triggerKind === 'drift' && retrain.started === 1,
      detail:
        retrain === undefined || retrain.decision === 'none'
          ? 'trigger-retraining neither started nor skipped a run for the drift'
          : retrain.decision === 'skipped'
            ? `skipped: ${retrain.skipReason}`
            : `${retrain.started} run(s) started for drift, ${executionName(retrain.executionArn ?? '')} (trigger kind ${retrain.triggerKind}) ${retrain.executionStatus ?? ''}`.trimEnd(),
    },
    {
      name: 'new package approved and deployed',
      ok:
        retrain?.modelPackageArn !== undefined &&
        retrain.approvalDecision === 'approved' &&
        retrain.packageStatus === 'Approved' &&
        retrain.deployedAt !== undefined,
      detail:
        retrain?.modelPackageArn === undefined
          ? 'the drift retrain registered no package'
          : `${packageName(retrain.modelPackageArn)}: approval ${retrain.approvalDecision ?? 'undecided'}, ${retrain.packageStatus ?? 'unknown'} in the Model Registry, ${
              retrain.deployedAt === undefined ? 'never deployed' : `Model Deployed at ${retrain.deployedAt}`
            }`,
    },
    {
      name: 'drift cleared against the new training data',
      ok:
        last?.status === 'no_drift' &&
        retrain?.modelPackageArn !== undefined &&
        last.baseline?.modelPackageArn === retrain.modelPackageArn &&
        trainingData !== undefined &&
        last.baseline.source.includes(trainingData.key),
      detail:
        last === undefined
          ? 'no window was judged'
          : `last window: ${last.status}, against ${last.baseline?.source ?? 'no baseline'}${
              last.baseline?.modelPackageArn === undefined
                ? ''
                : ` (the training data of ${packageName(last.baseline.modelPackageArn)})`
            }`,
    },
    {
      name: 'incident resolved when drift cleared',
      ok:
        drift.cleared.some((c) => c.previousSeverity === 'critical') &&
        drift.incidents.length > 0 &&
        drift.incidents.every((incident) => incident.status === 'resolved') &&
        drift.clearedSlackMessage !== undefined,
      detail: `Drift Cleared: ${drift.cleared.map((c) => `from ${c.previousSeverity}`).join(', ') || 'none'}; incidents: ${
        drift.incidents.map((incident) => `${incident.id} ${incident.status}`).join(', ') || 'none'
      }; Slack: ${drift.clearedSlackMessage?.[0] ?? 'no Drift cleared message'}`,
    },
  ];
};
