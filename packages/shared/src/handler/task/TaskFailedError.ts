/**
 * The error a Step Functions task reports for a failure that has no name of its own.
 *
 * Lambda reports a thrown error's `name` as the task's `Error`, and a state machine's `Catch`
 * and `Retry` match on it; a plain `Error` (or a thrown string) would surface as `Error`, which
 * no rule can tell apart from anything else. The original error is kept as `cause`.
 */
export class TaskFailedError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TaskFailedError';
  }
}
