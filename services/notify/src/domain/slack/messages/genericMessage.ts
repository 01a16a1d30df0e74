import type { SeverityValue } from '@fleet/shared';
import { context, fallback, fields, header, SEVERITY_EMOJI } from '../blocks.js';
import type { SlackMessage } from '../SlackMessage.js';
import { escapeMrkdwn } from '../text.js';

/** Detail fields a generic message lists, when present, in this order. */
const SHOWN = ['model', 'pipeline', 'dataset', 'key', 'reason', 'skipReason', 'executionArn'] as const;

/**
 * A message for an event without a dedicated builder (one a routing rule sends to Slack, such
 * as `Retraining Skipped`): its detail-type and its main string fields.
 */
export const genericMessage = (
  detailType: string,
  detail: Record<string, unknown>,
  severity: SeverityValue,
): SlackMessage => {
  const pairs = SHOWN.filter((field) => typeof detail[field] === 'string').map(
    (field) => [field, String(detail[field])] as const,
  );
  const subject = String(detail.model ?? detail.pipeline ?? detail.dataset ?? '');
  return {
    text: fallback(
      `${detailType}${subject ? `: ${subject}` : ''}${typeof detail.reason === 'string' ? ` (${detail.reason})` : ''}`,
    ),
    blocks: [
      header(`${SEVERITY_EMOJI[severity]} ${detailType}${subject ? `: ${subject}` : ''}`),
      ...(pairs.length > 0 ? [fields(pairs)] : []),
      context([`correlation \`${escapeMrkdwn(String(detail.correlationId ?? ''))}\``]),
    ],
  };
};
