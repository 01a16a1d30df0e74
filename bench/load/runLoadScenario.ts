import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FleetCloud, FleetCloudOptions } from '../../packages/cli/src/local/index.js';
import { startFleetCloud } from '../../packages/cli/src/local/index.js';
import type { LocalEvent, SlackInteractionResult, StoredSlackMessage } from '../../packages/local-cloud/src/index.js';
import { type LoadCheck, type LoadOutcome, loadChecks } from './loadChecks.js';
import { LOAD_APPROVERS, LOAD_DEBOUNCE_SECONDS, type LoadModel } from './loadFleetConfig.js';
import { writeLoadRoot } from './writeLoadRoot.js';

/** The shape and pace of one load scenario run. */
export type LoadScenarioOptions = {
  /** The repository (its services, core stack, churn contract and example data). */
  repoRoot: string;
  /** Where the generated fleet is written (emptied first, removed after). */
  dir: string;
  datasets: number;
  /** Models whose packages are put to approvers (the first ones). */
  approvals: number;
  landingsPerDataset: number;
  /** Share of the landings whose S3 `Object Created` event is delivered a second time (0 to 1). */
  redeliveredShare: number;
  clicksPerApproval: number;
  /** Rows of churn data per landing (the contracts ask for half as many at least). */
  rowsPerLanding: number;
  /** Local time over which the landings are spread (default 60 s). */
  landingWindowMs?: number;
  /** Further options of `startFleetCloud` (e.g. `faults` with rate 0, to count the calls per service). */
  cloud?: Omit<FleetCloudOptions, 'rootDir' | 'configFile'>;
  /** Told where the run is (a line per phase and per 10 s of landings); default silent. */
  progress?: (line: string) => void;
};

/** The phases of a run, in order, timed in wall time. */
export const LOAD_PHASES = ['start', 'land', 'runs', 'clicks', 'check'] as const;
export type LoadPhase = (typeof LOAD_PHASES)[number];

/**
 * The steps of the landing phase: the uploads (the PUTs answered), the settling after them (S3's
 * events converted and delivered, validation, trigger-retraining), the settling after the
 * redeliveries, and the clock's one-second moves.
 */
export const LAND_STEPS = ['upload', 'settle', 'redeliver', 'tick'] as const;
export type LandStep = (typeof LAND_STEPS)[number];

/** What one run did, how long each phase took, and its checks. */
export type LoadScenarioResult = {
  landings: number;
  redelivered: number;
  clicks: number;
  /** Wall milliseconds per phase. */
  wallMs: Record<LoadPhase, number>;
  /** CPU milliseconds (user and system) of the process per phase: what the phase cost on a shared machine. */
  cpuMs: Record<LoadPhase, number>;
  /** Wall and CPU milliseconds of each step of the landing phase. */
  landSteps: Record<LandStep, { wallMs: number; cpuMs: number }>;
  /** Local (clock) milliseconds from the first landing to the last. */
  landingSpanMs: number;
  checks: LoadCheck[];
  outcome: LoadOutcome;
  /** The calls each service answered, when `cloud.faults` was given (the fault proxies count them). */
  calls?: Record<string, number>;
  /** Per function: invocation attempts and the wall time their handlers ran (overlapping when concurrent). */
  functions: { functionName: string; invocations: number; handlerMs: number }[];
};

const HOUR_MS = 3_600_000;

/** The rows of a churn file to cut landings from: its header and data lines. */
const churnLines = (repoRoot: string) => {
  const [header, ...rows] = readFileSync(path.join(repoRoot, 'examples/datasets/churn_baseline.csv'), 'utf8')
    .trimEnd()
    .split('\n');
  return { header, rows };
};

/** Landing `n` of the run: a slice of the churn rows (so `customer_id` stays unique in each), under its model's prefix. */
const landingBody = (lines: { header: string; rows: string[] }, n: number, rowsPerLanding: number): string => {
  const start = (n * rowsPerLanding) % Math.max(1, lines.rows.length - rowsPerLanding);
  return `${[lines.header, ...lines.rows.slice(start, start + rowsPerLanding)].join('\n')}\n`;
};

