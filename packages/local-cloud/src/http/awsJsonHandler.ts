import { AwsServiceError } from './AwsServiceError.js';
import { awsJsonErrorResponse, awsJsonResponse } from './awsJsonResponse.js';
import type { HttpHandler } from './startHttpServer.js';

/** Options of `awsJsonHandler`. */
export type AwsJsonHandlerOptions = {
  /** The target prefix of the service's operations: `SageMaker`, `AWSEvents`, `AWSStepFunctions`... */
  targetPrefix: string;
  /** Runs one operation on the parsed request body; an `AwsServiceError` it throws is the answer. */
  handle: (operation: string, body: unknown) => Promise<unknown>;
  /** The error for a request that names no operation of the service (default: `UnknownOperationException`). */
  unknownOperation?: (method: string, target: string | undefined) => AwsServiceError;
  /** Turns any other failure into the service's error (default: none, the server answers 500 `InternalFailure`). */
  internalError?: (error: unknown) => AwsServiceError;
};

/**
 * Serves an awsJson protocol (1.0 or 1.1): `POST /` with `X-Amz-Target: <prefix>.<Operation>`
 * and a JSON body, answered with JSON and AWS's error shape.
 *
 * Every JSON-protocol stand-in (EventBridge, SageMaker, and Step Functions, SSM and CloudWatch
 * to come) answers through this one function, so routing, body parsing, the
 * `SerializationException` for a body that is not JSON and the wire shape of errors
 * (`awsJsonErrorResponse`) are the same everywhere.
 */
export const awsJsonHandler =
  (options: AwsJsonHandlerOptions): HttpHandler =>
  async (request) => {
    try {
      const header = request.headers['x-amz-target'];
      const target = typeof header === 'string' ? header : undefined;
      const [prefix, operation] = target?.split('.') ?? [];
      if (request.method !== 'POST' || prefix !== options.targetPrefix || !operation) {
        throw (
          options.unknownOperation?.(request.method, target) ??
          new AwsServiceError('UnknownOperationException', `Unknown operation ${String(target)}`)
        );
      }
      let body: unknown;
      try {
        body = request.body.trim() === '' ? {} : JSON.parse(request.body);
      } catch (error) {
        throw new AwsServiceError('SerializationException', 'The request body is not valid JSON', 400, {
          cause: error,
        });
      }
      return awsJsonResponse(200, await options.handle(operation, body));
    } catch (error) {
      if (error instanceof AwsServiceError) return awsJsonErrorResponse(error);
      if (options.internalError !== undefined) return awsJsonErrorResponse(options.internalError(error));
      throw error;
    }
  };
