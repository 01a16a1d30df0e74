import type { LocalEvent } from '@fleet/local-cloud';
import type { FleetRecord } from '@fleet/shared';
import type { FleetCloud } from '../local/FleetCloud.js';
import type { DemoReport } from './DemoReport.js';
import type { DemoFaults } from './demoFaults.js';

/** A check of the report: its name, whether it held, and what was found. */
type Check = DemoReport['checks'][number];

/** Items that occur more than once under the same key, with their counts. */
const repeated = <T>(items: readonly T[], key: (item: T) => string): [string, number][] => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1);
};

const detailOf = (event: LocalEvent) => event.detail as Record<string, unknown>;
const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const short = (value: string, length = 80) => (value.length > length ? `${value.slice(0, length - 1)}…` : value);

/**
 * The checks of the faults scenario, over what the fleet did while every service failed a share
 * of its calls:
 * - the loop completed: every check of the approve story held (dead letters aside, judged below);
 * - no duplicate run: one pipeline execution per started trigger decision, one per Retraining Started;
 * - no duplicate Slack message or PagerDuty event: no two identical bodies accepted by either
 *   (a faulted call never reaches them, so a second identical body is a second delivery);
 * - one decision per approval and one deployment per approval;
 * - every event handled or dead-lettered with a record: each event's invocations of a function
 *   end in a success or in a dead letter that says why, and EventBridge failed no delivery.
 *
 * Returns the report with these checks in place of the story's "no dead letters", the faults
 * injected (`faults`), and `ok`/`reason` recomputed.
 */
export const withFaultChecks = async (fleet: FleetCloud, report: DemoReport): Promise<DemoReport> => {
  const { cloud } = fleet;
  const summary = cloud.faultSummary();
  const events = cloud.events().map((entry) => entry.event);
  const ofType = (type: string) => events.filter((event) => event['detail-type'] === type);
  const records = await fleet.records();
  // The audit records of a kind (`<ISO>#<kind>#<id>`), not the claims, pointers and current states that share it.
  const ofKind = (kind: string) =>
    records.filter((record) => record.kind === kind && String(record.sk).includes(`#${kind}#`));
  const deadLetters = cloud.deadLetters();
  const failedDeliveries = cloud.bus.failedDeliveries;

  const story = report.checks.filter((check) => check.name !== 'no dead letters');
  const storyFailed = story.find((check) => !check.ok);
  const checks: Check[] = [
    ...story,
    {
      name: 'faults injected',
      ok: summary !== undefined && summary.faults > 0,
      detail:
        summary === undefined
          ? 'the local cloud ran without faults'
          : `${summary.faults} of ${summary.calls} calls failed (seed ${summary.seed}, rate ${summary.rate}): ${Object.entries(
              summary.services,
            )
              .filter(([, count]) => count.faults > 0)
              .map(([service, count]) => `${service} ${count.faults}`)
              .join(', ')}`,
    },
    {
      name: 'loop completed under faults',
      ok: storyFailed === undefined,
      detail:
        storyFailed === undefined
          ? `${story.length} checks of the story held`
          : `${storyFailed.name}: ${storyFailed.detail}`,
    },
    runCheck(cloud.executions(), ofKind('trigger'), ofType('Retraining Started')),
    slackCheck(fleet),
    pagerDutyCheck(fleet),
    decisionCheck(ofKind('approval'), ofType('Approval Decided')),
    deploymentCheck(ofKind('approval'), ofKind('deployment')),
    handledCheck(cloud.invocations(), deadLetters, failedDeliveries),
  ];
  const failed = checks.find((check) => !check.ok);
  const { reason: _, ...rest } = report;
  return {
    ...rest,
    ok: failed === undefined,
    ...(failed === undefined ? {} : { reason: `${failed.name}: ${failed.detail}` }),
    checks,
    faults: {
      ...(summary ?? { seed: 0, rate: 0, maxConsecutive: 0, calls: 0, faults: 0, services: {} }),
      deadLetters: deadLetters.map((letter) => ({
        functionName: letter.functionName,
        ...(letter.trigger.eventId === undefined ? {} : { eventId: letter.trigger.eventId }),
        ...(letter.trigger.detailType === undefined ? {} : { detailType: letter.trigger.detailType }),
        error: `${letter.error.name}: ${letter.error.message}`,
        attempts: letter.attempts,
      })),
      failedDeliveries: failedDeliveries.map((failure) => ({
        ruleName: failure.ruleName,
        eventId: failure.eventId,
        error: `${failure.error.name}: ${failure.error.message}`,
      })),
    },
  };
};