/** Uploads an object over S3's HTTP API, as a producer would (s3rver takes unsigned requests). */
const putObject = async (fleet: FleetCloud, key: string, body: string): Promise<void> => {
  const url = `${fleet.endpoints.s3}/${fleet.resources.dataBucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'text/csv' }, body });
  if (!response.ok) throw new Error(`PUT ${key} to the local S3 answered ${response.status}: ${await response.text()}`);
};

const eventsOf = (fleet: FleetCloud, detailType: string): LocalEvent[] =>
  fleet.cloud
    .events()
    .map((entry) => entry.event)
    .filter((event) => event['detail-type'] === detailType);

/** Moves the clock to what is due next until `done`, at most `limitMs` of clock time. */
const tickUntil = async (fleet: FleetCloud, done: () => boolean, what: string, limitMs: number): Promise<void> => {
  const { cloud } = fleet;
  const deadline = cloud.clock.nowMs() + limitMs;
  while (!done()) {
    const next = cloud.clock.nextAt();
    if (next === undefined || next.getTime() > deadline) {
      throw new Error(
        `${what} by ${cloud.now().toISOString()} (nothing more due before ${new Date(deadline).toISOString()})`,
      );
    }
    await cloud.tick(Math.max(0, next.getTime() - cloud.clock.nowMs()));
  }
};

const functionNames = (invocations: readonly { functionName: string }[]): Set<string> =>
  new Set(invocations.map((invocation) => invocation.functionName));

const hasButton = (message: StoredSlackMessage, actionId: string): boolean =>
  (message.blocks ?? []).some((block) =>
    (((block as { elements?: unknown[] }).elements ?? []) as { action_id?: string }[]).some(
      (element) => element.action_id === actionId,
    ),
  );

/**
 * The load scenario on the fleet's local cloud, in one process: a generated fleet of
 * `datasets` models (`writeLoadRoot`), `landingsPerDataset` landings per dataset spread over one
 * minute of clock time (interleaved across datasets, uploaded concurrently second by second over
 * S3's HTTP API) with a share of their `Object Created` events delivered again; the debounce
 * windows pass and every run ends; then `clicksPerApproval` signed Slack clicks per approval
 * request, all at once, Approve and Reject mixed, by the models' approvers. Returns the wall
 * time of each phase and the checks of `loadChecks`.
 *
 * @throws Error when a phase cannot finish (no run started, no approval request posted...)
 */
export const runLoadScenario = async (options: LoadScenarioOptions): Promise<LoadScenarioResult> => {
  const wallMs = Object.fromEntries(LOAD_PHASES.map((phase) => [phase, 0])) as Record<LoadPhase, number>;
  const cpuMs = { ...wallMs };
  const progress = options.progress ?? (() => undefined);
  const landSteps = Object.fromEntries(LAND_STEPS.map((name) => [name, { wallMs: 0, cpuMs: 0 }])) as Record<
    LandStep,
    { wallMs: number; cpuMs: number }
  >;
  const step = async <T>(name: LandStep, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    try {
      return await work();
    } finally {
      const cpu = process.cpuUsage(cpuStarted);
      landSteps[name].wallMs += performance.now() - started;
      landSteps[name].cpuMs += (cpu.user + cpu.system) / 1000;
    }
  };
  const timed = async <T>(phase: LoadPhase, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    try {
      return await work();
    } finally {
      wallMs[phase] += performance.now() - started;
      const cpu = process.cpuUsage(cpuStarted);
      cpuMs[phase] += (cpu.user + cpu.system) / 1000;
      progress(`${phase}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  const root = writeLoadRoot(options.repoRoot, options.dir, {
    datasets: options.datasets,
    approvals: options.approvals,
    minRows: Math.max(1, Math.floor(options.rowsPerLanding / 2)),
  });
  const { models } = root;
  let fleet: FleetCloud;
  try {
    fleet = await timed('start', () =>
      startFleetCloud({ ...options.cloud, rootDir: root.dir, configFile: root.configFile }),
    );
  } catch (error) {
    root.remove();
    throw error;
  }
  try {
    const { cloud } = fleet;
    const lines = churnLines(options.repoRoot);
    const total = options.datasets * options.landingsPerDataset;
    const windowMs = options.landingWindowMs ?? 60_000;
    const redeliverEvery = options.redeliveredShare > 0 ? Math.round(1 / options.redeliveredShare) : 0;
    let redelivered = 0;
    const firstLandingMs = cloud.clock.nowMs();

    // Land: landing n at n/total of the window, dataset n mod datasets; each second's landings at once.
    await timed('land', async () => {
      const seconds = Math.ceil(windowMs / 1000);
      const landed: string[] = [];
      for (let second = 0, n = 0; second < seconds; second++) {
        const batch: { key: string; body: string }[] = [];
        for (; n < total && Math.floor((n * windowMs) / total / 1000) === second; n++) {
          const model = models[n % models.length];
          const round = Math.floor(n / models.length);
          batch.push({
            key: `${model.prefix}part-${String(round).padStart(3, '0')}.csv`,
            body: landingBody(lines, n, options.rowsPerLanding),
          });
        }
        const eventsBefore = cloud.events().length;
        await step('upload', () => Promise.all(batch.map((landing) => putObject(fleet, landing.key, landing.body))));
        landed.push(...batch.map((landing) => landing.key));
        await step('settle', () => cloud.settle());
        // Redeliveries: S3 sends some of this second's events again, as at-least-once delivery allows.
        if (redeliverEvery > 0) {
          const fresh = cloud
            .events()
            .slice(eventsBefore)
            .map((entry) => entry.event)
            .filter((event) => event['detail-type'] === 'Object Created');
          for (const event of fresh) {
            const index = landed.indexOf(String((event.detail as { object?: { key?: string } }).object?.key));
            if (index >= 0 && index % redeliverEvery === 0) {
              cloud.bus.injectEvent(event, 'default');
              redelivered++;
            }
          }
          await step('redeliver', () => cloud.settle());
        }
        if (second % 10 === 9)
          progress(`land: ${n} landings, ${redelivered} redelivered by ${cloud.now().toISOString()}`);
        if (second < seconds - 1) await step('tick', () => cloud.tick(1000));
      }
    });
    const landingSpanMs = cloud.clock.nowMs() - firstLandingMs;

    // Runs: past the last debounce window, then until every pipeline ran and none is running.
    await timed('runs', async () => {
      await cloud.tick((LOAD_DEBOUNCE_SECONDS + 60) * 1000);
      await tickUntil(
        fleet,
        () =>
          cloud.executions().length >= models.length &&
          cloud.executions().every((execution) => execution.status !== 'Executing'),
        `${models.length - cloud.executions().length} pipelines did not run`,
        6 * HOUR_MS,
      );
      await cloud.settle();
    });

    // Clicks: every approval request, `clicksPerApproval` clicks each, all at once.
    const approvalModels = models.filter((model) => model.approval);
    const requests = approvalModels.map((model) => {
      const message = fleet.slack.messages(model.channel).find((posted) => hasButton(posted, 'approve'));
      if (message === undefined)
        throw new Error(`no approval request with an Approve button in ${model.channel} (${model.name})`);
      return { model, message };
    });
    const clicks: { model: LoadModel; result: SlackInteractionResult }[] = await timed('clicks', async () => {
      const sent = await Promise.all(
        requests.flatMap(({ model, message }, request) =>
          Array.from({ length: options.clicksPerApproval }, async (_, index) => ({
            model,
            result: await fleet.slack.clickButton({
              channel: model.channel,
              ts: message.ts,
              // Approve and Reject alternate, starting with Reject on every other request.
              actionId: (index + request) % 2 === 0 ? 'approve' : 'reject',
              user: LOAD_APPROVERS[index % LOAD_APPROVERS.length],
            }),
          })),
        ),
      );
      await cloud.settle();
      return sent;
    });

    const invocations = cloud.invocations();
    const summary = cloud.faultSummary();
    const callsBeforeStop =
      summary === undefined
        ? undefined
        : Object.fromEntries(Object.entries(summary.services).map(([service, count]) => [service, count.calls]));
    const outcome = await timed('check', async () => {
      const records = await fleet.records();
      const approvalModelNames = approvalModels.map((model) => model.name);
      const approvals = records
        .filter((record) => record.kind === 'approval' && record.pk.startsWith('MODEL#'))
        .map((record) => ({
          id: String(record.id),
          model: String(record.model),
          ...(typeof record.decision === 'string' ? { decision: record.decision } : {}),
          ...(typeof record.decidedBy === 'string' ? { decidedBy: record.decidedBy } : {}),
        }));
      const clickReplies = clicks.map(({ result }) =>
        fleet.slack.responses(result.responseUrl).map((post) => String(post.body?.text ?? '')),
      );
      const decidingClicks = clicks
        .filter((_, index) => clickReplies[index].some((text) => /^You (approved|rejected)/.test(text)))
        .map(({ result }) => String((result.payload.actions as { value?: string }[] | undefined)?.[0]?.value));
      const channelOf = new Map(models.map((model) => [model.name, model.channel]));
      const slackEvents = ['Approval Requested', 'Approval Decided'].flatMap((detailType) =>
        eventsOf(fleet, detailType).map((event) => {
          const detail = event.detail as { eventKey?: string; model?: string };
          const channel = detail.model === undefined ? undefined : channelOf.get(detail.model);
          return { eventKey: String(detail.eventKey), channels: channel === undefined ? [] : [channel] };
        }),
      );
      const result: LoadOutcome = {
        pipelines: models.map((model) => model.pipeline),
        executions: cloud.executions().map(({ pipelineName, status }) => ({ pipelineName, status })),
        approvalModels: approvalModelNames,
        approvals,
        decidedEvents: eventsOf(fleet, 'Approval Decided').map((event) =>
          String((event.detail as { approvalId?: string }).approvalId),
        ),
        decidingClicks,
        clickReplies,
        clickStatuses: clicks.map(({ result }) => result.status),
        approvers: LOAD_APPROVERS.map((approver) => approver.id),
        slackDeliveries: records
          .filter((record) => record.pk.startsWith('DELIVERY#') && String(record.sk).startsWith('slack:'))
          .map((record) => ({
            eventKey: String(record.eventKey),
            destination: String(record.destination),
            ...(typeof record.state === 'string' ? { state: record.state } : {}),
          })),
        slackPosts: fleet.slack
          .calls('chat.postMessage')
          .filter((call) => call.status === 200 && call.response?.ok === true)
          .map((call) => String(call.body?.channel)),
        slackEvents,
        deadLetters: cloud.deadLetters().map((dead) => ({
          functionName: dead.functionName,
          error: `${dead.error.name}: ${dead.error.message}`,
        })),
        failedAttempts: invocations
          .filter((invocation) => invocation.error !== undefined)
          .map((invocation) => ({
            functionName: invocation.functionName,
            error: `${invocation.error?.name}: ${invocation.error?.message}`,
          })),
      };
      return result;
    });
    return {
      landings: total,
      redelivered,
      clicks: clicks.length,
      wallMs,
      cpuMs,
      landSteps,
      ...(callsBeforeStop === undefined ? {} : { calls: callsBeforeStop }),
      landingSpanMs,
      checks: loadChecks(outcome),
      outcome,
      functions: [...functionNames(invocations)]
        .map((functionName) => {
          const attempts = invocations.filter((invocation) => invocation.functionName === functionName);
          return {
            functionName,
            invocations: attempts.length,
            handlerMs: attempts.reduce((sum, attempt) => sum + attempt.durationMs, 0),
          };
        })
        .sort((a, b) => b.handlerMs - a.handlerMs),
    };
  } finally {
    await fleet.stop();
    root.remove();
  }
};
