import { checkDrift } from '../../../src/app/checkDrift.js';
import { churnSettings, memoryPorts } from '../../support/fakes.js';
import { bucket, seedCapture, seedLineage, tick } from '../../support/scenario.js';

describe('checkDrift failures', () => {
  it('fails the window lease and rethrows, so the retry takes the window over', async () => {
    // Prepare
    const world = memoryPorts();
    await seedLineage(world);
    seedCapture(world, 'churn_drifted', 0, 300);
    world.objects.objects.delete(`${bucket}/raw/churn/train.csv`);
    const request = { scheduledTime: tick, correlationId: 'corr-1', attempt: 'req-1', leaseMs: 60_000 };

    // Act
    const first = checkDrift(churnSettings(), request, world.ports);

    // Assess
    await expect(first).rejects.toThrow(/NoSuchKey/);
    const lease = world.records.records.find((r) => r.pk.startsWith('IDEMPOTENCY#drift#churn#'));
    expect(lease).toMatchObject({ state: 'failed' });
    await seedLineage(world);
    await expect(checkDrift(churnSettings(), { ...request, attempt: 'req-2' }, world.ports)).resolves.toMatchObject({
      status: 'drift',
    });
  });

  it('leaves a trace with the correlation id and BestEffortFailures when the lease cannot be failed', async () => {
    // Prepare
    const world = memoryPorts();
    await seedLineage(world);
    world.objects.objects.delete(`${bucket}/raw/churn/train.csv`);
    world.ports.store.fail = async () => {
      throw new Error('DynamoDB unavailable');
    };

    // Act
    const outcome = checkDrift(
      churnSettings(),
      { scheduledTime: tick, correlationId: 'corr-2', attempt: 'req-1', leaseMs: 60_000 },
      world.ports,
    );

    // Assess
    await expect(outcome).rejects.toThrow(/NoSuchKey/);
    expect(world.logs).toContainEqual({
      level: 'error',
      message: 'could not fail the window lease; the retry waits for it to expire',
      attributes: expect.objectContaining({ correlationId: 'corr-2', step: 'DriftLeaseFailFailed' }),
    });
    expect(world.metrics).toContainEqual({ name: 'BestEffortFailures', unit: 'Count', value: 1 });
  });
});
