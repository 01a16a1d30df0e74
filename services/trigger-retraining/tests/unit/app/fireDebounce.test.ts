import { decideTrigger } from '../../../src/app/decideTrigger.js';
import { fireDebounce } from '../../../src/app/fireDebounce.js';
import { followExecution } from '../../../src/app/followExecution.js';
import type { TriggerRequest } from '../../../src/domain/TriggerRequest.js';
import { fakePorts, settings } from '../../support/fakes.js';

const prefix = 's3://b/raw/churn/';
const debouncing = settings({ debounceSeconds: 120 });

const landing = (n: number): TriggerRequest => ({
  pipeline: 'churn-retrain',
  trigger: { kind: 'dataset', id: `s3://b/raw/churn/part-${n}.csv#etag:${n}` },
  reason: `landing ${n}`,
  correlationId: `corr-${n}`,
  requested: {},
  offered: { s3Uri: `s3://b/raw/churn/part-${n}.csv`, dataset: 'churn' },
  landing: { prefix, bucket: 'b', key: `raw/churn/part-${n}.csv`, dataset: 'churn' },
});

describe('fireDebounce', () => {
  it('starts one run for five landings once the prefix has been quiet for the window', async () => {
    // Prepare
    const { ports, clock, scheduler, runner, events } = fakePorts('2026-03-02T12:00:00.000Z');
    for (const n of [1, 2, 3, 4, 5]) {
      await decideTrigger(landing(n), debouncing, ports);
      clock.advance(10_000);
    }
    clock.set(scheduler.armed[4].at.toISOString());

    // Act
    const outcome = await fireDebounce(scheduler.armed[4].payload, debouncing, ports);

    // Assess
    expect(outcome.status).toBe('started');
    expect(runner.starts).toHaveLength(1);
    expect(runner.starts[0].parameters).toContainEqual({ Name: 'InputDataUri', Value: prefix });
    expect(events.ofType('Retraining Started')).toHaveLength(1);
    expect(events.ofType('Retraining Started')[0].detail).toMatchObject({
      correlationId: 'corr-5',
      trigger: { kind: 'dataset', id: `${prefix}@s3://b/raw/churn/part-5.csv#etag:5` },
      reason: expect.stringContaining('5 dataset landings under s3://b/raw/churn/'),
    });
    expect(events.ofType('Retraining Skipped').map((e) => e.detail.skipReason)).toEqual(Array(5).fill('debounced'));
  });

  it('does nothing but re-arm when a later landing re-armed the window', async () => {
    // Prepare
    const { ports, clock, scheduler, runner } = fakePorts('2026-03-02T12:00:00.000Z');
    await decideTrigger(landing(1), debouncing, ports);
    const first = scheduler.armed[0];
    clock.advance(60_000);
    await decideTrigger(landing(2), debouncing, ports);
    clock.set(first.at.toISOString());

    // Act
    const outcome = await fireDebounce(first.payload, debouncing, ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'ignored' });
    expect(runner.starts).toHaveLength(0);
    expect(scheduler.armed.at(-1)?.at).toEqual(new Date('2026-03-02T12:03:00.000Z'));
  });

  it('starts nothing new when the fire is delivered again', async () => {
    // Prepare
    const { ports, clock, scheduler, runner, events } = fakePorts('2026-03-02T12:00:00.000Z');
    await decideTrigger(landing(1), debouncing, ports);
    clock.set(scheduler.armed[0].at.toISOString());
    await fireDebounce(scheduler.armed[0].payload, debouncing, ports);

    // Act
    const again = await fireDebounce(scheduler.armed[0].payload, debouncing, ports);

    // Assess
    expect(again).toMatchObject({ status: 'skipped', skipReason: 'duplicate' });
    expect(runner.starts).toHaveLength(1);
    expect(events.ofType('Retraining Started')).toHaveLength(1);
  });

  it('starts a new window after a run, counting landings afresh', async () => {
    // Prepare
    const { ports, clock, scheduler, store } = fakePorts('2026-03-02T12:00:00.000Z');
    await decideTrigger(landing(1), debouncing, ports);
    await decideTrigger(landing(2), debouncing, ports);
    clock.set(scheduler.armed[1].at.toISOString());
    const run = await fireDebounce(scheduler.armed[1].payload, debouncing, ports);
    clock.advance(3_600_000);
    const executionArn = run.status === 'started' ? run.executionArn : 'no run started';
    await followExecution({ executionArn, status: 'Succeeded', at: clock.now().toISOString() }, ports);

    // Act
    await decideTrigger(landing(3), debouncing, ports);

    // Assess
    expect(await store.getPending('churn-retrain', prefix)).toMatchObject({
      landings: 1,
      firstLandingAt: '2026-03-02T13:02:00.000Z',
    });
  });

  it('ignores a fire for a prefix with nothing pending', async () => {
    // Prepare
    const { ports, runner } = fakePorts();

    // Act
    const outcome = await fireDebounce(
      { kind: 'debounce', pipeline: 'churn-retrain', prefix, armedAt: '2026-03-02T11:00:00.000Z' },
      debouncing,
      ports,
    );

    // Assess
    expect(outcome).toEqual({ status: 'ignored', why: `no landings pending under ${prefix}` });
    expect(runner.starts).toHaveLength(0);
  });
});
