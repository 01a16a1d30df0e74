import type { SeverityValue } from '@fleet/shared';
import type { ActionsBlock, ButtonElement, ContextBlock, HeaderBlock, SectionBlock } from './SlackMessage.js';
import { SLACK_LIMITS } from './slackLimits.js';
import { escapeMrkdwn, mrkdwn, plain, truncate } from './text.js';

/** The emoji code a message's header starts with, by severity. */
export const SEVERITY_EMOJI: Record<SeverityValue, string> = {
  info: ':information_source:',
  warning: ':warning:',
  error: ':x:',
  critical: ':rotating_light:',
};

/** A header block (plain text, at most 150 characters). */
export const header = (text: string): HeaderBlock => ({
  type: 'header',
  text: { ...plain(text, SLACK_LIMITS.headerText), emoji: true },
});

/** A section of mrkdwn text (at most 3,000 characters); the caller escapes values. */
export const section = (text: string): SectionBlock => ({
  type: 'section',
  text: mrkdwn(text, SLACK_LIMITS.sectionText),
});

/**
 * A section of label/value fields: at most 10 (the rest dropped), each at most 2,000
 * characters, values escaped.
 */
export const fields = (pairs: readonly (readonly [string, string])[]): SectionBlock => ({
  type: 'section',
  fields: pairs
    .slice(0, SLACK_LIMITS.fields)
    .map(([label, value]) => mrkdwn(`*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value || '-')}`, SLACK_LIMITS.fieldText)),
});

/** A context block of small grey lines (at most 10). */
export const context = (lines: readonly string[]): ContextBlock => ({
  type: 'context',
  elements: lines.slice(0, SLACK_LIMITS.contextElements).map((line) => mrkdwn(line, SLACK_LIMITS.contextText)),
});

/** A link button (no action: Slack opens the URL). */
export const linkButton = (text: string, url: string, actionId: string): ButtonElement => ({
  type: 'button',
  text: plain(text, SLACK_LIMITS.buttonText),
  url: truncate(url, SLACK_LIMITS.buttonUrl),
  action_id: actionId,
});

/** An actions block with the given buttons (at most 25). */
export const actions = (blockId: string, elements: ButtonElement[]): ActionsBlock => ({
  type: 'actions',
  block_id: truncate(blockId, SLACK_LIMITS.blockId),
  elements: elements.slice(0, SLACK_LIMITS.actionsElements),
});

/** The fallback text of a message: one line, at most 3,000 characters. */
export const fallback = (text: string): string => truncate(text.replace(/\s+/g, ' ').trim(), 3000);
