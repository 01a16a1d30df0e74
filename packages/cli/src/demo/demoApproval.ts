import type { LocalEvent, SlackInteractionResult, StoredSlackMessage } from '@fleet/local-cloud';
import type { FleetCloud } from '../local/FleetCloud.js';
import { clickUntilAnswered } from './demoFaults.js';
import type { DemoScenario, DemoScenarioName } from './demoScenarios.js';
import { packageName } from './describeEvent.js';
import { renderSlackMessage } from './renderSlackMessage.js';

/** One click the demo sent to the fleet's Slack interactivity URL, and what came back. */
export type DemoClick = {
  /** The Slack user id of the clicker. */
  user: string;
  action: 'approve' | 'reject';
  /** The approval id the button carried. */
  approvalId: string;
  url: string;
  /** `X-Slack-Request-Timestamp` and `X-Slack-Signature` of the request. */
  timestamp: number;
  signature: string;
  /** The HTTP status the fleet answered and the wall-clock milliseconds it took. */
  status: number;
  ms: number;
  /** What the fleet told the clicker through `response_url`. */
  replies: string[];
};

/** The approval part of the demo: the request, the Slack message, the clicks and the Model Registry afterwards. */
export type DemoApproval = {
  scenario: DemoScenarioName;
  /** The approval of the first run's package, when one was requested. */
  approvalId?: string;
  /** The Slack message notify posted for the request, as the channel shows it (lines of text). */
  slackMessage?: { channel: string; ts: string; lines: string[] };
  clicks: DemoClick[];
  /** Every `Approval Decided`, in order. */
  decisions: {
    approvalId: string;
    modelPackageArn: string;
    decision: string;
    decidedBy: string;
    decidedByName?: string;
    reason?: string;
  }[];
  /** The model packages of the group at the end, oldest first. */
  packages: { modelPackageArn: string; status: string; approvalDescription?: string; generatedBy?: string }[];
};

/** How the demo narrates: a numbered step, the timeline since the last flush, a plain line. */
export type DemoNarration = {
  step: (title: string) => void;
  flush: (sayWhenQuiet?: boolean) => void;
  write: (line: string) => void;
};

/** One check of the demo's report. */
export type DemoCheck = { name: string; ok: boolean; detail: string };

/** The model the demo's dataset retrains. */
const MODEL = 'churn';
/** The name Slack sends for the demo's approver (the configuration holds only user ids). */
const APPROVER_NAME = 'ana';
/** How far the demo lets the clock run to reach the nightly run, at most. */
const NIGHTLY_LIMIT_MS = 30 * 3_600_000;

const detailOf = (event: LocalEvent) => event.detail as Record<string, unknown>;
const ofType = (fleet: FleetCloud, type: string) =>
  fleet.cloud
    .events()
    .map((entry) => entry.event)
    .filter((event) => event['detail-type'] === type)
    .map(detailOf);

/** The button with `actionId` in a message's blocks (an `actions` block or a section's accessory). */
const buttonOf = (message: StoredSlackMessage, actionId: string): { value?: string } | undefined =>
  (message.blocks ?? [])
    .flatMap((block) => {
      const { elements, accessory } = block as { elements?: unknown[]; accessory?: unknown };
      return [...(elements ?? []), accessory] as ({ action_id?: string; value?: string } | undefined)[];
    })
    .find((element) => element?.action_id === actionId);

const channelOf = (fleet: FleetCloud): string | undefined =>
  fleet.config.models[MODEL]?.routing?.slackChannel ?? fleet.config.routing?.slackChannel;

/**
 * The approval steps of `fleet demo`, after the first run succeeded: the package it registered
 * was compared and put to the approvers (the Slack message notify posted is shown as people see
 * it); then, as the scenario says, the demo clicks Approve through the Slack stand-in (a signed
 * request to the fleet's interactivity URL), and lets the nightly run register a worse package
 * (`regression`), or lets the clock pass the approval's timeout and clicks late (`expired`).
 */
