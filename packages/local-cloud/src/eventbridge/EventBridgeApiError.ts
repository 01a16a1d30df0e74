/**
 * An error the local EventBridge answers a request with, in the shape AWS uses.
 *
 * `code` becomes the `__type` of the JSON 1.1 error body, so an SDK client throws an exception
 * with that name, the message and the HTTP status the real service returns.
 */
export class EventBridgeApiError extends Error {
  /** The AWS error code, e.g. `ValidationException`. */
  readonly code: string;
  readonly statusCode: number;

  constructor(code: string, message: string, statusCode = 400, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EventBridgeApiError';
    this.code = code;
    this.statusCode = statusCode;
  }
}
