import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LocalEvent, PipelineRunPlan } from '@fleet/local-cloud';
import { decodeS3Key, resetDependencies } from '@fleet/shared';
import type { FleetCloud } from '../local/FleetCloud.js';
import { type FleetCloudOptions, startFleetCloud } from '../local/startFleetCloud.js';
import { AlarmDigest } from './AlarmDigest.js';
import type { DemoExecution, DemoReport } from './DemoReport.js';
import { approvalChecks, type DemoApproval, runApprovalSteps } from './demoApproval.js';
import { type DemoDrift, driftChecks, runDriftSteps } from './demoDrift.js';
import { DEFAULT_FAULT_SEED } from './demoFaults.js';
import { type DemoNightlySchedule, switchOffNightlySchedule } from './demoNightlySchedule.js';
import { type DemoRollback, rollbackChecks, runRollbackSteps } from './demoRollback.js';
import { DEFAULT_DEMO_SCENARIO, type DemoScenario, type DemoScenarioName, demoScenario } from './demoScenarios.js';
import { describeRecord, isAuditRecord } from './describeRecord.js';
import { describeFaults, withFaultChecks } from './faultChecks.js';
import { clockTime, formatTimelineEntry } from './formatTimelineEntry.js';
import { TimelineCursor } from './TimelineCursor.js';
import type { TimelineEntry } from './TimelineEntry.js';

/** Options of {@link runDemo}. */
export type DemoOptions = {
  /** The repository root (default: found above this package). */
  rootDir?: string;
  /** Receives the narrative line by line as the scenario runs (default: nothing is written). */
  write?: (line: string) => void;
  /** The dataset that lands first (default `examples/datasets/churn_baseline.csv`). */
  datasetFile?: string;
  /** The broken file that lands last (default `examples/demo/churn_broken.csv`). */
  brokenFile?: string;
  /** Passed to the local cloud (log level of the functions, clock start, pipeline runs, ...). */
  cloud?: Omit<FleetCloudOptions, 'rootDir'>;
  /** What happens after the run succeeds (default `approve`; see `DEMO_SCENARIOS`). */
  scenario?: DemoScenarioName;
};

/** The prefix the churn contract watches. */
const CHURN_PREFIX = 'raw/churn/';
/** How long the demo waits for a pipeline run to start and end at most, on the local clock. */
const RUN_LIMIT_MS = 6 * 3_600_000;
/** How the local pipeline runs end unless the caller says otherwise: successfully, after 20 minutes. */
const DEMO_PIPELINE_RUN: PipelineRunPlan = { duration: '20m', status: 'Succeeded' };

const detailOf = (event: LocalEvent) => event.detail as Record<string, unknown>;

const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs the fleet's loop end to end on the embedded local cloud and reports whether it completed.
 *
 * The scenario: the churn dataset lands under `raw/churn/`; validate-dataset checks it against
 * its contract and announces `Dataset Validated`; trigger-retraining's guards debounce the
 * landing; the clock moves past the debounce window and the one-time schedule starts one
 * pipeline run; the SageMaker stand-in runs it on the local clock and reports its end, which
 * becomes `Retraining Succeeded`. The package the run registered is compared with the champion
 * and put to the approvers; what follows is the scenario's (`runApprovalSteps`): by default the
 * demo clicks Approve through the Slack stand-in and the package is Approved. Then a broken file
 * lands, is rejected with its reasons, and starts nothing. Every step's timeline is written as it
 * happens, then the records written.
 *
 * The local cloud is always stopped, even when a step throws.
 *
 * @throws Error when `scenario` names no scenario
 */
export const runDemo = async (options: DemoOptions = {}): Promise<DemoReport> => {
  const startedMs = performance.now();
  const write = options.write ?? (() => undefined);
  const chosen = demoScenario(options.scenario ?? DEFAULT_DEMO_SCENARIO);
  if (chosen === undefined) throw new Error(`no demo scenario named ${options.scenario}`);
  // Handlers loaded by an earlier run in this process keep the dependencies they built from its
  // configuration; each run builds its own, as a fresh process would.
  resetDependencies();
  try {
    const fleet = await startFleetCloud({
      evaluationMetrics: chosen.metrics,
      pipelineRun: DEMO_PIPELINE_RUN,
      ...(chosen.faults ? { faults: { seed: DEFAULT_FAULT_SEED } } : {}),
      ...options.cloud,
      ...(options.rootDir ? { rootDir: options.rootDir } : {}),
    });
    try {
      return await scenario(fleet, chosen, options, write, startedMs);
    } finally {
      await fleet.stop();
    }
  } finally {
    resetDependencies();
  }
};

