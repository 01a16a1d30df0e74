/**
 * An AWS call of a command failed (missing table, no credentials, access refused, endpoint
 * unreachable); the message says what, where (resource and region) and what to check, and the
 * SDK's error is the `cause`.
 */
export class AwsCommandError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AwsCommandError';
  }
}
