import type { LocalEvent } from '@fleet/local-cloud';
import type { FleetCloud } from '../local/FleetCloud.js';
import type { DemoNarration } from './demoApproval.js';
import { clickUntilAnswered } from './demoFaults.js';
import { executionName, packageName } from './describeEvent.js';
import { renderSlackMessage } from './renderSlackMessage.js';

/** The model the demo retrains for drift. */
const MODEL = 'churn';
/** The name Slack sends for the demo's approver. */
const APPROVER_NAME = 'ana';
/** How far the demo lets the clock run for the retrain to end and its package to be put to the approvers, and for the deployment. */
const RUN_LIMIT_MS = 6 * 3_600_000;
const DEPLOYMENT_LIMIT_MS = 3 * 3_600_000;

/** What became of the critical drift's retrain: the run, its package, the approval and the deployment. */
export type DemoDriftRetrain = {
  /** `started` when trigger-retraining started a run for drift, else `skipped` (with why) or `none`. */
  decision: 'started' | 'skipped' | 'none';
  skipReason?: string;
  /** The trigger kind of the run started (`drift`). */
  triggerKind?: string;
  /** How many runs were started for drift (the checks want exactly one). */
  started: number;
  executionArn?: string;
  executionStatus?: string;
  /** The package the run registered, its approval and its status in the Model Registry at the end. */
  modelPackageArn?: string;
  approvalId?: string;
  /** The approval request in Slack, as the approvers saw it. */
  slackMessage?: string[];
  click?: { status: number; replies: string[] };
  approvalDecision?: string;
  packageStatus?: string;
  /** When `Model Deployed` announced the package on the endpoint, if it did. */
  deployedAt?: string;
};

const detailOf = (event: LocalEvent) => event.detail as Record<string, unknown>;
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

const details = (fleet: FleetCloud, type: string) =>
  fleet.cloud
    .events()
    .map((entry) => entry.event)
    .filter((event) => event['detail-type'] === type);

const forDrift = (fleet: FleetCloud, type: string) =>
  details(fleet, type)
    .map(detailOf)
    .filter((detail) => (detail.trigger as { kind?: string } | undefined)?.kind === 'drift');

/**
 * Tells what trigger-retraining made of the critical drift and, when it started a run, follows
 * the run around the loop: the clock moves until the run ends and approval-callback has put its
 * package to the approvers (the Slack message shown as they see it); `onPackage` learns the
 * package's version before it serves (the demo gives the new model its scoring); the demo clicks
 * Approve (a signed request through the Slack stand-in), and the clock moves until the canary
 * deployment announces `Model Deployed` (or fails).
 */
