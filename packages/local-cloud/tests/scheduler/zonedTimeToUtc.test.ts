import { isTimeZone, zonedTimeToUtc } from '../../src/scheduler/index.js';

const nineAm = (year: number, month: number, day: number) => ({ year, month, day, hour: 9, minute: 0, second: 0 });

describe('zonedTimeToUtc', () => {
  it.each([
    ['UTC', nineAm(2026, 1, 15), '2026-01-15T09:00:00.000Z'],
    ['Europe/Paris', nineAm(2026, 1, 15), '2026-01-15T08:00:00.000Z'],
    ['Europe/Paris', nineAm(2026, 7, 1), '2026-07-01T07:00:00.000Z'],
    ['America/New_York', nineAm(2026, 3, 8), '2026-03-08T13:00:00.000Z'],
    ['America/New_York', nineAm(2026, 3, 7), '2026-03-07T14:00:00.000Z'],
    ['Asia/Kolkata', nineAm(2026, 3, 2), '2026-03-02T03:30:00.000Z'],
  ])('returns the instant of 9:00 in %s on %o', (timeZone, local, expected) => {
    // Act
    const ms = zonedTimeToUtc(local, timeZone);

    // Assess
    expect(new Date(ms).toISOString()).toBe(expected);
  });

  it('returns false for a time zone the runtime does not know', () => {
    // Act
    const known = [isTimeZone('Europe/Paris'), isTimeZone('Mars/Olympus')];

    // Assess
    expect(known).toEqual([true, false]);
  });
});
