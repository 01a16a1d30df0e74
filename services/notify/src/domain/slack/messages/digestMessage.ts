import type { SeverityValue } from '@fleet/shared';
import { context, fallback, header, SEVERITY_EMOJI, section } from '../blocks.js';
import type { SlackMessage } from '../SlackMessage.js';
import { SLACK_LIMITS } from '../slackLimits.js';
import { escapeMrkdwn, formatTime } from '../text.js';

/** One event gathered into a channel's digest: what it was, in one line. */
export type DigestItem = { detailType: string; severity: SeverityValue; line: string; at: string; eventKey: string };

/** Lines per section: short enough that a section stays under its 3,000 characters. */
const LINES_PER_SECTION = 10;
/** Sections the digest lists before it counts the rest (with the header and context, under 50 blocks). */
const MAX_SECTIONS = 40;

/**
 * One message for everything a channel gathered during its digest window: counts by kind, then
 * one line per event (grouped in sections under Slack's limits), the rest counted.
 */
export const digestMessage = (
  items: readonly DigestItem[],
  omitted: number,
  window: { from: string; to: string },
): SlackMessage => {
  const total = items.length + omitted;
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.detailType, (counts.get(item.detailType) ?? 0) + 1);
  const summary = [...counts].map(([type, n]) => `${n} × ${type}`).join(', ');
  const worst = items.reduce<SeverityValue>(
    (w, item) =>
      ['info', 'warning', 'error', 'critical'].indexOf(item.severity) >
      ['info', 'warning', 'error', 'critical'].indexOf(w)
        ? item.severity
        : w,
    'info',
  );
  const lines = items.map((item) => `• ${escapeMrkdwn(item.line)}`);
  const sections = [];
  for (let i = 0; i < lines.length && sections.length < MAX_SECTIONS; i += LINES_PER_SECTION) {
    sections.push(
      section(
        lines
          .slice(i, i + LINES_PER_SECTION)
          .map((l) => l.slice(0, 280))
          .join('\n'),
      ),
    );
  }
  const unlisted = total - Math.min(items.length, MAX_SECTIONS * LINES_PER_SECTION);
  return {
    text: fallback(
      `${total} notification${total === 1 ? '' : 's'}: ${summary}${omitted > 0 ? `, and ${omitted} more` : ''}`,
    ),
    blocks: [
      header(
        `${SEVERITY_EMOJI[worst]} ${total} notification${total === 1 ? '' : 's'} in ${formatTime(window.from)} – ${formatTime(window.to)}`.slice(
          0,
          SLACK_LIMITS.headerText,
        ),
      ),
      section(`*${escapeMrkdwn(summary || 'nothing listed')}*`),
      ...sections,
      ...(unlisted > 0 ? [context([`…and ${unlisted} more not listed`])] : []),
    ],
  };
};
