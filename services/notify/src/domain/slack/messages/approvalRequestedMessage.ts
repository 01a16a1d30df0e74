import type { ApprovalRequested } from '@fleet/shared';
import { actions, context, fallback, fields, header, section } from '../blocks.js';
import { packageVersionOf } from '../packageVersionOf.js';
import type { ButtonElement, ConfirmDialog, SlackMessage } from '../SlackMessage.js';
import { SLACK_LIMITS } from '../slackLimits.js';
import { escapeMrkdwn, formatNumber, formatTime, plain, truncate } from '../text.js';

/** The `action_id`s of the approval buttons, which the approval callback dispatches on. */
export const APPROVAL_ACTIONS = { approve: 'approve', reject: 'reject' } as const;

/** The `block_id` of the approval buttons: the approval id, so a click names what it decides. */
export const approvalBlockId = (approvalId: string): string => truncate(`approval:${approvalId}`, SLACK_LIMITS.blockId);

/** How many metrics the comparison lists; the rest are counted. */
const MAX_METRICS = 20;

/** The package version: the detail's own when the producer sends it, else from the ARN. */
export const versionOf = (detail: { modelPackageArn: string; modelPackageVersion?: unknown }): string =>
  typeof detail.modelPackageVersion === 'number' || typeof detail.modelPackageVersion === 'string'
    ? String(detail.modelPackageVersion)
    : packageVersionOf(detail.modelPackageArn);

/** The challenger's metrics against the champion's, one line each, as mrkdwn. */
export const metricComparison = (metrics: Record<string, number>, champion: Record<string, number> | null): string => {
  const names = Object.keys(metrics).sort();
  const lines = names.slice(0, MAX_METRICS).map((name) => {
    const value = metrics[name];
    const old = champion?.[name];
    if (old === undefined) return `• \`${escapeMrkdwn(name)}\` ${formatNumber(value)} (no champion value)`;
    const delta = value - old;
    const sign = delta > 0 ? '+' : '';
    return `• \`${escapeMrkdwn(name)}\` ${formatNumber(value)} vs ${formatNumber(old)} (${sign}${formatNumber(delta)})`;
  });
  if (names.length > MAX_METRICS) lines.push(`…and ${names.length - MAX_METRICS} more`);
  if (lines.length === 0) lines.push('no metrics reported');
  return `*Challenger vs champion*${champion === null ? ' (no champion yet)' : ''}\n${lines.join('\n')}`;
};

const confirm = (title: string, text: string, button: string, style: 'primary' | 'danger'): ConfirmDialog => ({
  title: plain(title, SLACK_LIMITS.confirmTitle),
  text: plain(text, SLACK_LIMITS.confirmText),
  confirm: plain(button, SLACK_LIMITS.confirmButton),
  deny: plain('Cancel', SLACK_LIMITS.confirmButton),
  style,
});

/** The Approve (primary) and Reject (danger) buttons, each valued with the approval id and confirmed first. */
export const approvalButtons = (detail: ApprovalRequested, version: string): ButtonElement[] => [
  {
    type: 'button',
    text: plain('Approve', SLACK_LIMITS.buttonText),
    action_id: APPROVAL_ACTIONS.approve,
    value: truncate(detail.approvalId, SLACK_LIMITS.buttonValue),
    style: 'primary',
    confirm: confirm(
      'Approve and deploy?',
      `Approve ${detail.model} version ${version}: it will be deployed to its endpoint with canary traffic shifting.`,
      'Approve',
      'primary',
    ),
  },
  {
    type: 'button',
    text: plain('Reject', SLACK_LIMITS.buttonText),
    action_id: APPROVAL_ACTIONS.reject,
    value: truncate(detail.approvalId, SLACK_LIMITS.buttonValue),
    style: 'danger',
    confirm: confirm(
      'Reject this model?',
      `Reject ${detail.model} version ${version}: it will not be deployed.`,
      'Reject',
      'danger',
    ),
  },
];

/**
 * The approval request: model, package version, challenger against champion metrics, expiry,
 * and the Approve and Reject buttons.
 */
export const approvalRequestedMessage = (detail: ApprovalRequested): SlackMessage => {
  const version = versionOf(detail);
  return {
    text: fallback(`Approval needed: ${detail.model} version ${version}, expires ${formatTime(detail.expiresAt)}`),
    blocks: [
      header(`Approval needed: ${detail.model} v${version}`),
      fields([
        ['Model', detail.model],
        ['Package version', version],
        ['Expires', formatTime(detail.expiresAt)],
        ['Package', detail.modelPackageArn],
      ]),
      section(metricComparison(detail.metrics, detail.championMetrics)),
      actions(approvalBlockId(detail.approvalId), approvalButtons(detail, version)),
      context([
        `approval \`${escapeMrkdwn(detail.approvalId)}\` · correlation \`${escapeMrkdwn(detail.correlationId)}\``,
      ]),
    ],
  };
};
