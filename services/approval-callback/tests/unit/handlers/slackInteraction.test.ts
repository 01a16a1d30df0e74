import 'aws-sdk-client-mock-jest';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createObservability, FleetMetric, MemoryRecordsRepository } from '@fleet/shared';
import { mockClient } from 'aws-sdk-client-mock';
import type { SlackDependencies } from '../../../src/adapters/dependencies/slackDependencies.js';
import { FetchSlackReplies } from '../../../src/adapters/FetchSlackReplies.js';
import { RecordsApprovalStore } from '../../../src/adapters/RecordsApprovalStore.js';
import { SsmSigningSecret } from '../../../src/adapters/SsmSigningSecret.js';
import { StepFunctionsWorkflow } from '../../../src/adapters/StepFunctionsWorkflow.js';
import { requestApproval } from '../../../src/app/requestApproval.js';
import { createSlackInteractionHandler } from '../../../src/handlers/slackInteraction.js';
import { CountingRecords } from '../../support/CountingRecords.js';
import { FakeEvents, FakeLogger, FakeMetrics, FixedClock, testConfig } from '../../support/fakes.js';
import { lambdaContext } from '../../support/lambdaContext.js';
import { requestMessage } from '../../support/scenario.js';
import { clickBody, slackRequest, testSigningSecret } from '../../support/slackRequest.js';

const sfn = mockClient(SFNClient);
const ssm = mockClient(SSMClient);
const now = Date.parse('2026-03-02T12:05:00.000Z') / 1000;
const message = requestMessage(3);

const setUp = async () => {
  const records = new CountingRecords(new MemoryRecordsRepository());
  const clock = new FixedClock('2026-03-02T12:05:00.000Z');
  const metrics = new FakeMetrics();
  await requestApproval(
    message,
    { store: new RecordsApprovalStore(records), events: new FakeEvents(), clock, logger: new FakeLogger(), metrics },
    { owner: 'req-0', leaseMs: 30_000 },
  );
  records.calls = 0;
  const posted: { url: string; body: Record<string, unknown> }[] = [];
  const fetchStub = (async (url: string, init: { body: string }) => {
    posted.push({ url, body: JSON.parse(init.body) });
    return new Response('ok', { status: 200 });
  }) as unknown as typeof fetch;
  const dependencies: SlackDependencies = {
    secret: new SsmSigningSecret(new SSMClient({}), '/fleet/slack/signing-secret'),
    config: testConfig(),
    ports: {
      store: new RecordsApprovalStore(records),
      workflow: new StepFunctionsWorkflow(
        new SFNClient({}),
        'arn:aws:states:eu-west-1:123456789012:stateMachine:fleet-test-approval',
      ),
      replies: new FetchSlackReplies({ fetch: fetchStub }),
      clock,
      logger: new FakeLogger(),
      metrics,
    },
  };
  const handler = createSlackInteractionHandler(() => dependencies);
  return { handler, records, posted, metrics };
};

beforeEach(() => {
  sfn.reset();
  ssm.reset();
  sfn.on(SendTaskSuccessCommand).resolves({});
  ssm.on(GetParameterCommand).resolves({
    Parameter: { Name: '/fleet/slack/signing-secret', Type: 'SecureString', Value: testSigningSecret },
  });
});

