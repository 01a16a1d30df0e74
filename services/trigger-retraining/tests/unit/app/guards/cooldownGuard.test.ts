import { MemoryRecordsRepository } from '@fleet/shared';
import { RecordsTriggerStore } from '../../../../src/adapters/RecordsTriggerStore.js';
import { cooldownGuard } from '../../../../src/app/guards/cooldownGuard.js';
import type { TriggerDecision } from '../../../../src/app/ports.js';
import { scheduleTrigger, settings } from '../../../support/fakes.js';

const started = (at: string, decision: TriggerDecision['decision'] = 'started'): TriggerDecision => ({
  id: at,
  at,
  pipeline: 'churn-retrain',
  trigger: { kind: 'manual', id: at },
  reason: 'r',
  correlationId: 'c',
  token: 't',
  decision,
});

const context = (now: string, cooldownMinutes = 60) => ({
  request: scheduleTrigger(),
  settings: settings({ cooldownMinutes }),
  token: 't'.repeat(64),
  attempt: 'attempt-1',
  now: new Date(now),
});

describe('cooldownGuard', () => {
  it('stops a trigger within the cooldown of the last start', async () => {
    // Prepare
    const store = new RecordsTriggerStore(new MemoryRecordsRepository());
    await store.recordDecision(started('2026-03-02T11:30:00.000Z'));

    // Act
    const stops = await cooldownGuard(store).stops(context('2026-03-02T12:00:00.000Z'));

    // Assess
    expect(stops).toBe(true);
  });

  it('lets a trigger through once the cooldown has passed', async () => {
    // Prepare
    const store = new RecordsTriggerStore(new MemoryRecordsRepository());
    await store.recordDecision(started('2026-03-02T11:00:00.000Z'));

    // Act
    const stops = await cooldownGuard(store).stops(context('2026-03-02T12:00:00.000Z'));

    // Assess
    expect(stops).toBe(false);
  });

  it('counts starts only, not skips', async () => {
    // Prepare
    const store = new RecordsTriggerStore(new MemoryRecordsRepository());
    await store.recordDecision(started('2026-03-02T11:59:00.000Z', 'skipped'));

    // Act
    const stops = await cooldownGuard(store).stops(context('2026-03-02T12:00:00.000Z'));

    // Assess
    expect(stops).toBe(false);
  });

  it('reads nothing when the cooldown is 0', async () => {
    // Prepare
    const store = new RecordsTriggerStore(new MemoryRecordsRepository());
    const lastStartAt = jest.spyOn(store, 'lastStartAt');

    // Act
    const stops = await cooldownGuard(store).stops(context('2026-03-02T12:00:00.000Z', 0));

    // Assess
    expect(stops).toBe(false);
    expect(lastStartAt).not.toHaveBeenCalled();
  });
});
