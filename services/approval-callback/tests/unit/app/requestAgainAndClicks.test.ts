import { FleetMetric } from '@fleet/shared';
import type { Comparison } from '../../../src/app/compare.js';
import { expireApproval } from '../../../src/app/expireApproval.js';
import { requestAgain } from '../../../src/app/requestAgain.js';
import { requestApproval } from '../../../src/app/requestApproval.js';
import { slackClick } from '../../../src/app/slackClick.js';
import { startApproval } from '../../../src/app/startApproval.js';
import { approvalIdFor } from '../../../src/domain/approvalId.js';
import { fakePorts, packageArn, testConfig } from '../../support/fakes.js';
import { executionInput, requestMessage } from '../../support/scenario.js';

const config = testConfig();
const comparison: Comparison = {
  metric: 'roc_auc',
  challenger: 0.84,
  metrics: { roc_auc: 0.84 },
  champion: null,
  championMetrics: null,
  gate: { passed: true, reason: 'roc_auc 0.84 vs no champion' },
  expiresAt: '2026-03-03T12:00:00.000Z',
};
const options = (owner: string) => ({ owner, leaseMs: 30_000 });

const startedAndRequested = async () => {
  const fake = fakePorts();
  fake.registry.add({
    modelPackageArn: packageArn('churn', 3),
    modelPackageGroup: 'churn',
    version: 3,
    status: 'PendingManualApproval',
  });
  await startApproval(
    {
      eventId: 'evt-3',
      modelPackageGroup: 'churn',
      modelPackageArn: packageArn('churn', 3),
      modelPackageVersion: 3,
      status: 'PendingManualApproval',
    },
    config,
    fake.ports,
    options('req-start'),
  );
  await requestApproval(requestMessage(3), fake.ports, options('req-request'));
  return fake;
};

describe('requestAgain', () => {
  it('asks again after an expiry: attempt 2, its own approval id and execution', async () => {
    // Prepare
    const { ports, workflow } = await startedAndRequested();
    await expireApproval({ ...executionInput(3), comparison }, config, ports);

    // Act
    const outcome = await requestAgain(
      { modelPackageArn: packageArn('churn', 3), ...options('req-again') },
      config,
      ports,
    );

    // Assess
    expect(outcome).toMatchObject({
      status: 'started',
      attempt: 2,
      approvalId: approvalIdFor(packageArn('churn', 3), 2),
    });
    expect(workflow.starts.map((s) => s.name)).toEqual(['churn-v3-a1', 'churn-v3-a2']);
  });

  it('refuses a package whose approval is still open', async () => {
    // Prepare
    const { ports, workflow } = await startedAndRequested();

    // Assess
    await expect(
      requestAgain({ modelPackageArn: packageArn('churn', 3), ...options('req-again') }, config, ports),
    ).rejects.toMatchObject({
      name: 'ApprovalNotExpiredError',
    });
    expect(workflow.starts).toHaveLength(1);
  });
});

describe('slackClick', () => {
  const click = (userId: string, action: 'approve' | 'reject' = 'approve') => ({
    approvalId: requestMessage(3).approvalId,
    action,
    userId,
    userName: userId.toLowerCase(),
    responseUrl: 'https://hooks.slack.test/actions/1',
    correlationId: 'http-1',
  });

  it('decides nothing for someone who is not an approver, and tells them', async () => {
    // Prepare
    const { ports, workflow, replies, metrics, store } = await startedAndRequested();

    // Act
    const outcome = await slackClick(click('U0EVE'), config, ports, options('req-1'));

    // Assess
    expect(outcome.status).toBe('not-approver');
    expect(workflow.sent).toEqual([]);
    expect(replies.replies).toEqual([
      { responseUrl: 'https://hooks.slack.test/actions/1', text: 'You are not an approver of churn.' },
    ]);
    expect(metrics.counts[FleetMetric.ApprovalsUnauthorized]).toBe(1);
    expect(await store.leases.get(store.decisionKey(requestMessage(3).approvalId))).toBeUndefined();
  });

  it('answers an unknown approval id with an ephemeral note', async () => {
    // Prepare
    const { ports, replies } = await startedAndRequested();

    // Act
    const outcome = await slackClick(
      { ...click('U0ANA'), approvalId: 'ap-00000000000000000000' },
      config,
      ports,
      options('req-1'),
    );

    // Assess
    expect(outcome.status).toBe('unknown');
    expect(replies.replies.map((r) => r.text)).toEqual(['Unknown or closed approval.']);
  });

  it('tells a later clicker who decided and when', async () => {
    // Prepare
    const { ports, replies, clock } = await startedAndRequested();
    clock.set('2026-03-02T12:05:00.000Z');
    await slackClick(click('U0ANA'), config, ports, options('req-1'));

    // Act
    await slackClick(click('U0BOB', 'reject'), config, ports, options('req-2'));

    // Assess
    expect(replies.replies.map((r) => r.text)).toEqual([
      'You approved churn.',
      'Already approved by @u0ana at 2026-03-02T12:05Z; nothing changed.',
    ]);
  });

  it('logs and counts a reply Slack did not take, and still decides', async () => {
    // Prepare
    const { ports, replies, workflow, logger, metrics } = await startedAndRequested();
    replies.failWith = new Error('response_url answered 404');

    // Act
    const outcome = await slackClick(click('U0ANA'), config, ports, options('req-1'));

    // Assess
    expect(outcome.status).toBe('decided');
    expect(workflow.sent).toHaveLength(1);
    expect(metrics.counts[FleetMetric.SlackRepliesFailed]).toBe(1);
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        attributes: expect.objectContaining({ step: 'SlackReplyFailed', correlationId: 'corr-1' }),
      }),
    ]);
  });
});
