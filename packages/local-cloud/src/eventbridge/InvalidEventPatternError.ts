/**
 * Thrown when an event pattern is not one EventBridge would accept.
 *
 * The message reads like the `InvalidEventPatternException` PutRule returns
 * (`Event pattern is not valid. Reason: ...`), followed by where in the pattern the problem is,
 * so a rule that works locally is also accepted by AWS.
 */
export class InvalidEventPatternError extends Error {
  /** The AWS error code EventBridge uses for the same problem. */
  readonly code = 'InvalidEventPatternException';
  /** The AWS-worded reason, without the location. */
  readonly reason: string;
  /** The dotted field path where the problem is (empty for the pattern as a whole). */
  readonly path: string;

  constructor(reason: string, path = '', options?: ErrorOptions) {
    super(`Event pattern is not valid. Reason: ${reason}${path ? ` (at "${path}")` : ''}`, options);
    this.name = 'InvalidEventPatternError';
    this.reason = reason;
    this.path = path;
  }
}
