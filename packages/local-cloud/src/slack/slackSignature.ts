import { createHmac } from 'node:crypto';

/**
 * Slack's request signature: `v0=` and the hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` keyed
 * with the app's signing secret, as Slack sends it in `X-Slack-Signature`.
 *
 * See https://api.slack.com/authentication/verifying-requests-from-slack. The body is signed
 * exactly as sent (for an interaction, the form-encoded `payload=<json>`), so a signed body must
 * not be re-encoded afterwards.
 *
 * @example
 * slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, 'token=xyzz0WbapA4vBCDEFasx0q6G&...')
 */
export const slackSignature = (signingSecret: string, timestamp: number | string, rawBody: string): string =>
  `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
