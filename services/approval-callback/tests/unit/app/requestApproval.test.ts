import { FleetMetric } from '@fleet/shared';
import { requestApproval } from '../../../src/app/requestApproval.js';
import { fakePorts } from '../../support/fakes.js';
import { requestMessage } from '../../support/scenario.js';

describe('requestApproval', () => {
  it('stores the token under the approval id, records the pending approval and announces it', async () => {
    // Prepare
    const { ports, store, events, metrics } = fakePorts();
    const message = requestMessage(3);

    // Act
    const outcome = await requestApproval(message, ports, { owner: 'req-1', leaseMs: 30_000 });

    // Assess
    expect(outcome).toEqual({ status: 'requested', approvalId: message.approvalId });
    expect((await store.getRequest(message.approvalId))?.taskToken).toBe(message.taskToken);
    expect(await store.getApproval('churn', message.requestedAt, message.approvalId)).toMatchObject({
      state: 'pending',
      expiresAt: message.expiresAt,
      metrics: message.metrics,
    });
    expect(events.ofType('Approval Requested').map((e) => e.detail)).toEqual([
      expect.objectContaining({
        approvalId: message.approvalId,
        model: 'churn',
        modelPackageArn: message.modelPackageArn,
        metrics: message.metrics,
        championMetrics: message.championMetrics,
        expiresAt: message.expiresAt,
        correlationId: 'corr-1',
      }),
    ]);
    expect(metrics.counts[FleetMetric.ApprovalsRequested]).toBe(1);
  });

  it('creates nothing twice for a redelivered message', async () => {
    // Prepare
    const { ports, events, records } = fakePorts();
    await requestApproval(requestMessage(3), ports, { owner: 'req-1', leaseMs: 30_000 });

    // Act
    const again = await requestApproval(requestMessage(3), ports, { owner: 'req-2', leaseMs: 30_000 });

    // Assess
    expect(again.status).toBe('duplicate');
    expect(events.published).toHaveLength(1);
    expect((await records.history('MODEL#churn')).filter((r) => r.kind === 'approval')).toHaveLength(1);
  });

  it('fails its lease when the event cannot be sent, and the retry completes without writing twice', async () => {
    // Prepare
    const { ports, events, records } = fakePorts();
    const publish = events.publish.bind(events);
    let calls = 0;
    events.publish = async (detailType, detail) => {
      if (++calls === 1) throw new Error('bus unavailable');
      return publish(detailType, detail);
    };

    // Act
    await expect(requestApproval(requestMessage(3), ports, { owner: 'req-1', leaseMs: 30_000 })).rejects.toThrow(
      'bus unavailable',
    );
    const retried = await requestApproval(requestMessage(3), ports, { owner: 'req-1', leaseMs: 30_000 });

    // Assess
    expect(retried.status).toBe('requested');
    expect(events.published).toHaveLength(1);
    expect((await records.history('MODEL#churn')).filter((r) => r.kind === 'approval')).toHaveLength(1);
  });
});
