import { applyDecision } from '../../../src/app/applyDecision.js';
import type { Comparison } from '../../../src/app/compare.js';
import { decideOnce } from '../../../src/app/decideOnce.js';
import { expireApproval } from '../../../src/app/expireApproval.js';
import { requestApproval } from '../../../src/app/requestApproval.js';
import { approvalIdFor } from '../../../src/domain/approvalId.js';
import { fakePorts, packageArn, testConfig } from '../../support/fakes.js';
import { executionInput, requestMessage } from '../../support/scenario.js';

const comparison = (passed = true): Comparison => ({
  metric: 'roc_auc',
  challenger: passed ? 0.84 : 0.6,
  metrics: { roc_auc: passed ? 0.84 : 0.6 },
  champion: { modelPackageArn: packageArn('churn', 2), source: 'registry', value: 0.82 },
  championMetrics: { roc_auc: 0.82 },
  gate: passed
    ? { passed: true, reason: 'roc_auc 0.84 vs champion 0.82' }
    : { passed: false, reason: 'roc_auc 0.6 is below the minimum 0.7 (champion 0.82)' },
  expiresAt: '2026-03-03T12:00:00.000Z',
});

describe('applyDecision', () => {
  it('approves the package with who, where, when and the numbers, records it and announces it', async () => {
    // Prepare
    const { ports, registry, events, store } = fakePorts({ now: '2026-03-02T12:06:00.000Z' });
    await requestApproval(requestMessage(3), ports, { owner: 'req-0', leaseMs: 30_000 });
    const decision = {
      decision: 'approved' as const,
      decidedBy: 'U0ANA',
      decidedByName: 'ana',
      decidedAt: '2026-03-02T12:05:30.000Z',
      reason: 'approved in Slack',
    };

    // Act
    const applied = await applyDecision({ ...executionInput(3), comparison: comparison(), decision }, ports);

    // Assess
    const description = 'Approved by @ana (U0ANA) in Slack at 2026-03-02T12:05Z; roc_auc 0.84 vs champion 0.82';
    expect(applied).toEqual({ decision: 'approved', description });
    expect(registry.updates).toEqual([{ modelPackageArn: packageArn('churn', 3), status: 'Approved', description }]);
    expect(events.ofType('Approval Decided').map((e) => e.detail)).toEqual([
      expect.objectContaining({
        approvalId: executionInput(3).approvalId,
        decision: 'approved',
        decidedBy: 'U0ANA',
        decidedByName: 'ana',
        decidedAt: '2026-03-02T12:05:30.000Z',
        expiresAt: '2026-03-03T12:00:00.000Z',
        correlationId: 'corr-1',
      }),
    ]);
    expect(await store.getApproval('churn', '2026-03-02T12:00:00.000Z', executionInput(3).approvalId)).toMatchObject({
      decision: 'approved',
      description,
      appliedAt: '2026-03-02T12:06:00.000Z',
    });
  });

  it('records a quality-gate rejection like any decision, so a stray click hears "already rejected"', async () => {
    // Prepare
    const { ports, registry, events, store } = fakePorts();
    const decision = {
      decision: 'rejected' as const,
      decidedBy: 'fleet:quality-gate',
      decidedAt: '2026-03-02T12:00:01.000Z',
      reason: comparison(false).gate.reason,
    };

    // Act
    await applyDecision({ ...executionInput(3), comparison: comparison(false), decision }, ports);

    // Assess
    const approvalId = approvalIdFor(packageArn('churn', 3), 1);
    expect(registry.updates[0]).toMatchObject({
      status: 'Rejected',
      description:
        'Rejected by fleet:quality-gate at 2026-03-02T12:00Z: roc_auc 0.6 is below the minimum 0.7 (champion 0.82)',
    });
    expect(events.ofType('Approval Decided')[0]?.detail).toMatchObject({
      decision: 'rejected',
      expiresAt: null,
      decidedBy: 'fleet:quality-gate',
    });
    expect(await store.getApproval('churn', decision.decidedAt, approvalId)).toMatchObject({
      state: 'closed',
      decision: 'rejected',
    });
    expect((await store.leases.get(store.decisionKey(approvalId)))?.state).toBe('completed');
  });
});

describe('expireApproval', () => {
  it('records the expiry, leaves the package pending and announces expired', async () => {
    // Prepare
    const { ports, registry, events, store } = fakePorts({ now: '2026-03-03T12:00:00.000Z' });
    await requestApproval(requestMessage(3), ports, { owner: 'req-0', leaseMs: 30_000 });

    // Act
    const expired = await expireApproval({ ...executionInput(3), comparison: comparison() }, testConfig(), ports);

    // Assess
    expect(expired).toEqual({ decision: 'expired', packageStatus: 'PendingManualApproval' });
    expect(registry.updates).toEqual([]);
    expect(events.ofType('Approval Decided')[0]?.detail).toMatchObject({
      decision: 'expired',
      decidedBy: 'fleet:timeout',
    });
    expect(await store.getApproval('churn', '2026-03-02T12:00:00.000Z', executionInput(3).approvalId)).toMatchObject({
      state: 'closed',
      decision: 'expired',
    });
  });

  it('rejects the package when the model says onTimeout: reject', async () => {
    // Prepare
    const { ports, registry } = fakePorts();
    const input = { ...executionInput(5), model: 'fraud', modelPackageGroup: 'fraud-models' };

    // Act
    const expired = await expireApproval({ ...input, comparison: comparison() }, testConfig(), ports);

    // Assess
    expect(expired.packageStatus).toBe('Rejected');
    expect(registry.updates[0]).toMatchObject({ status: 'Rejected' });
    expect(registry.updates[0]?.description).toContain('no decision within 2 h');
  });

  it('makes a later click answer "expired"', async () => {
    // Prepare
    const { ports, store, workflow } = fakePorts();
    await requestApproval(requestMessage(3), ports, { owner: 'req-0', leaseMs: 30_000 });
    await expireApproval({ ...executionInput(3), comparison: comparison() }, testConfig(), ports);
    const request = await store.getRequest(executionInput(3).approvalId);

    // Act
    const outcome = await decideOnce(
      request!,
      { decision: 'approved', decidedBy: 'U0ANA', decidedAt: '2026-03-03T13:00:00.000Z', reason: 'late' },
      ports,
      { owner: 'req-1', leaseMs: 30_000 },
    );

    // Assess
    expect(outcome).toMatchObject({ status: 'closed', closedAs: 'expired' });
    expect(workflow.sent).toEqual([]);
  });
});
