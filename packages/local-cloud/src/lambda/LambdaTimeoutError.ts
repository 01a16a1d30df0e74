/**
 * The error an invocation ends with when the handler runs past the function's timeout.
 *
 * The message is Lambda's (`Task timed out after 6.00 seconds`). In process the handler cannot be
 * killed: it may keep running in the background, but its result is ignored.
 */
export class LambdaTimeoutError extends Error {
  readonly timeoutSeconds: number;

  constructor(functionName: string, timeoutSeconds: number, options?: ErrorOptions) {
    super(`${functionName}: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`, options);
    this.name = 'LambdaTimeoutError';
    this.timeoutSeconds = timeoutSeconds;
  }
}
