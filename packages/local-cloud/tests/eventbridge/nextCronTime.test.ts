import { InvalidCronExpressionError, nextCronTime } from '../../src/eventbridge/nextCronTime.js';

// Monday 2 June 2025, 09:00 UTC.
const monday = Date.parse('2025-06-02T09:00:00Z');
const next = (expression: string, after = monday) => {
  const at = nextCronTime(expression, after);
  return at === undefined ? undefined : new Date(at).toISOString();
};

describe('nextCronTime', () => {
  // Expressions from the EventBridge documentation's cron examples.
  it.each([
    ['cron(0 10 * * ? *)', '2025-06-02T10:00:00.000Z'],
    ['cron(15 12 * * ? *)', '2025-06-02T12:15:00.000Z'],
    ['cron(0 3 * * ? *)', '2025-06-03T03:00:00.000Z'],
    ['cron(0 18 ? * MON-FRI *)', '2025-06-02T18:00:00.000Z'],
    ['cron(0 8 1 * ? *)', '2025-07-01T08:00:00.000Z'],
    ['cron(0/15 * * * ? *)', '2025-06-02T09:15:00.000Z'],
    ['cron(0/10 * ? * MON-FRI *)', '2025-06-02T09:10:00.000Z'],
    ['cron(0/5 8-17 ? * MON-FRI *)', '2025-06-02T09:05:00.000Z'],
    ['cron(0 9 ? * 2#1 *)', '2025-07-07T09:00:00.000Z'],
    ['cron(0 0 L * ? *)', '2025-06-30T00:00:00.000Z'],
    ['cron(0 12 ? * 6L *)', '2025-06-27T12:00:00.000Z'],
    ['cron(0 12 ? * SAT,SUN *)', '2025-06-07T12:00:00.000Z'],
    ['cron(30 6 15W * ? *)', '2025-06-16T06:30:00.000Z'],
    ['cron(0 0 1 JAN ? 2026)', '2026-01-01T00:00:00.000Z'],
  ])('finds the next time %s fires after Monday 2 June 2025 09:00 UTC', (expression, expected) => {
    // Act
    const result = next(expression);

    // Assess
    expect(result).toBe(expected);
  });

  it('returns a time strictly after the one given', () => {
    // Act
    const result = next('cron(0 9 * * ? *)');

    // Assess
    expect(result).toBe('2025-06-03T09:00:00.000Z');
  });

  it('returns undefined for a schedule that never comes', () => {
    // Act
    const result = next('cron(0 0 30 FEB ? *)');

    // Assess
    expect(result).toBeUndefined();
  });

  it.each([
    ['cron(0 10 * * *)', 'expected six fields'],
    ['cron(0 10 * * * *)', 'exactly one of day-of-month and day-of-week must be ?'],
    ['cron(61 10 * * ? *)', '"61" is not in 0-59'],
    ['cron(0 10 ? * FUNDAY *)', '"FUNDAY" is not in 1-7'],
  ])('throws InvalidCronExpressionError for %s', (expression, problem) => {
    // Act
    const act = () => nextCronTime(expression, monday);

    // Assess
    expect(act).toThrow(InvalidCronExpressionError);
    expect(act).toThrow(problem);
  });
});
