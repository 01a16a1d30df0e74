import type { LoadedFleetConfig } from '@fleet/shared';
import { FleetMetric, reportHandledFailure } from '@fleet/shared';
import type { ApprovalPorts } from './ApprovalPorts.js';
import { type DecideOptions, type DecideOutcome, decideOnce } from './decideOnce.js';
import { settingsOf } from './modelSettings.js';
import { replyText } from './replyText.js';

/** One button click, as read from Slack's `block_actions` payload. */
export type SlackClick = {
  approvalId: string;
  action: 'approve' | 'reject';
  userId: string;
  userName?: string;
  responseUrl?: string;
  correlationId: string;
};

/** What a click came to, and what the clicker was told. */
export type ClickOutcome = (DecideOutcome | { status: 'not-approver' }) & { reply: string };

/**
 * Handles one verified Slack click: the clicker must be an approver of the approval's model,
 * then the decision is taken once (`decideOnce`), and the clicker is answered privately through
 * `response_url`.
 *
 * A reply that cannot be delivered is logged and counted, never an error: the decision is made
 * and recorded either way, and Slack only needs the HTTP 200.
 */
export const slackClick = async (
  click: SlackClick,
  config: Pick<LoadedFleetConfig, 'models'>,
  ports: Pick<ApprovalPorts, 'store' | 'workflow' | 'replies' | 'clock' | 'logger' | 'metrics'>,
  options: DecideOptions,
): Promise<ClickOutcome> => {
  const request = await ports.store.getRequest(click.approvalId);
  let outcome: DecideOutcome | { status: 'not-approver' };
  let model = 'this model';
  if (request === undefined) {
    outcome = { status: 'unknown' };
  } else {
    model = request.model;
    const approvers = settingsOf(config, request.model).approvers;
    if (!approvers.includes(click.userId)) {
      ports.metrics.addMetric(FleetMetric.ApprovalsUnauthorized, 'Count', 1);
      ports.logger.warn('a Slack user who is not an approver clicked; nothing decided', {
        correlationId: request.correlationId,
        approvalId: click.approvalId,
        userId: click.userId,
        model: request.model,
      });
      outcome = { status: 'not-approver' };
    } else {
      outcome = await decideOnce(
        request,
        {
          decision: click.action === 'approve' ? 'approved' : 'rejected',
          decidedBy: click.userId,
          ...(click.userName === undefined ? {} : { decidedByName: click.userName }),
          decidedAt: ports.clock.now().toISOString(),
          reason: `${click.action === 'approve' ? 'approved' : 'rejected'} in Slack`,
        },
        ports,
        options,
      );
      if (outcome.status === 'already') ports.metrics.addMetric(FleetMetric.ApprovalsAlreadyDecided, 'Count', 1);
    }
  }
  const reply = replyText(outcome, model);
  if (click.responseUrl !== undefined) {
    try {
      await ports.replies.ephemeral(click.responseUrl, reply);
    } catch (error) {
      ports.metrics.addMetric(FleetMetric.SlackRepliesFailed, 'Count', 1);
      reportHandledFailure(ports, {
        step: 'SlackReplyFailed',
        message: 'could not answer the clicker through response_url',
        correlationId: request?.correlationId ?? click.correlationId,
        error,
        level: 'warn',
        details: { approvalId: click.approvalId, status: outcome.status },
      });
    }
  }
  return { ...outcome, reply };
};
