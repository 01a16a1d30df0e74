import '../support/debugLogLevel.js';
import { createObservability } from '@fleet/shared';
import { serviceName } from '../../src/adapters/dependencies/serviceName.js';
import { createDigestFireHandler } from '../../src/handlers/digestFire.js';
import { createPagerDutyDeliveryHandler } from '../../src/handlers/pagerDutyDelivery.js';
import { createSlackDeliveryHandler } from '../../src/handlers/slackDelivery.js';
import { lambdaContext, notifyHarnessPerTest, SECRETS } from '../support/notifyHarness.js';
import { sampleDetail, sampleEvent } from '../support/sampleEvents.js';

const harness = notifyHarnessPerTest();

/** Every form a secret could leak in: raw, URL-encoded, base64 and base64url. */
const leakedForms = (secret: string): string[] => [
  secret,
  encodeURIComponent(secret),
  Buffer.from(secret).toString('base64'),
  Buffer.from(secret).toString('base64url'),
  Buffer.from(`Bearer ${secret}`).toString('base64'),
];

describe('secrets in logs (functions at DEBUG)', () => {
  const lines: string[] = [];
  const spies: jest.SpyInstance[] = [];

  beforeEach(() => {
    lines.length = 0;
    const capture = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    };
    for (const method of ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const) {
      spies.push(jest.spyOn(console, method).mockImplementation(capture));
    }
    spies.push(
      jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
        lines.push(String(chunk));
        return true;
      }),
    );
  });

  afterEach(() => {
    for (const spy of spies.splice(0)) spy.mockRestore();
  });

  it('logs deliveries, failures and digests without the bot token, signing secret or a routing key', async () => {
    // Prepare
    const slack = createSlackDeliveryHandler(harness.slackPorts);
    const pagerduty = createPagerDutyDeliveryHandler(harness.pagerDutyPorts);
    const fire = createDigestFireHandler(harness.slackPorts);
    const drift = sampleEvent('Drift Detected', sampleDetail('Drift Detected'));
    const failed = sampleEvent('Retraining Failed', sampleDetail('Retraining Failed'));
    harness.thirdParties.slackAnswers.push({
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const refused = {
      status: 400,
      body: {
        status: 'invalid event',
        message: `routing key ${SECRETS.errorKey} refused`,
        errors: [SECRETS.criticalKey],
      },
    };

    // Act: successes, a rate limit, a permanent failure (whose answer quotes routing keys), a digest.
    await slack(drift, lambdaContext('s1'));
    await pagerduty(drift, lambdaContext('p1'));
    await slack(failed, lambdaContext('s2'));
    harness.thirdParties.pagerDutyAnswers.push(refused);
    await pagerduty(failed, lambdaContext('p2')).catch(() => undefined);
    await slack(sampleEvent('Dataset Rejected', sampleDetail('Dataset Rejected')), lambdaContext('s3'));
    await fire([...harness.scheduler.armed.values()][0].payload, lambdaContext('f1'));

    // Assess: the deliveries' own lines are there, and none holds a secret in any form.
    const log = lines.join('\n');
    expect(createObservability(serviceName).logger.getLevelName()).toBe('DEBUG');
    expect(log).toMatch(/"message\\?":\s*\\?"delivered/);
    expect(log).toMatch(/"level\\?":\s*\\?"DEBUG/);
    expect(log).toContain('PermanentDeliveryError');
    expect(harness.thirdParties.slackCalls[0].headers.authorization).toBe(`Bearer ${SECRETS.botToken}`);
    expect(harness.thirdParties.pagerDutyCalls[0].body.routing_key).toBe(SECRETS.criticalKey);
    for (const secret of Object.values(SECRETS)) {
      for (const form of leakedForms(secret))
        expect({ secret, found: log.includes(form) }).toEqual({ secret, found: false });
    }
  });
});
