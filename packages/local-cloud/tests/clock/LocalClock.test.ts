import { ClockCallbackError, ClockStateError, LocalClock } from '../../src/clock/index.js';

const START = '2026-03-02T09:00:00.000Z';

describe('LocalClock', () => {
  it('returns the start time until it is ticked', () => {
    // Prepare
    const clock = new LocalClock({ start: START });

    // Act
    const now = clock.now();

    // Assess
    expect(now.toISOString()).toBe(START);
  });

  it('fires due callbacks in time order, with now() at each due time', async () => {
    // Prepare
    const clock = new LocalClock({ start: START });
    const seen: string[] = [];
    clock.after('10m', () => seen.push(`b@${clock.now().toISOString()}`));
    clock.after('5m', () => seen.push(`a@${clock.now().toISOString()}`));
    clock.after('2h', () => seen.push('late'));

    // Act
    const result = await clock.tick('1h');

    // Assess
    expect(seen).toEqual(['a@2026-03-02T09:05:00.000Z', 'b@2026-03-02T09:10:00.000Z']);
    expect(result).toEqual({ now: new Date('2026-03-02T10:00:00.000Z'), fired: 2 });
    expect(clock.pending()).toHaveLength(1);
  });

  it('fires callbacks due at the same time in registration order', async () => {
    // Prepare
    const clock = new LocalClock({ start: START });
    const seen: number[] = [];
    for (const n of [1, 2, 3]) clock.after('1m', () => seen.push(n));

    // Act
    await clock.tick('1m');

    // Assess
    expect(seen).toEqual([1, 2, 3]);
  });

  it('awaits each callback before firing the next', async () => {
    // Prepare
    const clock = new LocalClock({ start: START });
    const seen: string[] = [];
    clock.after(1000, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      seen.push('slow');
    });
    clock.after(2000, () => seen.push('fast'));

    // Act
    await clock.tick(2000);

    // Assess
    expect(seen).toEqual(['slow', 'fast']);
  });

  it('fires callbacks registered while ticking when they fall within the tick', async () => {
    // Prepare
    const clock = new LocalClock({ start: START });
    const seen: string[] = [];
    clock.after('1m', () => {
      seen.push('first');
      clock.after('1m', () => seen.push('chained'));
      clock.after('1h', () => seen.push('outside'));
    });

    // Act
    await clock.tick('5m');

    // Assess
    expect(seen).toEqual(['first', 'chained']);
  });

  it('fires a callback registered for a past time on the next tick', async () => {
    // Prepare
    const clock = new LocalClock({ start: START });
    const seen: string[] = [];
    clock.at('2020-01-01T00:00:00Z', () => seen.push(clock.now().toISOString()));

    // Act
    await clock.tick(0);

    // Assess
    expect(seen).toEqual([START]);
  });

  it('skips a cancelled callback', async () => {
    // Prepare
    const clock = new LocalClock({ start: START });
    const seen: string[] = [];
    const timer = clock.after('1m', () => seen.push('cancelled'));
    clock.after('2m', () => seen.push('kept'));

    // Act
    const cancelled = timer.cancel();
    await clock.tick('5m');

    // Assess
    expect(cancelled).toBe(true);
    expect(timer.cancel()).toBe(false);
    expect(seen).toEqual(['kept']);
  });

  it('throws ClockCallbackError after firing the rest when a callback throws', async () => {
    // Prepare
    const clock = new LocalClock({ start: START });
    const seen: string[] = [];
    clock.after('1m', () => {
      throw new Error('target down');
    });
    clock.after('2m', () => seen.push('still fired'));

    // Act
    const outcome = clock.tick('5m');

    // Assess
    await expect(outcome).rejects.toThrow(ClockCallbackError);
    await expect(outcome).rejects.toThrow('target down');
    expect(seen).toEqual(['still fired']);
    expect(clock.now().toISOString()).toBe('2026-03-02T09:05:00.000Z');
  });

  it('throws ClockStateError when a callback ticks the clock again', async () => {
    // Prepare
    const clock = new LocalClock({ start: START });
    clock.after('1m', () => clock.tick('1m'));

    // Act
    const outcome = clock.tick('5m');

    // Assess
    await expect(outcome).rejects.toMatchObject({ errors: [expect.any(ClockStateError)] });
  });

  it('throws ClockStateError when asked to move back in time', async () => {
    // Prepare
    const clock = new LocalClock({ start: START });

    // Act
    const outcome = clock.advanceTo('2026-03-01T00:00:00Z');

    // Assess
    await expect(outcome).rejects.toThrow(ClockStateError);
  });

  it('advances to an absolute time and reports the next due callback', async () => {
    // Prepare
    const clock = new LocalClock({ start: START });
    clock.after('3h', () => undefined);

    // Act
    await clock.advanceTo('2026-03-02T10:00:00Z');

    // Assess
    expect(clock.now().toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(clock.nextAt()?.toISOString()).toBe('2026-03-02T12:00:00.000Z');
  });
});
