import type { ApprovalDecided } from '@fleet/shared';
import { context, fallback, fields, header, section } from '../blocks.js';
import type { SlackMessage } from '../SlackMessage.js';
import { escapeMrkdwn, formatTime } from '../text.js';
import { metricComparison, versionOf } from './approvalRequestedMessage.js';

const VERB = {
  approved: 'Approved',
  rejected: 'Rejected',
  expired: 'Expired',
  superseded: 'Superseded',
} as const;

const EMOJI = {
  approved: ':white_check_mark:',
  rejected: ':no_entry:',
  expired: ':hourglass:',
  superseded: ':fast_forward:',
} as const;

/** Who decided, for people: a Slack user id becomes a mention, the fleet's own deciders stay words. */
export const decidedByText = (decidedBy: string, decidedByName?: string): string => {
  const who = /^[UW][A-Z0-9]{2,}$/.test(decidedBy) ? `<@${decidedBy}>` : `\`${escapeMrkdwn(decidedBy)}\``;
  return decidedByName === undefined ? who : `${who} (${escapeMrkdwn(decidedByName)})`;
};

const decisionLine = (detail: ApprovalDecided): string =>
  `${EMOJI[detail.decision]} *${VERB[detail.decision]}* by ${decidedByText(detail.decidedBy, detail.decidedByName)} at ${formatTime(detail.decidedAt)}`;

/**
 * The approval message once decided: the same facts, the buttons gone, who decided and when.
 * Sent with `chat.update` over the request's message.
 */
export const approvalDecidedUpdate = (detail: ApprovalDecided): SlackMessage => {
  const version = versionOf(detail);
  return {
    text: fallback(`${VERB[detail.decision]}: ${detail.model} version ${version} by ${detail.decidedBy}`),
    blocks: [
      header(`${VERB[detail.decision]}: ${detail.model} v${version}`),
      fields([
        ['Model', detail.model],
        ['Package version', version],
        ['Decided', formatTime(detail.decidedAt)],
        ['Package', detail.modelPackageArn],
      ]),
      section(metricComparison(detail.metrics, detail.championMetrics)),
      section(`${decisionLine(detail)}\n>${escapeMrkdwn(detail.reason)}`),
      context([
        `approval \`${escapeMrkdwn(detail.approvalId)}\` · correlation \`${escapeMrkdwn(detail.correlationId)}\``,
      ]),
    ],
  };
};

/** The reply in the approval's thread: the decision in one line and why. */
export const approvalDecidedReply = (detail: ApprovalDecided): SlackMessage => ({
  text: fallback(`${VERB[detail.decision]} by ${detail.decidedBy}: ${detail.reason}`),
  blocks: [section(`${decisionLine(detail)}\n>${escapeMrkdwn(detail.reason)}`)],
});

/**
 * The decision posted at the top level when no request was ever posted (a quality-gate
 * rejection never asked anyone): the facts and the decision in one message.
 */
export const approvalDecidedTopLevel = (detail: ApprovalDecided): SlackMessage => {
  const version = versionOf(detail);
  return {
    text: fallback(`${VERB[detail.decision]} without review: ${detail.model} version ${version}: ${detail.reason}`),
    blocks: [
      header(`${VERB[detail.decision]}: ${detail.model} v${version}`),
      section(`${decisionLine(detail)}\n>${escapeMrkdwn(detail.reason)}`),
      section(metricComparison(detail.metrics, detail.championMetrics)),
      context([
        `approval \`${escapeMrkdwn(detail.approvalId)}\` · correlation \`${escapeMrkdwn(detail.correlationId)}\``,
      ]),
    ],
  };
};