const runCheck = (
  executions: ReturnType<FleetCloud['cloud']['executions']>,
  triggers: readonly FleetRecord[],
  started: readonly LocalEvent[],
): Check => {
  const startedRecords = triggers.filter((record) => record.decision === 'started');
  const recordArns = startedRecords.map((record) => text(record.executionArn));
  const eventArns = new Set(started.map((event) => text(detailOf(event).executionArn)));
  const twice = repeated(recordArns, (arn) => arn);
  const ok =
    executions.length === startedRecords.length &&
    twice.length === 0 &&
    eventArns.size === executions.length &&
    executions.every((execution) => eventArns.has(execution.pipelineExecutionArn));
  return {
    name: 'no duplicate run',
    ok,
    detail: `${executions.length} pipeline execution(s), ${startedRecords.length} started trigger decision(s), Retraining Started for ${eventArns.size} execution(s)${
      twice.length === 0 ? '' : `; started twice: ${twice.map(([arn, count]) => `${arn} ×${count}`).join(', ')}`
    }`,
  };
};

const slackCheck = (fleet: FleetCloud): Check => {
  const posted = fleet.slack
    .calls('chat.postMessage')
    .filter((call) => call.status === 200 && call.response?.ok === true);
  const twice = repeated(posted, (call) =>
    JSON.stringify([call.body?.channel, call.body?.thread_ts, call.body?.text, call.body?.blocks]),
  );
  return {
    name: 'no duplicate Slack message',
    ok: twice.length === 0,
    detail:
      twice.length === 0
        ? `${posted.length} messages posted, each once`
        : `posted more than once: ${twice.map(([key, count]) => `${short(key)} ×${count}`).join('; ')}`,
  };
};

const pagerDutyCheck = (fleet: FleetCloud): Check => {
  const accepted = fleet.pagerDuty.events().filter((event) => event.status === 202);
  const twice = repeated(accepted, (event) => event.rawBody);
  return {
    name: 'no duplicate PagerDuty event',
    ok: twice.length === 0,
    detail:
      twice.length === 0
        ? `${accepted.length} events accepted, each once`
        : `sent more than once: ${twice.map(([body, count]) => `${short(body)} ×${count}`).join('; ')}`,
  };
};

const decisionCheck = (approvals: readonly FleetRecord[], decided: readonly LocalEvent[]): Check => {
  const twiceRecorded = repeated(approvals, (record) => text(record.id));
  const twiceAnnounced = repeated(decided, (event) => text(detailOf(event).approvalId));
  const decidedRecords = approvals.filter((record) => record.decision !== undefined);
  return {
    name: 'one decision per approval',
    ok: twiceRecorded.length === 0 && twiceAnnounced.length === 0,
    detail: `${approvals.length} approval(s), ${decidedRecords.length} decided, ${decided.length} Approval Decided event(s)${
      twiceAnnounced.length === 0
        ? ''
        : `; decided more than once: ${twiceAnnounced.map(([id, n]) => `${id} ×${n}`).join(', ')}`
    }${twiceRecorded.length === 0 ? '' : `; recorded more than once: ${twiceRecorded.map(([id, n]) => `${id} ×${n}`).join(', ')}`}`,
  };
};

