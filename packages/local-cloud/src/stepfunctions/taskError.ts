/**
 * An error a task fails with, as the state machine sees it: `name` is the `Error` that `Retry` and
 * `Catch` match, `message` the `Cause`.
 *
 * `catchable: false` makes it pass every `Retry` and `Catch` (an execution being stopped).
 */
export const taskError = (error: string, cause: string, options: { catchable?: boolean } = {}): Error => {
  const failure = new Error(cause);
  failure.name = error;
  if (options.catchable === false) {
    // The library reads these two flags of its own runtime errors; plain errors count as both.
    Object.defineProperties(failure, { isRetryable: { value: false }, isCatchable: { value: false } });
  }
  return failure;
};
