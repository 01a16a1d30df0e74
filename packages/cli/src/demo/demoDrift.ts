import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import type { FleetRecord } from '@fleet/shared';
import type { FleetCloud } from '../local/FleetCloud.js';
import type { DemoCheck, DemoNarration } from './demoApproval.js';
import { DEMO_INPUT_COLUMNS } from './demoConfig.js';
import { DRIVER_MAX_ATTEMPTS } from './demoFaults.js';
import { packageName } from './describeEvent.js';
import { renderSlackMessage } from './renderSlackMessage.js';

/** The model the demo's traffic goes to. */
const MODEL = 'churn';
/** Requests sent per window of traffic (one CSV row each). */
export const DEMO_TRAFFIC_ROWS = 300;
/**
 * How the demo's endpoint scores: a logistic model of `DEMO_INPUT_COLUMNS` fitted on
 * churn_baseline.csv, its intercept set so that it predicts churn for about as many customers
 * as churned in the training data (28 %).
 */
export const DEMO_CHURN_MODEL = {
  intercept: -1.15,
  coefficients: [-0.0438, 0.0274, -0.000133, 0.318],
} as const;
/** Requests in flight at once. */
const CONCURRENCY = 16;
/** How far the demo lets the clock run to reach the next drift check, at most. */
const CHECK_LIMIT_MS = 26 * 3_600_000;

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
    /** The status right after the critical drift's check, before traffic recovered. */
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
  /** What trigger-retraining made of the critical drift: a run started, or the reason it skipped. */
  retrain?: { decision: 'started'; executionArn?: string } | { decision: 'skipped'; skipReason: string };
};

/**
 * `count` rows of a CSV file from data row `from` (0-based) as requests carry them: the
 * `columns` in order (no target); rows with an empty feature, which the model cannot score, are
 * left out.
 *
 * @throws Error naming the file and the column it lacks
 */
const featureRows = (file: string, columns: readonly string[], from: number, count: number): string[] => {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const names = header.split(',');
  const indexes = columns.map((column) => {
    const index = names.indexOf(column);
    if (index < 0) throw new Error(`${file} has no column ${column}`);
    return index;
  });
  return lines
    .slice(from, from + count)
    .map((line) => line.split(','))
    .filter((cells) => indexes.every((index) => cells[index] !== ''))
    .map((cells) => indexes.map((index) => cells[index]).join(','));
};

const detailOf = (event: { detail: unknown }) => event.detail as Record<string, unknown>;

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

const driftRecords = async (fleet: FleetCloud): Promise<FleetRecord[]> =>
  (await fleet.history(`MODEL#${MODEL}`)).filter((record) => record.kind === 'drift');

const verdictOf = (record: FleetRecord): DemoDriftVerdict => {
  const window = (record.window ?? {}) as Record<string, unknown>;
  const rows = (record.rows ?? {}) as Record<string, unknown>;
  return {
    window: { start: text(window.start), end: text(window.end) },
    status: text(record.status),
    ...(record.severity === undefined ? {} : { severity: text(record.severity) }),
    ...(typeof record.streak === 'number' ? { streak: record.streak } : {}),
    ...(typeof rows.predictions === 'number' ? { predictions: rows.predictions } : {}),
    ...(typeof record.driftShare === 'number' ? { driftShare: record.driftShare } : {}),
    driftedFeatures: Array.isArray(record.driftedFeatures) ? record.driftedFeatures.map(text) : [],
    ...(record.reportKey === undefined ? {} : { reportKey: text(record.reportKey) }),
  };
};

const windowText = (window: { start: string; end: string }): string =>
  `${window.start.replace('T', ' ').slice(0, 16)} to ${window.end.replace('T', ' ').slice(0, 16)} UTC`;

/**
 * The drift steps of `fleet demo`, after the package is deployed: traffic like the training
 * data goes through InvokeEndpoint (the SDK's client, Data Capture on), the clock passes the
 * drift check's schedule (no drift, no event); then traffic from the drifted file, two windows
 * in a row: `Drift Detected` warning, then critical, the PagerDuty incident it opens, and
 * trigger-retraining's answer to the critical drift; then a day of traffic like the training
 * data again: `Drift Cleared`, the incident resolved and the Slack message that says so.
 */
