import type { Mrkdwn, PlainText } from './SlackMessage.js';

/**
 * Cuts text to at most `limit` characters, ending with an ellipsis when it was cut.
 *
 * @example
 * truncate('abcdef', 4) // 'abc…'
 */
export const truncate = (text: string, limit: number): string =>
  text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - 1))}…`;

/**
 * Escapes the three characters Slack's mrkdwn gives meaning to (`&`, `<`, `>`), so a dataset
 * key or an error message cannot turn into a link or a mention.
 */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A plain_text object cut to `limit` characters. */
export const plain = (text: string, limit: number): PlainText => ({ type: 'plain_text', text: truncate(text, limit) });

/** A mrkdwn object cut to `limit` characters (escape values before building the text). */
export const mrkdwn = (text: string, limit: number): Mrkdwn => ({ type: 'mrkdwn', text: truncate(text, limit) });

/** Formats a metric value for people: at most four decimals. */
export const formatNumber = (value: number): string =>
  Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));

/** `2026-03-02 12:00 UTC` from an ISO time. */
export const formatTime = (iso: string): string => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

/** A Slack link in mrkdwn: `<url|label>`, the label escaped. */
export const link = (url: string, label: string): string => `<${url}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
