import { FleetMetric } from '@fleet/shared';
import type { SlackDependencies } from '../../src/adapters/dependencies/slackDependencies.js';
import { requestApproval } from '../../src/app/requestApproval.js';
import { createDecideHandler } from '../../src/handlers/decide.js';
import { createSlackInteractionHandler } from '../../src/handlers/slackInteraction.js';
import { awsError, fakePorts, testConfig } from '../support/fakes.js';
import { lambdaContext } from '../support/lambdaContext.js';
import { recordsTablePerTest } from '../support/recordsTable.js';
import { requestMessage } from '../support/scenario.js';
import { clickBody, slackRequest, testSigningSecret } from '../support/slackRequest.js';

// The decision path over dynalite (real HTTP, real conditional writes); Step Functions and
// Slack's response_url are in-memory fakes that record what they were sent.
const table = recordsTablePerTest();
const now = Date.parse('2026-03-02T12:05:00.000Z') / 1000;
const message = requestMessage(3);

const setUp = async () => {
  const fake = fakePorts({ records: table.records, now: '2026-03-02T12:05:00.000Z' });
  await requestApproval(message, fake.ports, { owner: 'req-request', leaseMs: 30_000 });
  fake.events.published.length = 0;
  const dependencies: SlackDependencies = {
    secret: { get: async () => testSigningSecret },
    config: testConfig(),
    ports: fake.ports,
  };
  return { ...fake, slack: createSlackInteractionHandler(() => dependencies) };
};

const click = (userId: string, action: 'approve' | 'reject') =>
  slackRequest(
    clickBody({ approvalId: message.approvalId, userId, action, responseUrl: `https://hooks.slack.test/${userId}` }),
    {
      timestamp: now,
    },
  );

describe('deciding an approval over dynalite', () => {
  it('takes exactly one decision from ten concurrent clicks by two approvers, approve and reject', async () => {
    // Prepare
    const { slack, workflow, replies, store } = await setUp();
    workflow.sendDelayTurns = 20;
    const clicks = Array.from({ length: 10 }, (_, i) =>
      click(i % 2 === 0 ? 'U0ANA' : 'U0BOB', i % 3 === 0 ? 'reject' : 'approve'),
    );

    // Act
    const responses = await Promise.all(clicks.map((request) => slack(request, lambdaContext())));

    // Assess
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(workflow.sent).toHaveLength(1);
    const winner = workflow.sent[0]?.output as { decision: string; decidedBy: string; decidedByName: string };
    const texts = replies.replies.map((r) => r.text);
    expect(texts.filter((t) => t.startsWith('You '))).toEqual([`You ${winner.decision} churn.`]);
    const already = texts.filter((t) => t.startsWith('Already '));
    expect(already).toHaveLength(9);
    for (const text of already)
      expect(text).toContain(`Already ${winner.decision} by @${winner.decidedByName} at 2026-03-02T12:05Z`);
    const record = await store.getApproval('churn', message.requestedAt, message.approvalId);
    expect(record).toMatchObject({ state: 'sent', decision: winner.decision, decidedBy: winner.decidedBy });
  });

  it('resends a decision whose SendTaskSuccess failed once, on the next click, and the decision stays the first', async () => {
    // Prepare
    const { slack, workflow, replies, store, metrics } = await setUp();
    workflow.sendFailures.push(awsError('ServiceUnavailable'));

    // Act
    await slack(click('U0ANA', 'approve'), lambdaContext());
    const afterFailure = await store.getApproval('churn', message.requestedAt, message.approvalId);
    await slack(click('U0BOB', 'reject'), lambdaContext());
    await slack(click('U0BOB', 'reject'), lambdaContext());

    // Assess
    expect(afterFailure).toMatchObject({ state: 'deciding', decision: 'approved', decidedBy: 'U0ANA' });
    expect(workflow.sent.map((s) => s.output)).toEqual([
      expect.objectContaining({ decision: 'approved', decidedBy: 'U0ANA' }),
    ]);
    expect(replies.replies.map((r) => r.text)).toEqual([
      'The decision (approved by @u0ana) stands but could not be delivered yet; click again to resend it.',
      'You approved churn (the standing decision was sent again).',
      'Already approved by @u0ana at 2026-03-02T12:05Z; nothing changed.',
    ]);
    expect((await store.getApproval('churn', message.requestedAt, message.approvalId))?.state).toBe('sent');
    expect(metrics.counts[FleetMetric.BestEffortFailures]).toBe(1);
  });

  it('decides nothing for a click by someone who is not an approver', async () => {
    // Prepare
    const { slack, workflow, replies, store } = await setUp();

    // Act
    const response = await slack(click('U0EVE', 'approve'), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(workflow.sent).toEqual([]);
    expect(replies.replies.map((r) => r.text)).toEqual(['You are not an approver of churn.']);
    expect(await store.leases.get(store.decisionKey(message.approvalId))).toBeUndefined();
    expect((await store.getApproval('churn', message.requestedAt, message.approvalId))?.state).toBe('pending');
  });

  it("shares the exactly-once path with an operator's direct decision", async () => {
    // Prepare
    const { slack, workflow, ports, replies } = await setUp();
    const decide = createDecideHandler(() => ({ ports }));

    // Act
    const operator = await decide(
      {
        approvalId: message.approvalId,
        decision: 'rejected',
        decidedBy: 'ops:carol',
        reason: 'the canary data looked off',
      },
      lambdaContext(),
    );
    await slack(click('U0ANA', 'approve'), lambdaContext());

    // Assess
    expect(operator).toMatchObject({ status: 'decided', decision: { decision: 'rejected', decidedBy: 'ops:carol' } });
    expect(workflow.sent).toHaveLength(1);
    expect(replies.replies.map((r) => r.text)).toEqual([
      'Already rejected by ops:carol at 2026-03-02T12:05Z; nothing changed.',
    ]);
  });
});