export const runApprovalSteps = async (
  fleet: FleetCloud,
  scenario: DemoScenario,
  narration: DemoNarration,
): Promise<DemoApproval> => {
  const { cloud } = fleet;
  const { step, flush, write } = narration;
  const clicks: DemoClick[] = [];
  const approverId = fleet.config.models[MODEL]?.approvers[0] ?? 'U0NOAPPROVER';
  const requested = ofType(fleet, 'Approval Requested')[0];
  const approvalId = requested === undefined ? undefined : String(requested.approvalId);
  const channel = channelOf(fleet);
  const message =
    approvalId === undefined || channel === undefined
      ? undefined
      : fleet.slack.messages(channel).find((posted) => buttonOf(posted, 'approve')?.value === approvalId);

  step(`The run registered a model package; approval-callback compares it with the champion and asks the approvers`);
  if (requested === undefined) write('   No approval was requested for the package.');
  else write(`   Approval ${approvalId} of ${packageName(requested.modelPackageArn)}, requested from ${approverId}.`);
  if (message !== undefined) {
    write(`   Slack, channel ${channel}, as the approvers see it:`);
    for (const line of renderSlackMessage(message)) write(`   │ ${line}`);
  }

  const send = async (action: 'approve' | 'reject', stale: boolean): Promise<DemoClick | undefined> => {
    if (approvalId === undefined) return undefined;
    const url = fleet.http.slackInteractions;
    const user = { id: approverId, username: APPROVER_NAME };
    const startedMs = performance.now();
    let result: SlackInteractionResult;
    if (message !== undefined && channel !== undefined && !stale) {
      result = await clickUntilAnswered(() =>
        fleet.slack.clickButton({ channel, ts: message.ts, actionId: action, user }),
      );
    } else {
      // No message to click on (no notify), or the message has since been updated: the click
      // carries the button as it was, as a Slack client showing the old message sends it.
      const { channel: _, ...posted } = message ?? { channel: '', ts: '' };
      result = await clickUntilAnswered(() =>
        fleet.slack.sendBlockAction({
          url,
          signingSecret: fleet.slack.signingSecret,
          user,
          actionId: action,
          value: approvalId,
          ...(message === undefined ? {} : { message: posted, channel: { id: message.channel } }),
        }),
      );
    }
    const ms = Math.round(performance.now() - startedMs);
    await cloud.settle();
    const replies = fleet.slack.responses(result.responseUrl).map((post) => String(post.body?.text ?? ''));
    const sent: DemoClick = {
      user: approverId,
      action,
      approvalId,
      url,
      timestamp: result.timestamp,
      signature: result.signature,
      status: result.status,
      ms,
      replies,
    };
    clicks.push(sent);
    write(`   POST ${url}`);
    write(`        X-Slack-Request-Timestamp ${result.timestamp}, X-Slack-Signature ${result.signature.slice(0, 19)}…`);
    write(
      `   → HTTP ${result.status} in ${ms} ms; ephemeral reply to @${APPROVER_NAME}: ${replies.map((reply) => `"${reply}"`).join(', ') || '(none)'}`,
    );
    return sent;
  };

  const showPackages = () => {
    for (const item of cloud.sageMaker.registry.packages({
      modelPackageGroupName: fleet.config.models[MODEL]?.modelPackageGroup,
    })) {
      write(
        `   Model Registry: ${packageName(item.modelPackageArn)} is ${item.modelApprovalStatus}${
          item.approvalDescription === undefined ? '' : ` ("${item.approvalDescription}")`
        }`,
      );
    }
  };

  if (
    scenario.name === 'approve' ||
    scenario.name === 'regression' ||
    scenario.name === 'rollback' ||
    scenario.name === 'faults'
  ) {
    step(`@${APPROVER_NAME} (${approverId}) clicks Approve in Slack: a signed block_actions request to the fleet`);
    await send('approve', false);
    flush();
    showPackages();
    const updated = message === undefined ? undefined : fleet.slack.message(message.channel, message.ts);
    if (updated !== undefined && updated.text !== message?.text) {
      write('   Slack, the request after the decision (notify updated it in place):');
      for (const line of renderSlackMessage(updated)) write(`   │ ${line}`);
    }
  }

  if (scenario.name === 'regression') {
    step('The clock moves to the nightly scheduled run, whose package scores below the champion');
    const runsBefore = cloud.executions().length;
    const deadline = cloud.clock.nowMs() + NIGHTLY_LIMIT_MS;
    for (;;) {
      const runs = cloud.executions();
      const next = cloud.clock.nextAt();
      const done = runs.length > runsBefore && runs.every((run) => run.status !== 'Executing');
      if (done || next === undefined || next.getTime() > deadline) break;
      await cloud.tick(Math.max(0, next.getTime() - cloud.clock.nowMs()));
      flush(false);
    }
    showPackages();
  }

  if (scenario.name === 'expired') {
    const approval = fleet.config.models[MODEL]?.approval;
    const timeoutHours = approval?.timeoutHours ?? 24;
    // A package of the nightly run would supersede the pending approval before it expires.
    cloud.sageMaker.setRunPlan(fleet.config.models[MODEL]?.pipeline ?? 'churn-retrain', {
      duration: '20m',
      status: 'Failed',
      failureReason:
        'Step Train failed: this scenario fails the nightly run, so no newer package supersedes the request',
    });
    const expiresMs = Date.parse(String(requested?.expiresAt ?? cloud.now().toISOString()));
    const waitMs = Math.max(0, expiresMs - cloud.clock.nowMs()) + 60_000;
    step(
      `Nobody answers: the clock moves ${Math.round(waitMs / 60_000)} min, past the approval's timeout (${timeoutHours} h, onTimeout ${approval?.onTimeout ?? 'keep-pending'})`,
    );
    await cloud.tick(waitMs);
    flush();
    showPackages();
    step(`@${APPROVER_NAME} clicks Approve on the message afterwards`);
    await send('approve', true);
    flush();
  }

  return {
    scenario: scenario.name,
    ...(approvalId === undefined ? {} : { approvalId }),
    ...(message === undefined || channel === undefined
      ? {}
      : { slackMessage: { channel, ts: message.ts, lines: renderSlackMessage(message) } }),
    clicks,
    decisions: ofType(fleet, 'Approval Decided').map((detail) => ({
      approvalId: String(detail.approvalId),
      modelPackageArn: String(detail.modelPackageArn),
      decision: String(detail.decision),
      decidedBy: String(detail.decidedBy),
      ...(detail.decidedByName === undefined ? {} : { decidedByName: String(detail.decidedByName) }),
      ...(detail.reason === undefined ? {} : { reason: String(detail.reason) }),
    })),
    packages: cloud.sageMaker.registry.packages().map((item) => ({
      modelPackageArn: item.modelPackageArn,
      status: item.modelApprovalStatus,
      ...(item.approvalDescription === undefined ? {} : { approvalDescription: item.approvalDescription }),
      ...(item.generatedBy === undefined ? {} : { generatedBy: item.generatedBy }),
    })),
  };
};