const deploymentCheck = (approvals: readonly FleetRecord[], deployments: readonly FleetRecord[]): Check => {
  const approved = approvals.filter((record) => record.decision === 'approved');
  const perApproval = repeated(deployments, (record) => text(record.correlationId));
  const deployedTwice = repeated(
    deployments.filter((record) => record.decision === 'deployed'),
    (record) => text(record.modelPackageArn),
  );
  const ok =
    perApproval.length === 0 &&
    deployedTwice.length === 0 &&
    approved.every((approval) => deployments.some((record) => record.correlationId === approval.correlationId));
  return {
    name: 'one deployment per approval',
    ok,
    detail: `${approved.length} approved, ${deployments.length} deployment record(s) (${deployments
      .map((record) => text(record.decision))
      .join(
        ', ',
      )})${perApproval.length === 0 ? '' : `; more than one for ${perApproval.map(([id, n]) => `${id} ×${n}`).join(', ')}`}${
      deployedTwice.length === 0
        ? ''
        : `; deployed twice: ${deployedTwice.map(([arn, n]) => `${arn} ×${n}`).join(', ')}`
    }`,
  };
};

const handledCheck = (
  invocations: ReturnType<FleetCloud['cloud']['invocations']>,
  deadLetters: ReturnType<FleetCloud['cloud']['deadLetters']>,
  failedDeliveries: FleetCloud['cloud']['bus']['failedDeliveries'],
): Check => {
  const key = (deployedName: string, eventId: string) => `${deployedName} ${eventId}`;
  const handled = new Set<string>();
  const seen = new Set<string>();
  for (const invocation of invocations) {
    const eventId = invocation.trigger.eventId;
    if (eventId === undefined) continue;
    seen.add(key(invocation.deployedName, eventId));
    if (invocation.outcome === 'success') handled.add(key(invocation.deployedName, eventId));
  }
  const lettered = new Map(
    deadLetters
      .filter((letter) => letter.trigger.eventId !== undefined)
      .map((letter) => [key(letter.deployedName, letter.trigger.eventId as string), letter]),
  );
  const lost = [...seen].filter((item) => !handled.has(item) && !lettered.has(item));
  const unexplained = deadLetters.filter((letter) => letter.error.message.trim() === '');
  return {
    name: 'every event handled or dead-lettered with a record',
    ok: lost.length === 0 && unexplained.length === 0 && failedDeliveries.length === 0,
    detail: `${seen.size} deliveries of events to functions: ${handled.size} handled, ${lettered.size} dead-lettered${
      deadLetters.length === 0
        ? ''
        : ` (${deadLetters.map((letter) => `${letter.functionName}: ${short(letter.error.message)}`).join('; ')})`
    }${lost.length === 0 ? '' : `; neither handled nor dead-lettered: ${lost.join(', ')}`}${
      failedDeliveries.length === 0
        ? ''
        : `; EventBridge could not deliver: ${failedDeliveries.map((failure) => `${failure.ruleName} (${failure.error.message})`).join('; ')}`
    }`,
  };
};

/** The faults injected, one line per service, for the narrative. */
export const describeFaults = (faults: DemoFaults): string[] => {
  const services = Object.entries(faults.services).filter(([, count]) => count.calls > 0);
  const width = Math.max(0, ...services.map(([service]) => service.length));
  return [
    `Faults injected (seed ${faults.seed}, rate ${faults.rate}, at most ${faults.maxConsecutive} in a row per request): ${faults.faults} of ${faults.calls} calls`,
    ...services.map(([service, count]) =>
      `   ${service.padEnd(width)} ${String(count.faults).padStart(4)} of ${String(count.calls).padStart(5)}  ${Object.entries(
        count.byCode,
      )
        .map(([code, n]) => `${code} ${n}`)
        .join(', ')}`.trimEnd(),
    ),
    ...faults.deadLetters.map(
      (letter) => `   dead letter: ${letter.functionName} (${letter.detailType ?? 'direct'}): ${letter.error}`,
    ),
  ];
};
