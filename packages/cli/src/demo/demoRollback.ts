import type { LocalEvent } from '@fleet/local-cloud';
import type { FleetCloud } from '../local/FleetCloud.js';
import type { DemoCheck, DemoNarration } from './demoApproval.js';
import { packageName } from './describeEvent.js';

/** The model the demo deploys. */
const MODEL = 'churn';
/** The name Slack sends for the demo's approver. */
const APPROVER_NAME = 'ana';
/** How far the demo lets the clock run for the nightly run, and for the deployment to end, at most. */
const NIGHTLY_LIMIT_MS = 30 * 3_600_000;
const DEPLOYMENT_LIMIT_MS = 3 * 3_600_000;
/** How long into the canary the alarm goes off. */
const ALARM_AFTER_MS = 5 * 60_000;

/** The rollback part of the demo: the second package, its canary, the alarm and how it ended. */
export type DemoRollback = {
  /** The package of the nightly run whose deployment is rolled back. */
  modelPackageArn?: string;
  /** The endpoint's configuration before, during and after the update. */
  endpointConfigBefore?: string;
  endpointConfigAfter?: string;
  /** The alarm set to ALARM through the CloudWatch stand-in, and when (local clock). */
  alarm?: { name: string; at: string };
  /** `Deployment Failed` for the package: its failure code and message. */
  failed?: { code: string; message: string };
  /** `Model Deployed` announcements for the package (none when it rolled back). */
  deployedAnnouncements: number;
  /** The package's status in the Model Registry at the end. */
  packageStatus?: string;
};

const detailOf = (event: LocalEvent) => event.detail as Record<string, unknown>;
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

const eventsFor = (fleet: FleetCloud, type: string, modelPackageArn: string | undefined) =>
  fleet.cloud
    .events()
    .map((entry) => entry.event)
    .filter((event) => event['detail-type'] === type && detailOf(event).modelPackageArn === modelPackageArn)
    .map(detailOf);

/**
 * The rollback steps of `fleet demo --scenario rollback`, after the first package is approved
 * and deployed: the nightly run registers a second package, the demo approves it in Slack, its
 * deployment updates the endpoint with a canary, and during the canary a rollback alarm goes
 * to ALARM (through the CloudWatch stand-in). SageMaker rolls the endpoint back; the fleet
 * announces `Deployment Failed` (`rolled_back`), never `Model Deployed`, for that package.
 */
