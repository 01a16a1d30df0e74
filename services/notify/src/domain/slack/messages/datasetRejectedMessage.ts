import type { DatasetRejected } from '@fleet/shared';
import { context, fallback, fields, header, SEVERITY_EMOJI, section } from '../blocks.js';
import type { SlackMessage } from '../SlackMessage.js';
import { escapeMrkdwn } from '../text.js';

/** How many of the event's issues the message lists. */
const MAX_ISSUES = 10;

/** A rejected dataset: where it landed, against which contract, the issue counts and the first issues. */
export const datasetRejectedMessage = (detail: DatasetRejected): SlackMessage => {
  const counts = Object.entries(detail.issueCounts)
    .sort(([, a], [, b]) => b - a)
    .map(([code, n]) => `${code}: ${n}`)
    .join(', ');
  const issues = detail.issues.slice(0, MAX_ISSUES).map((issue) => {
    const where = [issue.line && `line ${issue.line}`, issue.column && `column ${issue.column}`]
      .filter(Boolean)
      .join(', ');
    return `• \`${escapeMrkdwn(issue.code)}\`${where ? ` (${escapeMrkdwn(where)})` : ''} ${escapeMrkdwn(issue.message)}`;
  });
  return {
    text: fallback(
      `Dataset rejected: s3://${detail.bucket}/${detail.key} broke contract ${detail.contract} (${counts})`,
    ),
    blocks: [
      header(`${SEVERITY_EMOJI.warning} Dataset rejected: ${detail.dataset}`),
      fields([
        ['Object', `s3://${detail.bucket}/${detail.key}`],
        ['Contract', detail.contract],
        ['Rows', String(detail.rows)],
        ['Issues', counts || 'none counted'],
      ]),
      ...(issues.length > 0 ? [section(`*First issues*\n${issues.join('\n')}`)] : []),
      context([`record \`${escapeMrkdwn(detail.recordKey)}\` · correlation \`${escapeMrkdwn(detail.correlationId)}\``]),
    ],
  };
};
