/**
 * How long before the next attempt of a state that failed with `errorName`, as its `Retry`
 * says: the first retrier whose `ErrorEquals` matches (`States.ALL`, and `States.TaskFailed` for
 * anything but `States.Timeout`, as Step Functions matches them) waits
 * `IntervalSeconds × BackoffRate^attempts`, at most `MaxDelaySeconds`, in milliseconds.
 *
 * `attempts` counts the retries of each retrier of the state so far and is advanced here; the
 * result is undefined when no retrier matches or the matching one has used its `MaxAttempts`
 * (the error then goes to `Catch`). `JitterStrategy: FULL` is not applied (the wait is the full interval).
 *
 * @example retryDelay([{ ErrorEquals: ['Boom'], IntervalSeconds: 10, BackoffRate: 3 }], [1], 'Boom') // 30000
 */
export const retryDelay = (
  retriers: readonly Record<string, unknown>[],
  attempts: number[],
  errorName: string,
): number | undefined => {
  const timedOut = errorName === 'States.Timeout';
  const index = retriers.findIndex((retrier) =>
    ((retrier.ErrorEquals as string[] | undefined) ?? []).some(
      (name) => name === errorName || name === 'States.ALL' || (name === 'States.TaskFailed' && !timedOut),
    ),
  );
  if (index < 0) return undefined;
  const retrier = retriers[index];
  const maxAttempts = typeof retrier.MaxAttempts === 'number' ? retrier.MaxAttempts : 3;
  const done = attempts[index] ?? 0;
  if (done >= maxAttempts) return undefined;
  const interval = typeof retrier.IntervalSeconds === 'number' ? retrier.IntervalSeconds : 1;
  const backoff = typeof retrier.BackoffRate === 'number' ? retrier.BackoffRate : 2;
  const max = typeof retrier.MaxDelaySeconds === 'number' ? retrier.MaxDelaySeconds : Number.POSITIVE_INFINITY;
  attempts[index] = done + 1;
  return Math.min(interval * backoff ** done, max) * 1000;
};
