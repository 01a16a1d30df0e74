import { LocalClock } from '../../src/clock/LocalClock.js';
import { ClockDateInstalledError, installClockDate } from '../../src/cloud/installClockDate.js';

describe('installClockDate', () => {
  let restore: (() => void) | undefined;

  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('makes new Date() and Date.now() read the clock, and follows it when it moves', async () => {
    // Prepare
    const clock = new LocalClock({ start: '2025-06-02T09:00:00Z' });
    restore = installClockDate(clock);

    // Act
    const before = new Date();
    await clock.tick('2h');
    const after = Date.now();

    // Assess
    expect(before.getTime() - Date.parse('2025-06-02T09:00:00Z')).toBeLessThan(5000);
    expect(after - Date.parse('2025-06-02T11:00:00Z')).toBeLessThan(5000);
    expect(after).toBeGreaterThanOrEqual(Date.parse('2025-06-02T11:00:00Z'));
    expect(new Date(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(new Date() instanceof Date).toBe(true);
  });

  it('never goes backwards between readings', () => {
    // Prepare
    restore = installClockDate(new LocalClock({ start: '2025-06-02T09:00:00Z' }));

    // Act
    const readings = Array.from({ length: 1000 }, () => Date.now());

    // Assess
    expect(readings.every((reading, index) => index === 0 || reading >= readings[index - 1])).toBe(true);
  });

  it('puts the real Date back and refuses a second clock while one is installed', () => {
    // Prepare
    const undo = installClockDate(new LocalClock({ start: '2000-01-01T00:00:00Z' }));

    // Act
    const second = () => installClockDate(new LocalClock());
    let refused: unknown;
    try {
      second();
    } catch (error) {
      refused = error;
    }
    undo();

    // Assess
    expect(refused).toBeInstanceOf(ClockDateInstalledError);
    expect(Date.now()).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
  });
});