/**
 * The checks of the approval steps, each of which fails when its step did not happen: the first
 * run's package registered and an approval requested under the landing's correlation id, the
 * approvers asked in Slack (when notify runs), then as the scenario says.
 */
export const approvalChecks = (
  fleet: FleetCloud,
  approval: DemoApproval,
  context: { runArn?: string; correlationId?: string },
): DemoCheck[] => {
  const first = approval.packages.find((item) => item.generatedBy !== undefined && item.generatedBy === context.runArn);
  const requested = ofType(fleet, 'Approval Requested');
  const request = requested.find((detail) => detail.modelPackageArn === first?.modelPackageArn);
  const decided = (arn: string | undefined) => approval.decisions.filter((d) => d.modelPackageArn === arn);
  const approverId = fleet.config.models[MODEL]?.approvers[0];
  const notifyRuns = fleet.cloud.functions.some((fn) => fn.service.endsWith('notify'));
  const checks: DemoCheck[] = [
    {
      name: 'package registered',
      ok: first !== undefined,
      detail:
        first === undefined
          ? `the run registered no model package (packages: ${approval.packages.map((item) => packageName(item.modelPackageArn)).join(', ') || 'none'})`
          : `${packageName(first.modelPackageArn)} from the run, ${first.status} now`,
    },
    {
      name: 'approval requested',
      ok: request !== undefined && request.correlationId === context.correlationId,
      detail:
        request === undefined
          ? 'no Approval Requested for the package'
          : `approval ${String(request.approvalId)} under correlation id ${String(request.correlationId)}${
              request.correlationId === context.correlationId
                ? ", the landing's"
                : `, not the landing's ${context.correlationId}`
            }`,
    },
  ];
  if (notifyRuns) {
    checks.push({
      name: 'approvers asked in Slack',
      ok: approval.slackMessage !== undefined,
      detail:
        approval.slackMessage === undefined
          ? 'notify posted no message with an Approve button for the approval'
          : `message ${approval.slackMessage.ts} in ${approval.slackMessage.channel} with Approve and Reject`,
    });
  }
  const [click] = approval.clicks;
  if (
    approval.scenario === 'approve' ||
    approval.scenario === 'regression' ||
    approval.scenario === 'rollback' ||
    approval.scenario === 'faults'
  ) {
    const decisions = decided(first?.modelPackageArn);
    checks.push(
      {
        name: 'Approve clicked in Slack',
        ok: click?.status === 200 && click.replies.join() === `You approved ${MODEL}.`,
        detail:
          click === undefined
            ? 'no click was sent'
            : `HTTP ${click.status}, replied ${click.replies.map((reply) => `"${reply}"`).join(', ') || 'nothing'}`,
      },
      {
        name: 'approval decided',
        ok: decisions.length === 1 && decisions[0].decision === 'approved' && decisions[0].decidedBy === approverId,
        detail: `${decisions.map((d) => `${d.decision} by ${d.decidedBy}`).join(', ') || 'no Approval Decided'} for the package`,
      },
      {
        name: 'package approved',
        ok: first?.status === 'Approved' && (first.approvalDescription ?? '').startsWith('Approved by '),
        detail: `${first?.status ?? 'no package'}: ${first?.approvalDescription ?? 'no description'}`,
      },
    );
  }
  if (approval.scenario === 'regression') {
    const second = approval.packages.find((item) => item !== first && item.generatedBy !== undefined);
    const decisions = decided(second?.modelPackageArn);
    const asked = requested.some((detail) => detail.modelPackageArn === second?.modelPackageArn);
    checks.push({
      name: 'challenger rejected by the quality gate',
      ok:
        second?.status === 'Rejected' &&
        !asked &&
        decisions.length === 1 &&
        decisions[0].decision === 'rejected' &&
        decisions[0].decidedBy === 'fleet:quality-gate',
      detail:
        second === undefined
          ? 'the nightly run registered no package'
          : `${packageName(second.modelPackageArn)} ${second.status}${asked ? ' after asking the approvers' : ''}: ${
              second.approvalDescription ?? 'no description'
            }`,
    });
  }
  if (approval.scenario === 'expired') {
    const decisions = decided(first?.modelPackageArn);
    const keep = (fleet.config.models[MODEL]?.approval?.onTimeout ?? 'keep-pending') === 'keep-pending';
    checks.push(
      {
        name: 'approval expired',
        ok: decisions.length === 1 && decisions[0].decision === 'expired' && decisions[0].decidedBy === 'fleet:timeout',
        detail: `${decisions.map((d) => `${d.decision} by ${d.decidedBy}`).join(', ') || 'no Approval Decided'} for the package`,
      },
      {
        name: keep ? 'package left pending' : 'package rejected on timeout',
        ok: first?.status === (keep ? 'PendingManualApproval' : 'Rejected'),
        detail: `${first?.status ?? 'no package'}`,
      },
      {
        name: 'late click changes nothing',
        ok: click?.status === 200 && /expired/.test(click.replies.join()) && decisions.length === 1,
        detail:
          click === undefined
            ? 'no click was sent'
            : `HTTP ${click.status}, replied ${click.replies.map((reply) => `"${reply}"`).join(', ') || 'nothing'}`,
      },
    );
  }
  return checks;
};
