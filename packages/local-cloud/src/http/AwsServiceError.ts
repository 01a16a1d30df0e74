/**
 * An error a stand-in returns to an SDK client, with the AWS error code and HTTP status.
 *
 * The protocol layer (awsJson or restJson) turns it into the wire shape the real service uses,
 * so an SDK client throws the same named exception it would against AWS.
 */
export class AwsServiceError extends Error {
  /** The AWS error code, e.g. `ValidationException` or `ResourceNotFound`. */
  readonly code: string;
  readonly statusCode: number;

  constructor(code: string, message: string, statusCode = 400, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AwsServiceError';
    this.code = code;
    this.statusCode = statusCode;
  }
}