describe('slackInteraction', () => {
  it.each([false, true])('decides a signed click once and answers 200 (base64: %s)', async (base64) => {
    // Prepare
    const { handler, posted } = await setUp();
    const body = clickBody({ approvalId: message.approvalId, userId: 'U0ANA' });

    // Act
    const response = await handler(slackRequest(body, { timestamp: now, base64 }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(sfn).toHaveReceivedCommandTimes(SendTaskSuccessCommand, 1);
    expect(sfn).toHaveReceivedCommandWith(SendTaskSuccessCommand, { taskToken: message.taskToken });
    expect(ssm).toHaveReceivedCommandWith(GetParameterCommand, {
      Name: '/fleet/slack/signing-secret',
      WithDecryption: true,
    });
    expect(posted).toEqual([
      {
        url: 'https://hooks.slack.test/actions/T0FLEET/1/abc',
        body: { response_type: 'ephemeral', replace_original: false, text: 'You approved churn.' },
      },
    ]);
  });

  const body = clickBody({ approvalId: message.approvalId, userId: 'U0ANA' });
  const signedHeaders = (timestamp: number, secret = testSigningSecret, signedBody = body) => {
    const request = slackRequest(signedBody, { timestamp, secret });
    return request.headers as Record<string, string>;
  };
  const forgeries: [string, () => ReturnType<typeof slackRequest>, boolean][] = [
    [
      'no signature headers',
      () => slackRequest(body, { timestamp: now, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      false,
    ],
    [
      'no timestamp',
      () =>
        slackRequest(body, {
          timestamp: now,
          headers: { 'x-slack-signature': signedHeaders(now)['x-slack-signature'] as string },
        }),
      false,
    ],
    ['a stale timestamp', () => slackRequest(body, { timestamp: now - 301 }), false],
    ['a future timestamp', () => slackRequest(body, { timestamp: now + 301 }), false],
    [
      'a malformed signature',
      () =>
        slackRequest(body, { timestamp: now, headers: { ...signedHeaders(now), 'x-slack-signature': 'v0=nothex' } }),
      false,
    ],
    ['the wrong secret', () => slackRequest(body, { timestamp: now, secret: 'another-secret' }), true],
    [
      'a tampered body',
      () => ({
        ...slackRequest(body, { timestamp: now }),
        body: clickBody({ approvalId: message.approvalId, userId: 'U0ANA', action: 'reject' }),
      }),
      true,
    ],
    [
      'a signature made for another timestamp',
      () =>
        slackRequest(body, {
          timestamp: now,
          headers: { ...signedHeaders(now - 10), 'x-slack-request-timestamp': String(now) },
        }),
      true,
    ],
  ];

  it.each(forgeries)('answers 401 to %s with nothing read, written or called', async (_case, request, secretRead) => {
    // Prepare
    const { handler, records, posted, metrics } = await setUp();

    // Act
    const response = await handler(request(), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(401);
    expect(records.calls).toBe(0);
    expect(sfn).toHaveReceivedCommandTimes(SendTaskSuccessCommand, 0);
    expect(posted).toEqual([]);
    expect(ssm).toHaveReceivedCommandTimes(GetParameterCommand, secretRead ? 1 : 0);
    expect(metrics.counts[FleetMetric.SlackSignatureRejected]).toBe(1);
  });

  it('never hands the signing secret to the logger', async () => {
    // Prepare
    const { handler } = await setUp();
    const { logger } = createObservability('approval-callback');
    const expand = (_key: string, value: unknown) =>
      value instanceof Error
        ? { name: value.name, message: value.message, stack: value.stack, cause: value.cause }
        : value;
    const logged: string[] = [];
    const spies = (['debug', 'info', 'warn', 'error', 'critical'] as const).map((level) =>
      jest.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
        logged.push(JSON.stringify(args, expand));
      }),
    );

    // Act
    try {
      await handler(slackRequest(body, { timestamp: now, secret: 'another-secret' }), lambdaContext());
      await handler(slackRequest(body, { timestamp: now }), lambdaContext());
    } finally {
      for (const spy of spies) spy.mockRestore();
    }

    // Assess
    expect(logged.join('\n')).toContain('signature-mismatch');
    expect(logged.join('\n')).not.toContain(testSigningSecret);
  });

  it('answers 400 to a verified request whose payload is not JSON', async () => {
    // Prepare
    const { handler } = await setUp();

    // Act
    const response = await handler(slackRequest('payload=%7Bnot-json', { timestamp: now }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(sfn).toHaveReceivedCommandTimes(SendTaskSuccessCommand, 0);
  });

  it('answers 200 and tells the clicker when the decision could not be handled', async () => {
    // Prepare
    const { handler, posted, records } = await setUp();
    records.get = async () => {
      throw new Error('table unavailable');
    };

    // Act
    const response = await handler(slackRequest(body, { timestamp: now }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(posted.map((p) => p.body.text)).toEqual([
      'Your click could not be recorded; nothing changed. Please try again.',
    ]);
  });
});
