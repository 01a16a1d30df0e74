import { modelBusyGuard } from '../../../../src/app/guards/modelBusyGuard.js';
import { retrainSeverityGuard } from '../../../../src/app/guards/retrainSeverityGuard.js';
import type { DriftTrigger } from '../../../../src/domain/TriggerRequest.js';
import { fakePorts, scheduleTrigger, settings } from '../../../support/fakes.js';

const now = new Date('2026-03-02T12:00:00.000Z');
const context = (drift?: DriftTrigger) => ({
  request: scheduleTrigger(drift === undefined ? {} : { drift, trigger: { kind: 'drift', id: 'MODEL#churn|w1' } }),
  settings: settings(),
  token: 't'.repeat(64),
  attempt: 'attempt-1',
  now,
});

describe('retrainSeverityGuard', () => {
  it.each([
    ['warning', 'critical', true],
    ['critical', 'critical', false],
    ['warning', 'warning', false],
    ['critical', 'warning', false],
  ] as const)('stops a %s drift of a model retraining on %s: %s', (severity, retrainOn, stops) => {
    // Act / Assess
    expect(retrainSeverityGuard().stops(context({ model: 'churn', severity, retrainOn }))).toBe(stops);
  });

  it('lets every other trigger pass', () => {
    // Act / Assess
    expect(retrainSeverityGuard().stops(context())).toBe(false);
  });
});

describe('modelBusyGuard', () => {
  it('lets a trigger that is not a drift pass without a read', async () => {
    // Prepare
    const { ports, runner } = fakePorts();
    runner.executing = true;

    // Act / Assess
    await expect(modelBusyGuard(ports.runner, ports.store).stops(context())).resolves.toBe(false);
  });

  it('stops a drift while the model waits for approval, and lets it pass once the approval is decided', async () => {
    // Prepare
    const { ports, records } = fakePorts();
    const guard = modelBusyGuard(ports.runner, ports.store);
    const drift = { model: 'churn', severity: 'critical', retrainOn: 'critical' } as const;
    const approval = {
      pk: 'MODEL#churn',
      sk: '2026-03-02T10:00:00.000Z#approval#a1',
      kind: 'approval' as const,
      id: 'a1',
      at: '2026-03-02T10:00:00.000Z',
      correlationId: 'c',
      state: 'sent',
      expiresAt: '2026-03-03T10:00:00.000Z',
    };
    await records.put(approval);

    // Act
    const waiting = await guard.stops(context(drift));
    await records.put({ ...approval, state: 'closed', decision: 'rejected', decidedAt: '2026-03-02T11:00:00.000Z' });
    const rejected = await guard.stops(context(drift));

    // Assess
    expect(waiting).toBe(true);
    expect(rejected).toBe(false);
  });
});
