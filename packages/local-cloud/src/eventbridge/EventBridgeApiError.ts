import { AwsServiceError } from '../http/AwsServiceError.js';

/**
 * An error the local EventBridge answers a request with, in the shape AWS uses.
 *
 * `code` becomes the `__type` of the JSON 1.1 error body, so an SDK client throws an exception
 * with that name, the message and the HTTP status the real service returns. It is an
 * `AwsServiceError`, written to the wire as the other stand-ins' errors are.
 */
export class EventBridgeApiError extends AwsServiceError {
  constructor(code: string, message: string, statusCode = 400, options?: ErrorOptions) {
    super(code, message, statusCode, options);
    this.name = 'EventBridgeApiError';
  }
}
