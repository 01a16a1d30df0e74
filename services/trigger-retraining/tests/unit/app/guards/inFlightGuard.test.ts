import { inFlightGuard } from '../../../../src/app/guards/inFlightGuard.js';
import type { RunLock } from '../../../../src/app/ports.js';
import { FakeRunner, scheduleTrigger, settings } from '../../../support/fakes.js';
import { InMemoryTriggerStore } from '../../../support/InMemoryTriggerStore.js';

const token = 't'.repeat(64);
const now = new Date('2026-03-02T12:00:00.000Z');
const context = { request: scheduleTrigger(), settings: settings({ maxRunMinutes: 60 }), token, now };

/** A lock on churn-retrain held by another trigger, taken `minutesAgo` before `now`. */
const lockOf = (overrides: Partial<RunLock> & { minutesAgo?: number } = {}): RunLock => {
  const { minutesAgo = 5, ...rest } = overrides;
  return {
    pipelineName: 'churn-retrain',
    pipeline: 'churn-retrain',
    status: 'held',
    token: 'o'.repeat(64),
    decisionId: 'decision-other',
    trigger: { kind: 'dataset', id: 's3://b/raw/churn/a.csv#etag:1' },
    correlationId: 'corr-other',
    acquiredAt: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
    ...rest,
  };
};

const guardWith = async (lock: RunLock | undefined, executing = false) => {
  const runner = new FakeRunner();
  runner.executing = executing;
  const store = new InMemoryTriggerStore();
  if (lock !== undefined) await store.putRunLock(lock);
  return inFlightGuard(runner, store);
};

describe('inFlightGuard', () => {
  it('stops a trigger while an execution of the pipeline is executing', async () => {
    // Prepare
    const guard = await guardWith(undefined, true);

    // Act
    const stops = await guard.stops(context);

    // Assess
    expect(stops).toBe(true);
  });

  it('lets a trigger through when nothing is executing and no lock is held', async () => {
    // Prepare
    const guard = await guardWith(undefined);

    // Act
    const stops = await guard.stops(context);

    // Assess
    expect(stops).toBe(false);
  });

  it('stops a trigger while another trigger holds the run lock, though SageMaker shows nothing executing', async () => {
    // Prepare
    const guard = await guardWith(lockOf());

    // Act
    const stops = await guard.stops(context);

    // Assess
    expect(stops).toBe(true);
  });

  it('stops a trigger whose pipeline name differs in case from the lock holder', async () => {
    // Prepare
    const guard = await guardWith(lockOf({ pipelineName: 'Churn-Retrain' }));

    // Act
    const stops = await guard.stops(context);

    // Assess
    expect(stops).toBe(true);
  });

  it('lets a trigger through when the run lock was released', async () => {
    // Prepare
    const guard = await guardWith(lockOf({ status: 'released', releasedAt: now.toISOString() }));

    // Act
    const stops = await guard.stops(context);

    // Assess
    expect(stops).toBe(false);
  });

  it('lets a trigger through when the run lock is older than maxRunMinutes', async () => {
    // Prepare
    const guard = await guardWith(lockOf({ minutesAgo: 60 }));

    // Act
    const stops = await guard.stops(context);

    // Assess
    expect(stops).toBe(false);
  });

  it('still stops on an executing run when the run lock is stale', async () => {
    // Prepare
    const guard = await guardWith(lockOf({ minutesAgo: 61 }), true);

    // Act
    const stops = await guard.stops(context);

    // Assess
    expect(stops).toBe(true);
  });

  it('lets the retry of the trigger that holds the run lock through, though its run is executing', async () => {
    // Prepare
    const guard = await guardWith(lockOf({ token }), true);

    // Act
    const stops = await guard.stops(context);

    // Assess
    expect(stops).toBe(false);
  });
});