export const runDriftRetrainSteps = async (
  fleet: FleetCloud,
  narration: DemoNarration,
  onPackage: (version: number) => void,
): Promise<DemoDriftRetrain> => {
  const { cloud } = fleet;
  const { step, flush, write } = narration;
  const started = forDrift(fleet, 'Retraining Started');
  const run = started[0];
  if (run === undefined) {
    const skipped = forDrift(fleet, 'Retraining Skipped').filter(
      (detail) => detail.skipReason !== 'below-retrain-severity',
    )[0];
    if (skipped === undefined) {
      write('   trigger-retraining neither started nor skipped a run for the critical drift.');
      return { decision: 'none', started: 0 };
    }
    const packages = cloud.sageMaker.registry.packages({
      modelPackageGroupName: fleet.config.models[MODEL]?.modelPackageGroup,
    });
    const newest = packages[packages.length - 1];
    const why =
      skipped.skipReason === 'model-busy'
        ? ` (the model is under repair: its newest package, ${
            newest === undefined ? 'none' : `${packageName(newest.modelPackageArn)}, is ${newest.modelApprovalStatus}`
          })`
        : '';
    write(
      `   trigger-retraining did not start a run for the critical drift: skipped, ${text(skipped.skipReason)}${why}`,
    );
    return { decision: 'skipped', skipReason: text(skipped.skipReason), started: 0 };
  }
  const executionArn = text(run.executionArn);
  const triggerKind = text((run.trigger as { kind?: string } | undefined)?.kind);
  write(
    `   trigger-retraining started ${executionName(executionArn)} for the critical drift (trigger kind ${triggerKind})`,
  );

  step('The drift retrain runs; its package is registered, compared with the champion and put to the approvers');
  const packageOfRun = () =>
    cloud.sageMaker.registry.packages().find((item) => item.generatedBy === executionArn)?.modelPackageArn;
  const request = () =>
    details(fleet, 'Approval Requested')
      .map(detailOf)
      .find((detail) => packageOfRun() !== undefined && detail.modelPackageArn === packageOfRun());
  const execution = () => cloud.executions().find((item) => item.pipelineExecutionArn === executionArn);
  const runDeadline = cloud.clock.nowMs() + RUN_LIMIT_MS;
  let announced = false;
  for (;;) {
    const registered = packageOfRun();
    if (registered !== undefined && !announced) {
      announced = true;
      onPackage(Number(/\/(\d+)$/.exec(registered)?.[1]));
    }
    const next = cloud.clock.nextAt();
    const ended = execution()?.status !== 'Executing';
    if ((ended && (request() !== undefined || registered === undefined)) || next === undefined) break;
    if (next.getTime() > runDeadline) break;
    await cloud.tick(Math.max(0, next.getTime() - cloud.clock.nowMs()));
    flush(false);
  }
  const modelPackageArn = packageOfRun();
  const asked = request();
  const common = {
    decision: 'started' as const,
    triggerKind,
    started: started.length,
    executionArn,
    ...(execution()?.status === undefined ? {} : { executionStatus: execution()?.status }),
    ...(modelPackageArn === undefined ? {} : { modelPackageArn }),
  };
  if (modelPackageArn === undefined || asked === undefined) {
    write(
      `   ${modelPackageArn === undefined ? 'The run registered no package' : `No approval was requested for ${packageName(modelPackageArn)}`}.`,
    );
    return common;
  }
  const approvalId = text(asked.approvalId);
  const channel = fleet.config.models[MODEL]?.routing?.slackChannel ?? fleet.config.routing?.slackChannel;
  const message =
    channel === undefined
      ? undefined
      : fleet.slack
          .messages(channel)
          .find((posted) => JSON.stringify(posted.blocks ?? []).includes(`"value":${JSON.stringify(approvalId)}`));
  const slackMessage = message === undefined ? undefined : renderSlackMessage(message);
  if (slackMessage !== undefined) {
    write(`   Slack, channel ${channel}, as the approvers see it:`);
    for (const line of slackMessage) write(`   │ ${line}`);
  }

  const model = fleet.config.models[MODEL];
  const approverId = model?.approvers[0] ?? 'U0NOAPPROVER';
  const endpointName = model?.deployment?.endpointName ?? MODEL;
  step(
    `@${APPROVER_NAME} (${approverId}) clicks Approve on ${packageName(modelPackageArn)}; its canary deployment updates endpoint ${endpointName}`,
  );
  let click: DemoDriftRetrain['click'];
  if (message !== undefined && channel !== undefined) {
    const result = await clickUntilAnswered(() =>
      fleet.slack.clickButton({
        channel,
        ts: message.ts,
        actionId: 'approve',
        user: { id: approverId, username: APPROVER_NAME },
      }),
    );
    await cloud.settle();
    const replies = fleet.slack.responses(result.responseUrl).map((post) => text(post.body?.text));
    click = { status: result.status, replies };
    write(`   POST ${fleet.http.slackInteractions}`);
    write(`        X-Slack-Request-Timestamp ${result.timestamp}, X-Slack-Signature ${result.signature.slice(0, 19)}…`);
    write(
      `   → HTTP ${result.status}; ephemeral reply to @${APPROVER_NAME}: ${replies.map((reply) => `"${reply}"`).join(', ') || '(none)'}`,
    );
  } else {
    write(`   No Slack message carries approval ${approvalId}.`);
  }
  flush(false);
  const deployedEvent = () =>
    details(fleet, 'Model Deployed').find((event) => detailOf(event).modelPackageArn === modelPackageArn);
  const failed = () =>
    details(fleet, 'Deployment Failed').some((event) => detailOf(event).modelPackageArn === modelPackageArn);
  const deployDeadline = cloud.clock.nowMs() + DEPLOYMENT_LIMIT_MS;
  while (click?.status === 200 && deployedEvent() === undefined && !failed() && cloud.clock.nowMs() < deployDeadline) {
    await cloud.tick('5m');
    flush(false);
  }
  const decision = details(fleet, 'Approval Decided')
    .map(detailOf)
    .find((detail) => detail.modelPackageArn === modelPackageArn);
  const registered = cloud.sageMaker.registry.package(modelPackageArn);
  write(
    `   Model Registry: ${packageName(modelPackageArn)} is ${registered?.modelApprovalStatus ?? 'unknown'}; endpoint ${endpointName} serves ${
      cloud.sageMaker.hosting.route(endpointName)?.endpointConfigName ?? 'nothing'
    }`,
  );
  const deployed = deployedEvent();
  return {
    ...common,
    approvalId,
    ...(slackMessage === undefined ? {} : { slackMessage }),
    ...(click === undefined ? {} : { click }),
    ...(decision === undefined ? {} : { approvalDecision: text(decision.decision) }),
    ...(registered === undefined ? {} : { packageStatus: registered.modelApprovalStatus }),
    ...(deployed === undefined ? {} : { deployedAt: deployed.time }),
  };
};
