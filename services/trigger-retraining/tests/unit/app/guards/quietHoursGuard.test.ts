import type { GuardContext } from '../../../../src/app/guards/Guard.js';
import { inQuietWindow, quietHoursGuard } from '../../../../src/app/guards/quietHoursGuard.js';
import { scheduleTrigger, settings } from '../../../support/fakes.js';

const berlinNights = { start: '23:00', end: '05:00', timeZone: 'Europe/Berlin' };

const context = (now: string, kind: 'schedule' | 'drift' = 'schedule'): GuardContext => ({
  request: scheduleTrigger({ trigger: { kind, id: 'x' } }),
  settings: settings({ quietHours: [berlinNights], criticalTriggers: ['drift', 'manual'] }),
  token: 't'.repeat(64),
  attempt: 'attempt-1',
  now: new Date(now),
});

describe('quietHoursGuard', () => {
  it('stops a non-critical trigger inside the window', async () => {
    // Act: 23:30 in Berlin (CET, UTC+1) is 22:30 UTC
    const stops = await quietHoursGuard().stops(context('2026-03-02T22:30:00Z'));

    // Assess
    expect(stops).toBe(true);
  });

  it('lets a non-critical trigger through outside the window', async () => {
    // Act: 12:00 in Berlin
    const stops = await quietHoursGuard().stops(context('2026-03-02T11:00:00Z'));

    // Assess
    expect(stops).toBe(false);
  });

  it('lets a critical trigger through inside the window', async () => {
    // Act
    const stops = await quietHoursGuard().stops(context('2026-03-02T22:30:00Z', 'drift'));

    // Assess
    expect(stops).toBe(false);
  });
});

describe('inQuietWindow', () => {
  it('treats a window that crosses midnight as quiet on both sides of it', () => {
    // Act
    const beforeMidnight = inQuietWindow(berlinNights, new Date('2026-03-02T22:00:00Z')); // 23:00 Berlin
    const afterMidnight = inQuietWindow(berlinNights, new Date('2026-03-03T03:59:00Z')); // 04:59 Berlin
    const atEnd = inQuietWindow(berlinNights, new Date('2026-03-03T04:00:00Z')); // 05:00 Berlin
    const justBefore = inQuietWindow(berlinNights, new Date('2026-03-02T21:59:00Z')); // 22:59 Berlin

    // Assess
    expect([beforeMidnight, afterMidnight, atEnd, justBefore]).toEqual([true, true, false, false]);
  });

  it('reads the wall clock of the time zone, following daylight saving time', () => {
    // Act: 23:30 Berlin is 22:30 UTC in winter (CET) and 21:30 UTC in summer (CEST)
    const winter = inQuietWindow(berlinNights, new Date('2026-01-15T22:30:00Z'));
    const summer = inQuietWindow(berlinNights, new Date('2026-07-15T21:30:00Z'));
    const summerUtcHour = inQuietWindow(berlinNights, new Date('2026-07-15T20:30:00Z')); // 22:30 CEST

    // Assess
    expect([winter, summer, summerUtcHour]).toEqual([true, true, false]);
  });

  it('handles a window within one day', () => {
    // Prepare
    const lunch = { start: '12:00', end: '13:00', timeZone: 'UTC' };

    // Act
    const inside = inQuietWindow(lunch, new Date('2026-03-02T12:30:00Z'));
    const outside = inQuietWindow(lunch, new Date('2026-03-02T13:00:00Z'));

    // Assess
    expect([inside, outside]).toEqual([true, false]);
  });

  it('applies days to the day a window starts, including its hours after midnight', () => {
    // Prepare: quiet from Friday 23:00 to Saturday 05:00 only (2026-03-06 is a Friday)
    const fridayNight = { start: '23:00', end: '05:00', timeZone: 'UTC', days: ['fri' as const] };

    // Act
    const fridayLate = inQuietWindow(fridayNight, new Date('2026-03-06T23:30:00Z'));
    const saturdayEarly = inQuietWindow(fridayNight, new Date('2026-03-07T02:00:00Z'));
    const saturdayLate = inQuietWindow(fridayNight, new Date('2026-03-07T23:30:00Z'));
    const fridayEarly = inQuietWindow(fridayNight, new Date('2026-03-06T02:00:00Z'));

    // Assess
    expect([fridayLate, saturdayEarly, saturdayLate, fridayEarly]).toEqual([true, true, false, false]);
  });

  it('treats equal start and end as the whole day', () => {
    // Act
    const quiet = inQuietWindow(
      { start: '00:00', end: '00:00', timeZone: 'Asia/Kolkata' },
      new Date('2026-03-02T09:17:00Z'),
    );

    // Assess
    expect(quiet).toBe(true);
  });
});
