import { AwsServiceError } from '../http/AwsServiceError.js';
import { awsJsonErrorResponse, awsJsonResponse } from '../http/awsJsonResponse.js';
import type { HttpHandler } from '../http/startHttpServer.js';

/** The part of LocalSageMaker the HTTP layer needs. */
export type SageMakerOperations = { handle: (operation: string, body: unknown) => Promise<Record<string, unknown>> };

/**
 * Serves the SageMaker awsJson1_1 protocol: `POST /` with `X-Amz-Target: SageMaker.<Operation>`.
 *
 * Errors are written as SageMaker writes them, `{"__type": "<Code>", "message": "..."}` with
 * status 400 and the code in `x-amzn-ErrorType` (`awsJsonErrorResponse`), which the SDK turns
 * into the named exception (e.g. `ResourceNotFound`).
 */
export const sageMakerHttpHandler =
  (sagemaker: SageMakerOperations): HttpHandler =>
  async (request) => {
    try {
      const target = request.headers['x-amz-target'];
      const [service, operation] = typeof target === 'string' ? target.split('.') : [];
      if (request.method !== 'POST' || service !== 'SageMaker' || !operation) {
        throw new AwsServiceError('UnknownOperationException', `Unknown operation ${String(target)}`);
      }
      let body: unknown;
      try {
        body = request.body.trim() === '' ? {} : JSON.parse(request.body);
      } catch {
        throw new AwsServiceError('SerializationException', 'The request body is not valid JSON');
      }
      const result = await sagemaker.handle(operation, body);
      return awsJsonResponse(200, result);
    } catch (error) {
      if (error instanceof AwsServiceError) {
        return awsJsonErrorResponse(error);
      }
      throw error;
    }
  };