export const runRollbackSteps = async (fleet: FleetCloud, narration: DemoNarration): Promise<DemoRollback> => {
  const { cloud } = fleet;
  const { step, flush, write } = narration;
  const model = fleet.config.models[MODEL];
  const endpointName = model?.deployment?.endpointName ?? MODEL;
  const approverId = model?.approvers[0] ?? 'U0NOAPPROVER';
  const channel = model?.routing?.slackChannel ?? fleet.config.routing?.slackChannel;
  const requestsBefore = cloud.events().filter((entry) => entry.event['detail-type'] === 'Approval Requested').length;
  // Read only while no update is under way: during one, routing moves the canary's share along.
  const endpointConfig = () => cloud.sageMaker.hosting.route(endpointName)?.endpointConfigName;

  step('The clock moves to the nightly scheduled run, which registers a second package; the approvers are asked');
  const deadline = cloud.clock.nowMs() + NIGHTLY_LIMIT_MS;
  const newRequest = () =>
    cloud
      .events()
      .map((entry) => entry.event)
      .filter((event) => event['detail-type'] === 'Approval Requested')
      .slice(requestsBefore)
      .map(detailOf)[0];
  for (;;) {
    const next = cloud.clock.nextAt();
    if (newRequest() !== undefined || next === undefined || next.getTime() > deadline) break;
    await cloud.tick(Math.max(0, next.getTime() - cloud.clock.nowMs()));
    flush(false);
  }
  const request = newRequest();
  if (request === undefined) {
    write('   No second approval was requested.');
    return { deployedAnnouncements: 0 };
  }
  const modelPackageArn = text(request.modelPackageArn);
  const endpointConfigBefore = endpointConfig();
  const message =
    channel === undefined
      ? undefined
      : fleet.slack
          .messages(channel)
          .find((posted) =>
            (posted.blocks ?? []).some((block) =>
              JSON.stringify(block).includes(`"value":${JSON.stringify(text(request.approvalId))}`),
            ),
          );
  step(
    `@${APPROVER_NAME} approves ${packageName(modelPackageArn)} in Slack; its deployment updates endpoint ${endpointName} with a canary`,
  );
  if (message === undefined || channel === undefined) {
    write(`   No Slack message carries approval ${text(request.approvalId)}.`);
    return { modelPackageArn, deployedAnnouncements: 0 };
  }
  const click = await fleet.slack.clickButton({
    channel,
    ts: message.ts,
    actionId: 'approve',
    user: { id: approverId, username: APPROVER_NAME },
  });
  await cloud.settle();
  write(`   POST ${fleet.http.slackInteractions} → HTTP ${click.status}`);
  flush();

  const alarm = cloud.cloudWatch
    .alarms()
    .map((item) => item.alarmName)
    .find((name) => name.includes(`-${endpointName}-`) && name.endsWith('Invocation5XXErrors'));
  step(
    `${ALARM_AFTER_MS / 60_000} min into the canary, the endpoint's ${alarm ?? '5XX'} alarm goes to ALARM (CloudWatch stand-in)`,
  );
  await cloud.tick(ALARM_AFTER_MS);
  flush(false);
  if (alarm === undefined) {
    write(
      `   No rollback alarm of endpoint ${endpointName} exists (alarms: ${cloud.cloudWatch
        .alarms()
        .map((item) => item.alarmName)
        .join(', ')})`,
    );
    return { modelPackageArn, deployedAnnouncements: 0 };
  }
  cloud.cloudWatch.setAlarmState(alarm, 'ALARM', 'Threshold Crossed: 3 server errors in the canary');
  const alarmAt = cloud.now().toISOString();
  write(`   SetAlarmState ${alarm} → ALARM at ${alarmAt.replace('T', ' ').slice(0, 19)} UTC`);

  step('SageMaker rolls the endpoint back; the clock moves until the deployment ends');
  const ended = () =>
    eventsFor(fleet, 'Deployment Failed', modelPackageArn).length > 0 ||
    eventsFor(fleet, 'Model Deployed', modelPackageArn).length > 0;
  const limit = cloud.clock.nowMs() + DEPLOYMENT_LIMIT_MS;
  while (!ended() && cloud.clock.nowMs() < limit) {
    await cloud.tick('5m');
    flush(false);
  }
  await cloud.tick('5m');
  flush(false);
  const failed = eventsFor(fleet, 'Deployment Failed', modelPackageArn)[0];
  const failure = (failed?.failure ?? {}) as Record<string, unknown>;
  const registered = cloud.sageMaker.registry.package(modelPackageArn);
  const endpointConfigAfter = endpointConfig();
  write(
    `   Endpoint ${endpointName}: ${endpointConfigBefore ?? '?'} before, ${endpointConfigAfter ?? '?'} after; Model Registry: ${packageName(modelPackageArn)} is ${registered?.modelApprovalStatus ?? 'unknown'}${
      registered?.approvalDescription === undefined ? '' : ` ("${registered.approvalDescription}")`
    }`,
  );
  return {
    modelPackageArn,
    ...(endpointConfigBefore === undefined ? {} : { endpointConfigBefore }),
    ...(endpointConfigAfter === undefined ? {} : { endpointConfigAfter }),
    alarm: { name: alarm, at: alarmAt },
    ...(failed === undefined ? {} : { failed: { code: text(failure.code), message: text(failure.message) } }),
    deployedAnnouncements: eventsFor(fleet, 'Model Deployed', modelPackageArn).length,
    ...(registered === undefined ? {} : { packageStatus: registered.modelApprovalStatus }),
  };
};

/** The checks of the rollback steps, each of which fails when its step did not happen. */
export const rollbackChecks = (rollback: DemoRollback): DemoCheck[] => [
  {
    name: 'second package approved for deployment',
    ok: rollback.modelPackageArn !== undefined && rollback.alarm !== undefined,
    detail:
      rollback.modelPackageArn === undefined
        ? 'the nightly run asked for no approval'
        : `${packageName(rollback.modelPackageArn)}${rollback.alarm === undefined ? ', but no rollback alarm was set' : `, alarm ${rollback.alarm.name} set to ALARM during the canary`}`,
  },
  {
    name: 'deployment rolled back',
    ok:
      rollback.failed?.code === 'rolled_back' &&
      rollback.endpointConfigAfter !== undefined &&
      rollback.endpointConfigAfter === rollback.endpointConfigBefore,
    detail:
      rollback.failed === undefined
        ? 'no Deployment Failed for the package'
        : `Deployment Failed (${rollback.failed.code}): ${rollback.failed.message}; endpoint on ${rollback.endpointConfigAfter ?? '?'} (was ${rollback.endpointConfigBefore ?? '?'})`,
  },
  {
    name: 'never announced as deployed',
    ok: rollback.modelPackageArn !== undefined && rollback.deployedAnnouncements === 0,
    detail: `${rollback.deployedAnnouncements} Model Deployed for ${rollback.modelPackageArn === undefined ? 'no package' : packageName(rollback.modelPackageArn)}`,
  },
];
