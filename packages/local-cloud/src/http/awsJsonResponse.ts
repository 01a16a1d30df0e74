import { randomUUID } from 'node:crypto';
import type { AwsServiceError } from './AwsServiceError.js';
import type { HttpResponse } from './startHttpServer.js';

const AWS_JSON_1_1 = 'application/x-amz-json-1.1';

/**
 * A response of an awsJson1_1 service (SageMaker, EventBridge): the payload as JSON, with a
 * fresh request id.
 *
 * The stand-ins of the JSON 1.1 services answer through this one function, so the content type
 * and request id header an SDK client reads are the same everywhere.
 */
export const awsJsonResponse = (
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): HttpResponse => ({
  status,
  headers: { 'content-type': AWS_JSON_1_1, 'x-amzn-requestid': randomUUID(), ...headers },
  body: JSON.stringify(payload),
});

/**
 * An error as awsJson1_1 services write it: `{"__type": "<Code>", "message": "..."}` with the
 * error's status and the code in `x-amzn-ErrorType`.
 *
 * The SDK reads the code from the header or the body and throws the exception of that name.
 */
export const awsJsonErrorResponse = (error: AwsServiceError): HttpResponse =>
  awsJsonResponse(error.statusCode, { __type: error.code, message: error.message }, { 'x-amzn-errortype': error.code });
