import { type FleetDetail, type FleetDetailType, FleetMetric, type SeverityValue } from '@fleet/shared';
import { ceilToSecond, digestScheduleName } from '../domain/digestScheduleName.js';
import { routeEvent, type SlackTarget } from '../domain/routing/routeEvent.js';
import { atLeast } from '../domain/routing/severityOf.js';
import { approvalDecidedReply, approvalDecidedUpdate } from '../domain/slack/messages/approvalDecidedMessages.js';
import { slackMessageFor } from '../domain/slack/messages/slackMessageFor.js';
import type { DeliveryOutcome } from './deliverOnce.js';
import { deliverToEach } from './deliverToEach.js';
import type { DeliveryKey, InvocationOptions, SlackPorts } from './ports.js';
import { reportUrlFor } from './reportUrlFor.js';
import { sendWithRetries } from './sendWithRetries.js';

/** One fleet event as the Slack function receives it. */
export type NotifyEvent<T extends FleetDetailType = FleetDetailType> = {
  detailType: T;
  detail: FleetDetail<T>;
  time: string;
};

/**
 * Events posted alone whatever their severity: interactive or threaded (approvals), carrying a
 * report link (drift), or one-off news of a model (deployments, a failed retraining). What is
 * left to gather is what comes in bursts: dataset outcomes and the retraining chatter a rule
 * may route to Slack.
 */
const POSTED_ALONE: ReadonlySet<FleetDetailType> = new Set([
  'Approval Requested',
  'Approval Decided',
  'Drift Detected',
  'Drift Cleared',
  'Model Deployed',
  'Deployment Failed',
  'Retraining Failed',
]);

/** True when an event waits for its channel's digest: below `error` and of a kind that comes in bursts. */
export const isDigested = (detailType: FleetDetailType, severity: SeverityValue): boolean =>
  !POSTED_ALONE.has(detailType) && !atLeast(severity, 'error');

const slackSend = async (
  event: NotifyEvent,
  target: SlackTarget,
  severity: SeverityValue,
  ports: SlackPorts,
  options: InvocationOptions & { retried: boolean; key: DeliveryKey },
) => {
  const { detailType, detail } = event;
  const retry = <T>(call: () => Promise<T>) => sendWithRetries(call, ports, { remainingMs: options.remainingMs });
  if (detailType === 'Approval Decided') {
    const decided = detail as FleetDetail<'Approval Decided'>;
    const request = await ports.store.approvalMessage(decided.approvalId, target.channel);
    if (request !== undefined) {
      await retry(() =>
        ports.slack.updateMessage({
          channel: request.channel,
          ts: request.ts,
          message: approvalDecidedUpdate(decided),
        }),
      );
      const reply = await retry(() =>
        ports.slack.postMessage({
          channel: request.channel,
          threadTs: request.ts,
          message: approvalDecidedReply(decided),
        }),
      );
      return { channel: reply.channel, ts: reply.ts, threadTs: request.ts, updated: request.ts };
    }
  }
  const reportKey = (detail as { reportKey?: string }).reportKey;
  const reportUrl = detailType.startsWith('Drift')
    ? await reportUrlFor(reportKey, detail.correlationId, ports)
    : undefined;
  const message = slackMessageFor(detailType, detail, severity, { stage: ports.stage, reportUrl });
  if (isDigested(detailType, severity)) {
    const now = ports.clock.now();
    const item = { detailType, severity, line: message.text.slice(0, 280), at: event.time, eventKey: detail.eventKey };
    const added = await ports.digests.add({
      channel: target.channel,
      item,
      windowId: detail.eventKey,
      now,
      correlationId: detail.correlationId,
    });
    // The window's opener arms its schedule; so does a retry, in case the attempt that opened the
    // window failed before arming it. Both arm the same time, so arming twice changes nothing.
    if (added.opened || options.retried) {
      const due = Math.max(Date.parse(added.openedAt) + target.digestSeconds * 1000, now.getTime() + 1000);
      await ports.scheduler.arm({
        name: digestScheduleName(target.channel),
        at: ceilToSecond(due),
        payload: { kind: 'digest', channel: target.channel, windowId: added.windowId },
      });
    }
    ports.metrics.addMetric(FleetMetric.NotificationsDigested, 'Count', 1);
    return { channel: target.channel, digest: added.windowId };
  }
  // Posted, then remembered on the delivery record before anything else, so a retry after a later
  // step failed (the approval pointer, the record's completion) does not post the message twice.
  const earlier = options.retried
    ? ((await ports.store.read(options.key))?.posted as { channel: string; ts: string } | undefined)
    : undefined;
  const posted = earlier ?? (await retry(() => ports.slack.postMessage({ channel: target.channel, message })));
  if (earlier === undefined) await ports.store.annotate(options.key, options.owner, { posted });
  if (detailType === 'Approval Requested') {
    const requested = detail as FleetDetail<'Approval Requested'>;
    await ports.store.putApprovalMessage({
      approvalId: requested.approvalId,
      channel: target.channel,
      ts: posted.ts,
      correlationId: requested.correlationId,
      at: ports.clock.now().toISOString(),
    });
  }
  return { channel: posted.channel, ts: posted.ts };
};

/**
 * Posts an event to every Slack channel its routing names, once per event key and channel.
 *
 * Approval requests are posted with their buttons and remembered by approval id; a decision
 * updates that message (buttons gone, who and when) and replies in its thread, or is posted at
 * the top level when no request was posted. Events that come in bursts (dataset outcomes) below
 * `error` are gathered into the channel's digest, posted when its window closes; the rest are
 * posted at once (see {@link isDigested}).
 *
 * @throws DeliveriesFailedError when a channel could not be served (the others stay delivered)
 */
export const notifySlack = async (
  event: NotifyEvent,
  ports: SlackPorts,
  options: InvocationOptions,
): Promise<DeliveryOutcome[]> => {
  const decision = routeEvent(ports.config, event.detailType, event.detail);
  const destinations = decision.slack.map((target) => ({
    destination: `slack:${target.channel}`,
    model: target.model,
    send: ({ retried, key }: { retried: boolean; key: DeliveryKey }) =>
      slackSend(event, target, decision.severity, ports, { ...options, retried, key }),
  }));
  return deliverToEach(event, destinations, ports, options);
};
