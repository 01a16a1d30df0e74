import { MemoryRecordsRepository, writePauseChange } from '@fleet/shared';
import { RecordsTriggerStore } from '../../../../src/adapters/RecordsTriggerStore.js';
import { decideTrigger } from '../../../../src/app/decideTrigger.js';
import { pausedGuard } from '../../../../src/app/guards/pausedGuard.js';
import type { TriggerRequest } from '../../../../src/domain/TriggerRequest.js';
import { fakePorts, scheduleTrigger, settings } from '../../../support/fakes.js';

const NOW = '2026-03-02T12:00:00.000Z';

const context = (request: TriggerRequest = scheduleTrigger(), models: readonly string[] = ['churn']) => ({
  request,
  settings: { ...settings(), models },
  token: 't'.repeat(64),
  attempt: 'attempt-1',
  now: new Date(NOW),
});

const pause = (
  records: MemoryRecordsRepository,
  model: string,
  change: { retraining?: boolean; deployment?: boolean; action?: 'pause' | 'resume'; at?: string; reason?: string },
) =>
  writePauseChange(records, {
    model,
    action: change.action ?? 'pause',
    retraining: change.retraining,
    deployment: change.deployment,
    by: 'alice',
    reason: change.reason,
    now: new Date(change.at ?? '2026-03-02T09:00:00.000Z'),
    changeId: `change-${model}-${change.at ?? 'first'}-${change.action ?? 'pause'}`,
  });

describe('pausedGuard', () => {
  it('lets a trigger through when no model of the pipeline was ever paused', async () => {
    // Prepare
    const store = new RecordsTriggerStore(new MemoryRecordsRepository());

    // Act
    const stops = await pausedGuard(store).stops(context());

    // Assess
    expect(stops).toBe(false);
  });

  it.each([
    ['schedule', scheduleTrigger()],
    ['manual', scheduleTrigger({ trigger: { kind: 'manual', id: 'm-1' } })],
    ['dataset', scheduleTrigger({ trigger: { kind: 'dataset', id: 'd-1' } })],
    [
      'drift',
      scheduleTrigger({
        trigger: { kind: 'drift', id: 'w-1' },
        drift: { model: 'churn', severity: 'critical', retrainOn: 'critical' },
      }),
    ],
  ])(
    'stops a %s trigger while a model of the pipeline has its retraining paused, saying who and why',
    async (_kind, request) => {
      // Prepare
      const records = new MemoryRecordsRepository();
      await pause(records, 'churn', { retraining: true, reason: 'labels late upstream' });

      // Act
      const stops = await pausedGuard(new RecordsTriggerStore(records)).stops(context(request));

      // Assess
      expect(stops).toEqual({
        details: {
          pausedModel: 'churn',
          pausedBy: 'alice',
          pausedAt: '2026-03-02T09:00:00.000Z',
          pauseReason: 'labels late upstream',
        },
      });
    },
  );

  it('stops the pipeline when any of its models is paused, naming the last one paused', async () => {
    // Prepare
    const records = new MemoryRecordsRepository();
    await pause(records, 'churn', { retraining: true });
    await pause(records, 'churn-eu', { retraining: true, at: '2026-03-02T10:00:00.000Z' });

    // Act
    const stops = await pausedGuard(new RecordsTriggerStore(records)).stops(
      context(scheduleTrigger(), ['churn', 'churn-eu']),
    );

    // Assess
    expect(stops).toMatchObject({ details: { pausedModel: 'churn-eu', pausedAt: '2026-03-02T10:00:00.000Z' } });
  });

  it('lets a trigger through when only deployments are paused, or after a resume', async () => {
    // Prepare
    const records = new MemoryRecordsRepository();
    await pause(records, 'churn', { deployment: true });
    await pause(records, 'fraud', {});
    await pause(records, 'fraud', { action: 'resume', retraining: true, at: '2026-03-02T11:00:00.000Z' });
    const guard = pausedGuard(new RecordsTriggerStore(records));

    // Act
    const churn = await guard.stops(context(scheduleTrigger(), ['churn']));
    const fraud = await guard.stops(context(scheduleTrigger(), ['fraud']));

    // Assess
    expect(churn).toBe(false);
    expect(fraud).toBe(false);
  });

  it('lets a pipeline no model trains through without reading anything', async () => {
    // Prepare
    const records = new MemoryRecordsRepository();
    const get = jest.spyOn(records, 'get');

    // Act
    const stops = await pausedGuard(new RecordsTriggerStore(records)).stops(context(scheduleTrigger(), []));

    // Assess
    expect(stops).toBe(false);
    expect(get).not.toHaveBeenCalled();
  });
});

describe('decideTrigger while paused', () => {
  it('records the skip as paused with who paused and why, announces Retraining Skipped and starts nothing', async () => {
    // Prepare
    const { ports, records, runner, events } = fakePorts(NOW);
    await pause(records, 'churn', { retraining: true, reason: 'labels late upstream' });

    // Act
    const outcome = await decideTrigger(scheduleTrigger(), settings(), ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', skipReason: 'paused' });
    expect(runner.starts).toHaveLength(0);
    const decisions = (await records.history('PIPELINE#churn-retrain')).filter((r) => r.kind === 'trigger');
    expect(decisions).toEqual([
      expect.objectContaining({
        decision: 'skipped',
        skipReason: 'paused',
        skipDetails: {
          pausedModel: 'churn',
          pausedBy: 'alice',
          pausedAt: '2026-03-02T09:00:00.000Z',
          pauseReason: 'labels late upstream',
        },
      }),
    ]);
    expect(events.ofType('Retraining Skipped').map((e) => e.detail.skipReason)).toEqual(['paused']);
  });

  it('answers a redelivery of a paused trigger as a duplicate, and starts the next trigger after a resume', async () => {
    // Prepare
    const { ports, records, runner } = fakePorts(NOW);
    await pause(records, 'churn', { retraining: true });
    await decideTrigger(scheduleTrigger(), settings(), ports);

    // Act
    const redelivered = await decideTrigger(scheduleTrigger(), settings(), ports);
    await pause(records, 'churn', { action: 'resume', at: '2026-03-02T11:00:00.000Z' });
    const next = await decideTrigger(
      scheduleTrigger({ trigger: { kind: 'manual', id: 'after-resume' } }),
      settings(),
      ports,
    );

    // Assess
    expect(redelivered).toMatchObject({ status: 'skipped', skipReason: 'duplicate' });
    expect(next).toMatchObject({ status: 'started' });
    expect(runner.starts).toHaveLength(1);
  });
});