export const runDriftSteps = async (
  fleet: FleetCloud,
  files: { baseline: string; drifted: string; baselineUri?: string },
  narration: DemoNarration,
): Promise<DemoDrift> => {
  const { cloud } = fleet;
  const { step, flush, write } = narration;
  const endpointName = fleet.config.models[MODEL]?.deployment?.endpointName ?? MODEL;
  const traffic: DemoTraffic[] = [];
  const verdicts: DemoDriftVerdict[] = [];
  const deployedEvent = cloud
    .events()
    .map((entry) => entry.event)
    .find((event) => event['detail-type'] === 'Model Deployed' && detailOf(event).endpointName === endpointName);
  if (deployedEvent === undefined) {
    step(`No live traffic: no Model Deployed for endpoint ${endpointName}`);
    return { endpointName, traffic, captureFiles: 0, verdicts, detected: [], cleared: [], incidents: [] };
  }
  const deployed = text(detailOf(deployedEvent).modelPackageArn);
  const runtime = new SageMakerRuntimeClient({
    endpoint: cloud.endpoints.sagemaker_runtime,
    region: cloud.names.region,
    maxAttempts: DRIVER_MAX_ATTEMPTS,
  });

  const incidentsBefore = fleet.pagerDuty.incidents().length;

  const send = async (file: string, from: number): Promise<void> => {
    const rows = featureRows(file, DEMO_INPUT_COLUMNS, from, DEMO_TRAFFIC_ROWS);
    const capturedBefore = cloud.sageMakerRuntime.invocations().filter((i) => i.captured).length;
    const first = cloud.now().toISOString();
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next];
        next += 1;
        await runtime.send(
          new InvokeEndpointCommand({ EndpointName: endpointName, ContentType: 'text/csv', Body: Buffer.from(row) }),
        );
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await cloud.sageMakerRuntime.flushCapture();
    const captured = cloud.sageMakerRuntime.invocations().filter((i) => i.captured).length - capturedBefore;
    const sent: DemoTraffic = {
      file: path.relative(fleet.rootDir, file),
      requests: rows.length,
      captured,
      from: first,
      to: cloud.now().toISOString(),
    };
    traffic.push(sent);
    write(
      `   ${sent.requests} InvokeEndpoint requests to ${endpointName} (text/csv: ${DEMO_INPUT_COLUMNS.join(', ')} of rows ${from + 1}-${from + DEMO_TRAFFIC_ROWS} of ${sent.file}): ${captured} captured, ${cloud.sageMakerRuntime.captureFiles().length} capture files in S3 so far`,
    );
  };

  /** Moves the clock from one due item to the next until the drift check has judged another window. */
  const passCheck = async (): Promise<DemoDriftVerdict | undefined> => {
    const before = (await driftRecords(fleet)).length;
    const deadline = cloud.clock.nowMs() + CHECK_LIMIT_MS;
    for (;;) {
      const next = cloud.clock.nextAt();
      if (next === undefined || next.getTime() > deadline) break;
      await cloud.tick(Math.max(0, next.getTime() - cloud.clock.nowMs()));
      flush(false);
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
        if (verdict.reportKey !== undefined)
          write(`   Report: s3://${fleet.resources.dataBucket}/${verdict.reportKey}`);
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
  let retrain: DemoDrift['retrain'];
  /** Tells what trigger-retraining made of the critical drift. */
  const answerRetrain = () => {
    const events = cloud.events().map((entry) => entry.event);
    const forDrift = (type: string) =>
      events
        .filter((event) => event['detail-type'] === type)
        .map(detailOf)
        .filter((detail) => (detail.trigger as { kind?: string } | undefined)?.kind === 'drift');
    const started = forDrift('Retraining Started')[0];
    const skipped = forDrift('Retraining Skipped').filter(
      (detail) => detail.skipReason !== 'below-retrain-severity',
    )[0];
    retrain =
      started !== undefined
        ? {
            decision: 'started',
            ...(started.executionArn === undefined ? {} : { executionArn: text(started.executionArn) }),
          }
        : skipped !== undefined
          ? { decision: 'skipped', skipReason: text(skipped.skipReason) }
          : undefined;
    if (started !== undefined) {
      write(`   trigger-retraining started a run for the drift: ${text(started.executionArn)}`);
    } else if (skipped !== undefined) {
      const packages = cloud.sageMaker.registry.packages({
        modelPackageGroupName: fleet.config.models[MODEL]?.modelPackageGroup,
      });
      const newest = packages[packages.length - 1];
      const why =
        skipped.skipReason === 'model-busy'
          ? ` (the model is under repair: a retrain running, its newest package waiting for approval or a deployment under way; its newest package, ${
              newest === undefined ? 'none' : `${packageName(newest.modelPackageArn)}, is ${newest.modelApprovalStatus}`
            })`
          : '';
      write(
        `   trigger-retraining did not start a run for the critical drift: skipped, ${text(skipped.skipReason)}${why}`,
      );
    } else {
      write('   trigger-retraining neither started nor skipped a run for the drift.');
    }
  };

  try {
    step(`Live traffic like the training data goes to endpoint ${endpointName} through InvokeEndpoint`);
    cloud.sageMakerRuntime.setScoring({
      otherwise: { ...DEMO_CHURN_MODEL, coefficients: [...DEMO_CHURN_MODEL.coefficients] },
    });
    if (files.baselineUri !== undefined) {
      const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(files.baselineUri);
      if (match === null || match[1] !== fleet.resources.dataBucket) {
        throw new Error(
          `the drift baseline ${files.baselineUri} is not in the data bucket ${fleet.resources.dataBucket}`,
        );
      }
      const target = 'churn';
      const columns = [...DEMO_INPUT_COLUMNS, target];
      const rows = featureRows(files.baseline, columns, 0, Number.MAX_SAFE_INTEGER);
      await cloud.land(match[2], `${[columns.join(','), ...rows].join('\n')}\n`, { bucket: match[1] });
      write(
        `   The endpoint's model reads the numeric features (${DEMO_INPUT_COLUMNS.join(', ')}); the monitor compares them with the same columns of ${path.relative(fleet.rootDir, files.baseline)} (${rows.length} rows), written to ${files.baselineUri}`,
      );
    }
    await send(files.baseline, 0);
    flush(false);
    step("The clock moves to the drift check's schedule: the window is judged against the training data");
    await passCheck();

    step(`The traffic changes: rows of ${path.basename(files.drifted)} for a day`);
    await send(files.drifted, 0);
    step('The clock moves to the next drift check');
    await passCheck();

    step(`Another day of ${path.basename(files.drifted)} traffic, and the next drift check`);
    await send(files.drifted, DEMO_TRAFFIC_ROWS);
    await passCheck();
    renderLastDriftMessage();
    for (const incident of openedIncidents()) {
      statusAfterCritical.set(incident.id, incident.status);
      write(`   PagerDuty, as the on-call sees it:`);
      for (const line of incidentLines(incident)) write(`   │ ${line}`);
    }
    answerRetrain();

    step('The traffic recovers: a day of rows like the training data, and the next drift check');
    await send(files.baseline, DEMO_TRAFFIC_ROWS);
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
    ...(retrain === undefined ? {} : { retrain }),
  };
};

/** The checks of the drift steps, each of which fails when its step did not happen. */
export const driftChecks = (drift: DemoDrift): DemoCheck[] => {
  const [calm, first, second] = drift.verdicts;
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
      ok: calm?.status === 'no_drift',
      detail: calm === undefined ? 'the first window was not judged' : `first window: ${calm.status}`,
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
      name: 'on-call paged',
      ok: drift.incidents.some((incident) => (incident.statusAfterCritical ?? incident.status) === 'triggered'),
      detail:
        drift.incidents.map((incident) => `${incident.id} ${incident.status}: ${incident.summary}`).join('; ') ||
        'no PagerDuty incident opened',
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
    {
      name: 'retrain answered the critical drift',
      ok: drift.retrain !== undefined,
      detail:
        drift.retrain === undefined
          ? 'trigger-retraining neither started nor skipped a run for the drift'
          : drift.retrain.decision === 'started'
            ? `Retraining Started for drift${drift.retrain.executionArn === undefined ? '' : `: ${packageName(drift.retrain.executionArn)}`}`
            : `skipped: ${drift.retrain.skipReason}`,
    },
  ];
};
