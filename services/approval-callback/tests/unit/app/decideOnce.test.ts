import { FleetMetric } from '@fleet/shared';
import { decideOnce } from '../../../src/app/decideOnce.js';
import { expireApproval } from '../../../src/app/expireApproval.js';
import type { Decision } from '../../../src/app/records.js';
import { requestApproval } from '../../../src/app/requestApproval.js';
import { awsError, fakePorts, testConfig } from '../../support/fakes.js';
import { executionInput, requestMessage } from '../../support/scenario.js';

const decision = (decidedBy: string, verdict: 'approved' | 'rejected' = 'approved'): Decision => ({
  decision: verdict,
  decidedBy,
  decidedByName: decidedBy.toLowerCase(),
  decidedAt: '2026-03-02T12:05:00.000Z',
  reason: `${verdict} in Slack`,
});

const prepared = async () => {
  const fake = fakePorts();
  await requestApproval(requestMessage(3), fake.ports, { owner: 'req-0', leaseMs: 30_000 });
  const request = await fake.store.getRequest(requestMessage(3).approvalId);
  if (request === undefined) throw new Error('request not stored');
  return { ...fake, request };
};

describe('decideOnce', () => {
  it('sends the first decision with the task token and records it sent', async () => {
    // Prepare
    const { ports, workflow, store, request } = await prepared();

    // Act
    const outcome = await decideOnce(request, decision('U0ANA'), ports, { owner: 'req-1', leaseMs: 30_000 });

    // Assess
    expect(outcome).toEqual({ status: 'decided', decision: decision('U0ANA'), resent: false });
    expect(workflow.sent).toEqual([{ taskToken: request.taskToken, output: { ...decision('U0ANA') } }]);
    expect(await store.getApproval('churn', request.requestedAt, request.approvalId)).toMatchObject({
      state: 'sent',
      decision: 'approved',
      decidedBy: 'U0ANA',
      decidedByName: 'u0ana',
    });
  });

  it('answers every later attempt, by anyone, with the first decision and changes nothing', async () => {
    // Prepare
    const { ports, workflow, request } = await prepared();
    await decideOnce(request, decision('U0ANA'), ports, { owner: 'req-1', leaseMs: 30_000 });

    // Act
    const later = await decideOnce(request, decision('U0BOB', 'rejected'), ports, { owner: 'req-2', leaseMs: 30_000 });

    // Assess
    expect(later).toEqual({ status: 'already', decision: decision('U0ANA') });
    expect(workflow.sent).toHaveLength(1);
  });

  it('keeps a decision whose send failed and resends it, not the next clicker’s, on the next attempt', async () => {
    // Prepare
    const { ports, workflow, logger, metrics, request } = await prepared();
    workflow.sendFailures.push(awsError('ServiceUnavailable'));

    // Act
    const first = await decideOnce(request, decision('U0ANA'), ports, { owner: 'req-1', leaseMs: 30_000 });
    const second = await decideOnce(request, decision('U0BOB', 'rejected'), ports, { owner: 'req-2', leaseMs: 30_000 });

    // Assess
    expect(first).toEqual({ status: 'unsent', decision: decision('U0ANA'), error: 'ServiceUnavailable' });
    expect(second).toEqual({ status: 'decided', decision: decision('U0ANA'), resent: true });
    expect(workflow.sent.map((s) => s.output.decidedBy)).toEqual(['U0ANA']);
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: 'error',
        attributes: expect.objectContaining({ step: 'SendTaskSuccessFailed', correlationId: 'corr-1' }),
      }),
    ]);
    expect(metrics.counts[FleetMetric.BestEffortFailures]).toBe(1);
  });

  it.each(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken'])(
    'records the approval closed on %s and never sends again',
    async (name) => {
      // Prepare
      const { ports, workflow, store, request } = await prepared();
      workflow.sendFailures.push(awsError(name));

      // Act
      const first = await decideOnce(request, decision('U0ANA'), ports, { owner: 'req-1', leaseMs: 30_000 });
      const again = await decideOnce(request, decision('U0BOB'), ports, { owner: 'req-2', leaseMs: 30_000 });

      // Assess
      expect(first).toMatchObject({ status: 'closed', closedAs: 'closed' });
      expect(again).toMatchObject({ status: 'closed' });
      expect(workflow.sent).toEqual([]);
      expect((await store.getApproval('churn', request.requestedAt, request.approvalId))?.state).toBe('closed');
    },
  );

  it('answers "expired" after the wait timed out', async () => {
    // Prepare
    const { ports, workflow, store, request } = await prepared();
    await expireApproval(
      {
        ...executionInput(3),
        comparison: {
          metric: 'roc_auc',
          challenger: 0.84,
          metrics: { roc_auc: 0.84 },
          champion: null,
          championMetrics: null,
          gate: { passed: true, reason: 'roc_auc 0.84 vs no champion' },
          expiresAt: '2026-03-03T12:00:00.000Z',
        },
      },
      testConfig(),
      ports,
    );
    const reread = await store.getRequest(request.approvalId);

    // Act
    const outcome = await decideOnce(reread ?? request, decision('U0ANA'), ports, { owner: 'req-1', leaseMs: 30_000 });

    // Assess
    expect(outcome).toMatchObject({ status: 'closed', closedAs: 'expired' });
    expect(workflow.sent).toEqual([]);
  });
});
