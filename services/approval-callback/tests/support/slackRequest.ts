import { slackSignature } from '../../src/domain/slackSignature.js';

/** The signing secret the tests' SSM parameter holds. */
export const testSigningSecret = 'test-signing-secret-0123456789abcdef';

/** A block_actions form body for one button click. */
export const clickBody = (input: {
  approvalId: string;
  userId: string;
  action?: 'approve' | 'reject';
  responseUrl?: string;
}): string =>
  `payload=${encodeURIComponent(
    JSON.stringify({
      type: 'block_actions',
      user: { id: input.userId, username: input.userId.toLowerCase(), team_id: 'T0FLEET' },
      actions: [{ action_id: input.action ?? 'approve', value: input.approvalId, type: 'button' }],
      response_url: input.responseUrl ?? 'https://hooks.slack.test/actions/T0FLEET/1/abc',
    }),
  )}`;

/**
 * An HTTP API (payload 2.0) request as API Gateway delivers Slack's POST: signed with `secret` at
 * `timestamp` unless headers are given, base64-encoded when asked.
 */
export const slackRequest = (
  body: string,
  options: { timestamp: number; secret?: string; base64?: boolean; headers?: Record<string, string> },
) => {
  const timestamp = String(options.timestamp);
  const headers = options.headers ?? {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': slackSignature(options.secret ?? testSigningSecret, timestamp, body),
  };
  return {
    version: '2.0',
    routeKey: 'POST /slack/interactions',
    rawPath: '/slack/interactions',
    rawQueryString: '',
    headers,
    requestContext: { requestId: `api-${timestamp}`, http: { method: 'POST', path: '/slack/interactions' } },
    body: options.base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
    isBase64Encoded: options.base64 ?? false,
  };
};
