import { retryDelay } from '../../src/stepfunctions/retryDelay.js';

describe('retryDelay', () => {
  it('waits IntervalSeconds times BackoffRate to the power of the attempts so far, capped by MaxDelaySeconds', () => {
    // Prepare
    const retriers = [
      { ErrorEquals: ['Boom'], IntervalSeconds: 10, BackoffRate: 3, MaxAttempts: 4, MaxDelaySeconds: 60 },
    ];
    const attempts: number[] = [];

    // Act
    const delays = [1, 2, 3, 4, 5].map(() => retryDelay(retriers, attempts, 'Boom'));

    // Assess
    expect(delays).toEqual([10_000, 30_000, 60_000, 60_000, undefined]);
  });

  it('uses the defaults of 1 second, a backoff of 2 and 3 attempts', () => {
    // Prepare
    const attempts: number[] = [];

    // Act
    const delays = [1, 2, 3, 4].map(() => retryDelay([{ ErrorEquals: ['States.ALL'] }], attempts, 'Any'));

    // Assess
    expect(delays).toEqual([1000, 2000, 4000, undefined]);
  });

  it('matches States.TaskFailed for every error but States.Timeout, and takes the first matching retrier', () => {
    // Prepare
    const retriers = [
      { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 5 },
      { ErrorEquals: ['States.Timeout'], IntervalSeconds: 7 },
    ];

    // Act
    const failed = retryDelay(retriers, [], 'Lambda.ServiceException');
    const timedOut = retryDelay(retriers, [], 'States.Timeout');
    const none = retryDelay([{ ErrorEquals: ['Other'] }], [], 'Boom');

    // Assess
    expect([failed, timedOut, none]).toEqual([5000, 7000, undefined]);
  });
});
