import { randomUUID } from 'node:crypto';
import type { HttpHandler, HttpResponse } from '../http/startHttpServer.js';
import { SqsServiceError } from './SqsServiceError.js';

const AWS_JSON_1_0 = 'application/x-amz-json-1.0';

const respond = (status: number, payload: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': AWS_JSON_1_0, 'x-amzn-requestid': randomUUID(), ...headers },
  body: JSON.stringify(payload),
});

/**
 * An SQS error on the JSON protocol: `{"__type": "com.amazonaws.sqs#<Name>", "message"}` with
 * the query-compatible code in `x-amzn-query-error` (`<code>;Sender`), from which the SDK sets
 * the exception's `Code` (e.g. `AWS.SimpleQueueService.NonExistentQueue` for `QueueDoesNotExist`).
 */
const errorResponse = (error: SqsServiceError): HttpResponse =>
  respond(
    error.statusCode,
    { __type: `com.amazonaws.sqs#${error.code}`, message: error.message },
    { 'x-amzn-query-error': `${error.queryCode};Sender` },
  );

/**
 * Serves SQS's awsJson 1.0 protocol, what client-sqs speaks: `POST /` with
 * `X-Amz-Target: AmazonSQS.<Operation>` and a JSON body.
 */
export const sqsHttpHandler =
  (sqs: { handle(operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> }): HttpHandler =>
  async (request) => {
    try {
      const header = request.headers['x-amz-target'];
      const target = typeof header === 'string' ? header : '';
      const [prefix, operation] = target.split('.');
      if (request.method !== 'POST' || prefix !== 'AmazonSQS' || !operation) {
        throw new SqsServiceError(
          'InvalidAction',
          `The action ${target || `${request.method} ${request.path}`} is not valid for this endpoint.`,
        );
      }
      let input: unknown;
      try {
        input = request.body.trim() === '' ? {} : JSON.parse(request.body);
      } catch (error) {
        throw new SqsServiceError('InvalidParameterValue', 'The request body is not valid JSON.', { cause: error });
      }
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new SqsServiceError('InvalidParameterValue', 'The request body is not a JSON object.');
      }
      return respond(200, await sqs.handle(operation, input as Record<string, unknown>));
    } catch (error) {
      if (error instanceof SqsServiceError) return errorResponse(error);
      throw error;
    }
  };