const scenario = async (
  fleet: FleetCloud,
  chosen: DemoScenario,
  options: DemoOptions,
  write: (line: string) => void,
  startedMs: number,
): Promise<DemoReport> => {
  const { cloud, config, resources } = fleet;
  const clockStart = cloud.now().toISOString();
  const datasetFile = path.resolve(fleet.rootDir, options.datasetFile ?? 'examples/datasets/churn_baseline.csv');
  const brokenFile = path.resolve(fleet.rootDir, options.brokenFile ?? 'examples/demo/churn_broken.csv');
  const datasetKey = `${CHURN_PREFIX}${path.basename(datasetFile)}`;
  const brokenKey = `${CHURN_PREFIX}${path.basename(brokenFile)}`;
  const pipeline = config.models.churn?.pipeline ?? Object.keys(config.pipelines)[0];
  const guards = config.pipelines[pipeline]?.guards;
  const debounceMs = (guards?.debounceSeconds ?? 0) * 1000;
  const bucket = resources.dataBucket;

  const cursor = new TimelineCursor(cloud, config);
  const timeline: TimelineEntry[] = [];
  // Alarms settling to OK say nothing but "all is well": one line per section; ALARM in full.
  const alarms = new AlarmDigest();
  const flush = (sayWhenQuiet = true) => {
    const entries = cursor.next();
    if (entries.length === 0 && sayWhenQuiet) write(`   ${clockTime(cloud.now().toISOString())}  (nothing happened)`);
    for (const entry of entries) {
      timeline.push(entry);
      if (alarms.absorb(entry)) continue;
      for (const line of formatTimelineEntry(entry, '   ')) write(line);
    }
  };
  const endSection = () => {
    const digest = alarms.take();
    if (digest === undefined) return;
    const entry = {
      at: digest.at,
      service: 'cloudwatch',
      event: 'Alarm State Change',
      decision: 'ok',
      why: digest.line,
    };
    for (const line of formatTimelineEntry(entry, '   ')) write(line);
  };
  let stepNumber = 0;
  const step = (title: string) => {
    endSection();
    stepNumber += 1;
    write('');
    write(`${stepNumber}. ${title}`);
  };

  const { endpoints, names } = cloud;
  const services = [...new Set(cloud.functions.map((fn) => fn.service))];
  const pipelines = Object.entries(config.pipelines).map(([key, p]) => p.pipelineName ?? key);
  write(`fleet demo: the retraining loop on the embedded local cloud (scenario ${chosen.name})`);
  write('');
  write(
    `Local cloud up in ${seconds(performance.now() - startedMs)}; clock at ${clockStart.replace('T', ' ').slice(0, 19)} UTC; stage ${names.stage}`,
  );
  write(`   DynamoDB     ${endpoints.dynamodb}  table ${resources.recordsTable}`);
  write(`   S3           ${endpoints.s3}  bucket ${bucket}, EventBridge notifications on`);
  write(
    `   EventBridge  ${endpoints.eventbridge}  ${cloud.rules.rules.length} rules of ${services.length} services (${services.join(', ')}), buses default and ${resources.eventBus}`,
  );
  write(`   Scheduler    ${endpoints.scheduler}  one-time schedules on the local clock`);
  write(`   SageMaker    ${endpoints.sagemaker}  pipelines ${pipelines.join(', ')}, Model Registry`);
  if (endpoints.sfn !== undefined)
    write(
      `   Step Fns     ${endpoints.sfn}  ${cloud.stepFunctions
        .stateMachines()
        .map((machine) => machine.name)
        .join(', ')}`,
    );
  if (fleet.http.slackInteractions !== undefined)
    write(`   Slack        ${fleet.http.slack}  interactivity URL ${fleet.http.slackInteractions}`);
  // Each nightly run registers a package that waits for approval, and a model whose package waits
  // is not retrained for drift (model-busy): the drift story switches the schedule off first.
  let nightly: DemoNightlySchedule | undefined;
  if (chosen.drift) {
    nightly = await switchOffNightlySchedule(fleet);
    write(
      `   Nightly retraining switched off as an operator would: EventBridge DisableRule ${nightly.ruleName} (${nightly.scheduleExpression ?? 'schedule'}), now ${nightly.state ?? 'unknown'}, so its packages waiting for approval do not keep the drift retrain out`,
    );
  }

  // 1. The dataset lands.
  const dataset = readFileSync(datasetFile);
  step(`The churn dataset lands: s3://${bucket}/${datasetKey} (${bytes(dataset.byteLength)})`);
  await cloud.land(datasetKey, dataset);
  flush();

  // 2. The prefix stays quiet for the debounce window.
  if (debounceMs > 0) {
    step(
      `Nothing else lands under ${CHURN_PREFIX}: the clock moves ${debounceMs / 1000 + 5}s, past the debounce window`,
    );
    await cloud.tick(debounceMs + 5000);
    flush();
  }

  // 3. The run starts (the debounce schedule is armed from the handlers' time, which runs ahead of
  // the clock while they load) and executes until SageMaker reports its end: the clock jumps from
  // one due item to the next.
  step('The pipeline runs; the clock jumps to whatever is due next until SageMaker reports the end of the run');
  const runDeadline = cloud.clock.nowMs() + RUN_LIMIT_MS;
  for (;;) {
    const next = cloud.clock.nextAt();
    const executions = cloud.executions();
    const running = executions.length === 0 || executions.some((execution) => execution.status === 'Executing');
    if (!running || next === undefined || next.getTime() > runDeadline) break;
    await cloud.tick(Math.max(0, next.getTime() - cloud.clock.nowMs()));
    flush(false);
  }
  const executionsAfterRun = cloud.executions().length;
  const startedAfterRun = cloud.events().filter((entry) => entry.event['detail-type'] === 'Retraining Started').length;

  // The package the run registered: compared, put to the approvers, decided as the scenario says.
  const approval = await runApprovalSteps(fleet, chosen, { step, flush, write });
  const rollback = chosen.name === 'rollback' ? await runRollbackSteps(fleet, { step, flush, write }) : undefined;
  const executionsBeforeBroken = cloud.executions().length;

  // 4. A broken file lands, and nothing starts for it.
  const broken = readFileSync(brokenFile);
  step(`Ten minutes later a broken file lands: s3://${bucket}/${brokenKey} (${bytes(broken.byteLength)})`);
  await cloud.tick('10m');
  await cloud.land(brokenKey, broken);
  flush();
  const quietMs = Math.max(debounceMs + 5000, 60_000);
  step(`The clock moves ${quietMs / 1000}s: a rejected dataset must start nothing`);
  await cloud.tick(quietMs);
  flush();
  const executionsAfterBroken = cloud.executions().length;

  // 5. Live traffic, then drifted traffic, judged by the drift monitor (when the package serves).
  const drift = chosen.drift
    ? await runDriftSteps(
        fleet,
        {
          baseline: datasetFile,
          drifted: path.resolve(fleet.rootDir, 'examples/datasets/churn_drifted.csv'),
          landingPrefix: CHURN_PREFIX,
          pipeline,
          run: options.cloud?.pipelineRun ?? DEMO_PIPELINE_RUN,
          ...(chosen.metrics === undefined ? {} : { metrics: options.cloud?.evaluationMetrics ?? chosen.metrics }),
          ...(nightly === undefined ? {} : { nightly }),
        },
        { step, flush, write },
      )
    : undefined;
  endSection();

  const summarized = await summarize(fleet, {
    datasetKey,
    brokenKey,
    executionsAfterRun,
    startedAfterRun,
    executionsBeforeBroken,
    executionsAfterBroken,
    approval,
    ...(drift === undefined ? {} : { drift }),
    ...(rollback === undefined ? {} : { rollback }),
    timeline,
    clockStart,
    startedMs,
  });
  const report = chosen.faults ? await withFaultChecks(fleet, summarized) : summarized;
  if (report.faults !== undefined) for (const line of ['', ...describeFaults(report.faults)]) write(line);
  writeSummary(report, write);
  return report;
};

