import { createHmac, timingSafeEqual } from 'node:crypto';
import { SlackSignatureError } from './errors.js';

/** How far a request's timestamp may be from now, in either direction (Slack's advice: five minutes). */
export const SLACK_TIMESTAMP_TOLERANCE_SECONDS = 300;

const SIGNATURE_PATTERN = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP_PATTERN = /^\d{1,12}$/;

/**
 * Computes Slack's request signature: `v0=` and the hex HMAC-SHA256 of `v0:<timestamp>:<body>`
 * under the app's signing secret.
 *
 * @see https://api.slack.com/authentication/verifying-requests-from-slack
 * @example
 * slackSignature('8f742231b10e8888abcd99yyyzzz85a5', '1531420618', 'token=xyzz0WbapA4vBCDEFasx0q6G&...')
 */
export const slackSignature = (secret: string, timestamp: string, rawBody: string): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;

/** What a signature check needs: the raw body exactly as sent, lower-cased headers and the time. */
export type SignedRequest = {
  rawBody: string;
  headers: Readonly<Record<string, string | undefined>>;
  now: Date;
};

/**
 * Checks what a Slack request says about itself before any secret is read: both headers present
 * and well formed, and the timestamp within 300 s of `now` in either direction (so a replayed
 * request is refused even with a valid signature).
 *
 * @throws SlackSignatureError naming why (missing or malformed header, stale or future timestamp)
 */
export const checkSlackHeaders = (request: SignedRequest): { timestamp: string; signature: string } => {
  const timestamp = request.headers['x-slack-request-timestamp'];
  const signature = request.headers['x-slack-signature'];
  if (timestamp === undefined || timestamp === '') throw new SlackSignatureError('missing-timestamp');
  if (signature === undefined || signature === '') throw new SlackSignatureError('missing-signature');
  if (!TIMESTAMP_PATTERN.test(timestamp)) throw new SlackSignatureError('malformed-timestamp');
  if (!SIGNATURE_PATTERN.test(signature)) throw new SlackSignatureError('malformed-signature');
  const skew = Math.floor(request.now.getTime() / 1000) - Number(timestamp);
  if (skew > SLACK_TIMESTAMP_TOLERANCE_SECONDS) throw new SlackSignatureError('stale-timestamp');
  if (skew < -SLACK_TIMESTAMP_TOLERANCE_SECONDS) throw new SlackSignatureError('future-timestamp');
  return { timestamp, signature };
};

/**
 * Verifies that a request comes from Slack: {@link checkSlackHeaders}, then the signature over
 * the raw body compared in constant time (the comparison never stops at the first differing byte).
 *
 * @throws SlackSignatureError naming why (missing or malformed header, stale or future timestamp, mismatch)
 */
export const verifySlackSignature = (secret: string, request: SignedRequest): void => {
  const { timestamp, signature } = checkSlackHeaders(request);
  const expected = Buffer.from(slackSignature(secret, timestamp, request.rawBody), 'utf8');
  const actual = Buffer.from(signature, 'utf8');
  // Equal lengths are guaranteed by the pattern; timingSafeEqual throws otherwise.
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new SlackSignatureError('signature-mismatch');
  }
};
