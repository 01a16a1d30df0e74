import { driftWindow, inWindow } from '../../../src/domain/driftWindow.js';
import { hourPrefixes } from '../../../src/domain/hourPrefixes.js';

describe('driftWindow', () => {
  it('ends graceMinutes before the scheduled time and lasts the window, the same on every redelivery', () => {
    // Act
    const a = driftWindow(new Date('2026-03-02T00:10:00Z'), 1440, 10);
    const b = driftWindow(new Date('2026-03-02T00:10:00Z'), 1440, 10);

    // Assess
    expect(a).toEqual({ start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-03-02T00:00:00Z') });
    expect(b).toEqual(a);
  });

  it('counts a record at the start in the window and one at the end outside it', () => {
    // Prepare
    const window = driftWindow(new Date('2026-03-02T00:10:00Z'), 1440, 10);

    // Act / Assess
    expect(inWindow(window, '2026-03-01T00:00:00.000Z')).toBe(true);
    expect(inWindow(window, '2026-03-02T00:00:00.000Z')).toBe(false);
    expect(inWindow(window, 'yesterday')).toBe(false);
  });
});

describe('hourPrefixes', () => {
  it('lists the UTC hours of a window across midnight', () => {
    // Act
    const prefixes = hourPrefixes(
      'capture/churn/AllTraffic/',
      new Date('2026-03-01T22:30:00Z'),
      new Date('2026-03-02T01:00:00Z'),
    );

    // Assess
    expect(prefixes).toEqual([
      'capture/churn/AllTraffic/2026/03/01/22/',
      'capture/churn/AllTraffic/2026/03/01/23/',
      'capture/churn/AllTraffic/2026/03/02/00/',
    ]);
  });

  it('lists 24 hours for a day that has 23 or 25 in local time (daylight saving)', () => {
    // Prepare: Europe/Berlin moves to summer time on 2026-03-29 and back on 2026-10-25
    const spring = hourPrefixes('c', new Date('2026-03-28T23:00:00Z'), new Date('2026-03-29T23:00:00Z'));
    const autumn = hourPrefixes('c', new Date('2026-10-24T22:00:00Z'), new Date('2026-10-25T22:00:00Z'));

    // Assess
    expect(spring).toHaveLength(24);
    expect(autumn).toHaveLength(24);
    expect(new Set(autumn).size).toBe(24);
    expect(spring[0]).toBe('c/2026/03/28/23/');
    expect(spring[23]).toBe('c/2026/03/29/22/');
  });
});