const summarize = async (
  fleet: FleetCloud,
  context: {
    datasetKey: string;
    brokenKey: string;
    executionsAfterRun: number;
    startedAfterRun: number;
    executionsBeforeBroken: number;
    executionsAfterBroken: number;
    approval: DemoApproval;
    drift?: DemoDrift;
    rollback?: DemoRollback;
    timeline: TimelineEntry[];
    clockStart: string;
    startedMs: number;
  },
): Promise<DemoReport> => {
  const { cloud } = fleet;
  const events = cloud.events().map((entry) => entry.event);
  const ofType = (type: string) => events.filter((event) => event['detail-type'] === type);
  const validated = ofType('Dataset Validated').find((event) => detailOf(event).key === context.datasetKey);
  const rejected = ofType('Dataset Rejected').find((event) => detailOf(event).key === context.brokenKey);
  const executions = cloud.executions();
  const run = executions[0];
  const succeeded = ofType('Retraining Succeeded').find(
    (event) => run !== undefined && detailOf(event).executionArn === run.pipelineExecutionArn,
  );
  const deadLetters = cloud.deadLetters();
  const issueCount = rejected === undefined ? 0 : ((detailOf(rejected).issues as unknown[] | undefined)?.length ?? 0);
  const correlationId = validated === undefined ? undefined : String(detailOf(validated).correlationId);
  const chain =
    correlationId === undefined
      ? undefined
      : {
          correlationId,
          records: (await fleet.byCorrelation(correlationId))
            .filter(isAuditRecord)
            .map(describeRecord)
            .map(({ kind, decision }) => ({ kind, decision })),
        };
  const chainText = chain?.records.map((record) => `${record.kind} ${record.decision}`).join(' → ') ?? '';
  // Only where the first package is approved does its chain go on to the deployment.
  const deploys = context.drift !== undefined;

  const checks = [
    {
      name: 'dataset validated',
      ok: validated !== undefined,
      detail:
        validated === undefined
          ? `no Dataset Validated for ${context.datasetKey}${rejectionHint(ofType('Dataset Rejected'), context.datasetKey)}${routingHint(cloud, context.datasetKey)}`
          : `${String(detailOf(validated).rows)} rows pass ${String(detailOf(validated).contract)}`,
    },
    {
      name: 'one run started',
      ok: context.executionsAfterRun === 1 && context.startedAfterRun === 1,
      detail: `${context.executionsAfterRun} pipeline execution(s) and ${context.startedAfterRun} Retraining Started event(s); expected one of each`,
    },
    {
      name: 'run succeeded',
      ok: run?.status === 'Succeeded' && succeeded !== undefined,
      detail:
        run === undefined
          ? 'no pipeline execution'
          : `execution ${run.executionId} is ${run.status}${succeeded === undefined ? ' and no Retraining Succeeded was announced' : ', announced as Retraining Succeeded'}`,
    },
    ...approvalChecks(fleet, context.approval, {
      ...(run === undefined ? {} : { runArn: run.pipelineExecutionArn }),
      ...(validated === undefined ? {} : { correlationId: String(detailOf(validated).correlationId) }),
    }),
    {
      name: 'broken dataset rejected',
      ok: rejected !== undefined && issueCount > 0,
      detail: rejected === undefined ? `no Dataset Rejected for ${context.brokenKey}` : `${issueCount} issues reported`,
    },
    {
      name: 'nothing started for the broken dataset',
      ok: context.executionsAfterBroken === context.executionsBeforeBroken,
      detail: `${context.executionsAfterBroken - context.executionsBeforeBroken} execution(s) started after it landed`,
    },
    ...(context.rollback === undefined ? [] : rollbackChecks(context.rollback)),
    ...(context.drift === undefined ? [] : driftChecks(context.drift)),
    ...(deploys
      ? [
          {
            name: "first landing's chain reaches the deployment",
            ok:
              chain?.records.some((record) => record.kind === 'deployment' && record.decision === 'deployed') === true,
            detail:
              chain === undefined
                ? 'no correlation id: the dataset was not validated'
                : `${chain.correlationId}: ${chainText || 'no records'}`,
          },
        ]
      : []),
    {
      name: 'no dead letters',
      ok: deadLetters.length === 0,
      detail:
        deadLetters.length === 0
          ? 'every invocation succeeded in the end'
          : deadLetters.map((letter) => `${letter.functionName}: ${letter.error.message}`).join('; '),
    },
  ];
  const failed = checks.find((check) => !check.ok);
  const items = await fleet.records();
  return {
    ok: failed === undefined,
    ...(failed === undefined ? {} : { reason: `${failed.name}: ${failed.detail}` }),
    checks,
    wallClockMs: Math.round(performance.now() - context.startedMs),
    clock: { start: context.clockStart, end: cloud.now().toISOString() },
    timeline: context.timeline,
    executions: executions.map(
      (execution): DemoExecution => ({
        executionArn: execution.pipelineExecutionArn,
        status: execution.status,
        startTime: execution.startTime.toISOString(),
        ...(execution.endTime === undefined ? {} : { endTime: execution.endTime.toISOString() }),
        ...(execution.failureReason === undefined ? {} : { failureReason: execution.failureReason }),
        parameters: execution.parameters,
      }),
    ),
    records: items.filter(isAuditRecord).map(describeRecord),
    ...(chain === undefined ? {} : { chain }),
    scenario: context.approval.scenario,
    approval: context.approval,
    ...(context.drift === undefined ? {} : { drift: context.drift }),
    ...(context.rollback === undefined ? {} : { rollback: context.rollback }),
    slack: {
      messages: fleet.slack
        .calls()
        .filter((call) => call.method === 'chat.postMessage' || call.method === 'chat.update')
        .map((call) => ({ method: call.method as 'chat.postMessage' | 'chat.update', body: call.body })),
    },
    pagerduty: { events: fleet.pagerDuty.events().map((event) => event.body) },
    tableItems: items.length,
    deadLetters: deadLetters.length,
  };
};

