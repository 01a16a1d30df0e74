import { SlackSignatureError } from '../../../src/domain/errors.js';
import { checkSlackHeaders, slackSignature, verifySlackSignature } from '../../../src/domain/slackSignature.js';

// Slack's documented example ("Verifying requests from Slack", api.slack.com/authentication/verifying-requests-from-slack).
const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const timestamp = '1531420618';
const body =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const expected = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const at = (seconds: number) => new Date(seconds * 1000);
const headers = (overrides: Record<string, string | undefined> = {}) => ({
  'x-slack-request-timestamp': timestamp,
  'x-slack-signature': expected,
  ...overrides,
});

const reasonOf = (act: () => void): string => {
  try {
    act();
  } catch (error) {
    if (error instanceof SlackSignatureError) return error.reason;
    throw error;
  }
  return 'verified';
};

describe('slackSignature', () => {
  it("computes Slack's documented example signature", () => {
    // Act
    const signature = slackSignature(secret, timestamp, body);

    // Assess
    expect(signature).toBe(expected);
  });
});

describe('verifySlackSignature', () => {
  it("verifies Slack's documented example at its own time", () => {
    // Act
    const outcome = reasonOf(() =>
      verifySlackSignature(secret, { rawBody: body, headers: headers(), now: at(Number(timestamp)) }),
    );

    // Assess
    expect(outcome).toBe('verified');
  });

  it('verifies up to 300 s before and after the timestamp', () => {
    // Act
    const outcomes = [-300, 300].map((skew) =>
      reasonOf(() =>
        verifySlackSignature(secret, { rawBody: body, headers: headers(), now: at(Number(timestamp) + skew) }),
      ),
    );

    // Assess
    expect(outcomes).toEqual(['verified', 'verified']);
  });

  it.each([
    ['a missing timestamp', { 'x-slack-request-timestamp': undefined }, 0, body, secret, 'missing-timestamp'],
    ['a missing signature', { 'x-slack-signature': undefined }, 0, body, secret, 'missing-signature'],
    ['an empty signature', { 'x-slack-signature': '' }, 0, body, secret, 'missing-signature'],
    ['a malformed timestamp', { 'x-slack-request-timestamp': '1531420618.5' }, 0, body, secret, 'malformed-timestamp'],
    ['a signature without v0=', { 'x-slack-signature': expected.slice(3) }, 0, body, secret, 'malformed-signature'],
    ['a truncated signature', { 'x-slack-signature': expected.slice(0, -2) }, 0, body, secret, 'malformed-signature'],
    [
      'an upper-case signature',
      { 'x-slack-signature': `v0=${expected.slice(3).toUpperCase()}` },
      0,
      body,
      secret,
      'malformed-signature',
    ],
    ['a stale timestamp (301 s old)', {}, 301, body, secret, 'stale-timestamp'],
    ['a future timestamp (301 s ahead)', {}, -301, body, secret, 'future-timestamp'],
    ['the wrong secret', {}, 0, body, '8f742231b10e8888abcd99yyyzzz85a6', 'signature-mismatch'],
    ['a tampered body', {}, 0, body.replace('roadrunner', 'coyote'), secret, 'signature-mismatch'],
    ['a body with a byte appended', {}, 0, `${body}&x=1`, secret, 'signature-mismatch'],
    [
      'a signature made for another timestamp',
      { 'x-slack-request-timestamp': '1531420619' },
      -1,
      body,
      secret,
      'signature-mismatch',
    ],
  ])('refuses %s', (_case, headerOverrides, ageSeconds, rawBody, key, reason) => {
    // Prepare
    const request = { rawBody, headers: headers(headerOverrides), now: at(Number(timestamp) + ageSeconds) };

    // Act
    const outcome = reasonOf(() => verifySlackSignature(key, request));

    // Assess
    expect(outcome).toBe(reason);
  });
});

describe('checkSlackHeaders', () => {
  it('refuses a replay before any secret is needed', () => {
    // Act
    const outcome = reasonOf(() =>
      checkSlackHeaders({ rawBody: body, headers: headers(), now: at(Number(timestamp) + 3600) }),
    );

    // Assess
    expect(outcome).toBe('stale-timestamp');
  });
});
