import type { Guard } from '../../../../src/app/guards/Guard.js';
import { guardsInOrder, runGuards } from '../../../../src/app/guards/runGuards.js';
import { fakePorts, scheduleTrigger, settings } from '../../../support/fakes.js';

const context = {
  request: scheduleTrigger(),
  settings: settings(),
  token: 't'.repeat(64),
  attempt: 'attempt-1',
  now: new Date(),
};

describe('runGuards', () => {
  it('runs the guards in the fixed order: duplicate, paused, below retrain severity, model busy, quiet hours, in flight, cooldown, debounce', () => {
    // Act
    const reasons = guardsInOrder(fakePorts().ports).map((g) => g.reason);

    // Assess
    expect(reasons).toEqual([
      'duplicate',
      'paused',
      'below-retrain-severity',
      'model-busy',
      'quiet-hours',
      'in-flight',
      'cooldown',
      'debounced',
    ]);
  });

  it('returns the reason of the first guard that stops and asks none after it', async () => {
    // Prepare
    const asked: string[] = [];
    const guard = (reason: Guard['reason'], stops: boolean): Guard => ({
      reason,
      stops: () => {
        asked.push(reason);
        return stops;
      },
    });

    // Act
    const reason = await runGuards(
      [guard('duplicate', false), guard('quiet-hours', false), guard('in-flight', true), guard('cooldown', true)],
      context,
    );

    // Assess
    expect(reason).toBe('in-flight');
    expect(asked).toEqual(['duplicate', 'quiet-hours', 'in-flight']);
  });

  it('returns undefined when every guard lets the run through', async () => {
    // Act
    const reason = await runGuards(guardsInOrder(fakePorts().ports), context);

    // Assess
    expect(reason).toBeUndefined();
  });
});