const rejectionHint = (rejections: LocalEvent[], key: string): string => {
  const rejection = rejections.find((event) => detailOf(event).key === key);
  if (rejection === undefined) return '';
  const counts = Object.keys((detailOf(rejection).issueCounts ?? {}) as Record<string, number>).join(', ');
  return ` (it was rejected: ${counts})`;
};

/** Says so when S3's event for the key reached no function, the usual reason nothing was validated. */
const routingHint = (cloud: FleetCloud['cloud'], key: string): string => {
  const landing = cloud
    .events()
    .find(
      (entry) =>
        entry.event.source === 'aws.s3' &&
        decodeS3Key(String((detailOf(entry.event).object as { key?: unknown } | undefined)?.key ?? '')) === key,
    );
  if (landing === undefined) return ' (S3 sent no Object Created event for it)';
  if (landing.matchedRules.length > 0) return '';
  const services = [...new Set(cloud.functions.map((fn) => fn.service))].join(', ') || 'none';
  return ` (S3's Object Created event matched no rule; services loaded: ${services})`;
};

const writeSummary = (report: DemoReport, write: (line: string) => void) => {
  write('');
  write(
    `Records written (${report.records.length} audit records; ${report.tableItems} items in the table with idempotency claims, execution pointers and pending landings):`,
  );
  const pkWidth = Math.max(0, ...report.records.map((record) => record.pk.length));
  const decisionWidth = Math.max(0, ...report.records.map((record) => record.decision.length));
  for (const record of report.records) {
    write(
      `   ${clockTime(record.at)}  ${record.pk.padEnd(pkWidth)}  ${record.kind.padEnd(10)}  ${record.decision.padEnd(decisionWidth)}  ${record.why}`,
    );
  }
  if (report.chain !== undefined) {
    write('');
    write(
      `The first landing's chain, by its correlation id ${report.chain.correlationId} (one Query of the correlation index):`,
    );
    write(`   ${report.chain.records.map((record) => `${record.kind} ${record.decision}`).join(' → ')}`);
  }
  write('');
  for (const check of report.checks) write(`   ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.detail}`);
  write('');
  const clockMinutes = Math.round((Date.parse(report.clock.end) - Date.parse(report.clock.start)) / 60000);
  write(
    report.ok
      ? `The loop completed: ${seconds(report.wallClockMs)} of wall-clock time for ${clockMinutes} min on the local clock.`
      : `The loop did not complete: ${report.reason}`,
  );
};
