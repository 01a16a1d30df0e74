import { MemoryRecordsRepository } from '@fleet/shared';
import { RecordsTriggerStore } from '../../../../src/adapters/RecordsTriggerStore.js';
import { inFlightGuard } from '../../../../src/app/guards/inFlightGuard.js';
import type { RunLockRequest } from '../../../../src/app/ports.js';
import { FakeRunner, scheduleTrigger, settings } from '../../../support/fakes.js';

const token = 't'.repeat(64);
const now = new Date('2026-03-02T12:00:00.000Z');
const maxRunMinutes = 60;
const context = {
  request: scheduleTrigger(),
  settings: settings({ maxRunMinutes }),
  token,
  attempt: 'attempt-1',
  now,
};

type LockSpec = Partial<RunLockRequest> & { minutesAgo?: number; released?: boolean };

/** A lock on churn-retrain held by another trigger, taken `minutesAgo` before `now` for maxRunMinutes. */
const lockOf = (spec: LockSpec = {}): LockSpec => spec;

const guardWith = async (lock: LockSpec | undefined, executing = false) => {
  const runner = new FakeRunner();
  runner.executing = executing;
  const store = new RecordsTriggerStore(new MemoryRecordsRepository());
  if (lock !== undefined) {
    const { minutesAgo = 5, released = false, ...fields } = lock;
    const request: RunLockRequest = {
      pipelineName: 'churn-retrain',
      pipeline: 'churn-retrain',
      token: 'o'.repeat(64),
      decisionId: 'decision-other',
      trigger: { kind: 'dataset', id: 's3://b/raw/churn/a.csv#etag:1' },
      correlationId: 'corr-other',
      ...fields,
    };
    const acquiredAt = new Date(now.getTime() - minutesAgo * 60_000);
    await store.acquireRunLock(request, acquiredAt, maxRunMinutes * 60_000);
    if (released) await store.releaseRunLock(request.pipelineName, request.token, now.toISOString());
  }
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
    const guard = await guardWith(lockOf({ released: true }));

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
