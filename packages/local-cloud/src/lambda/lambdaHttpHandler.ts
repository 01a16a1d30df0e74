import { randomUUID } from 'node:crypto';
import { AwsServiceError } from '../http/AwsServiceError.js';
import type { HttpHandler, HttpRequest, HttpResponse } from '../http/startHttpServer.js';
import type { InvocationResult } from './LambdaRunner.js';
import { lambdaErrorPayload } from './lambdaErrorPayload.js';
import { type FunctionReference, parseFunctionName } from './parseFunctionName.js';

/** What the Invoke API needs of the Lambda stand-in. */
export type LambdaInvokePort = {
  /** The function's ARN when the stacks have a function of that name, else undefined. */
  functionArn(name: string): string | undefined;
  /** Queues an asynchronous invocation (Lambda's retries and dead letters apply). */
  invokeAsync(name: string, payload: unknown): void;
  /** Runs a synchronous invocation. */
  invokeSync(name: string, payload: unknown): Promise<InvocationResult>;
  region: string;
  accountId: string;
};

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const INVOCATION_TYPES = ['RequestResponse', 'Event', 'DryRun'] as const;
/** Lambda's limits on the request payload: 6 MB synchronous, 1 MB asynchronous. */
const MAX_SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;
const MAX_ASYNC_PAYLOAD_BYTES = 1024 * 1024;

const response = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), ...headers },
  body,
});

/** An error as Lambda's restJson API writes it: the code in `x-amzn-ErrorType`, `{"Type", "Message"}` in the body. */
const errorResponse = (error: AwsServiceError): HttpResponse =>
  response(error.statusCode, JSON.stringify({ Type: 'User', Message: error.message }), {
    'x-amzn-errortype': error.code,
  });

const header = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const readReference = (request: HttpRequest, encoded: string): FunctionReference => {
  let raw: string;
  try {
    raw = decodeURIComponent(encoded);
  } catch (error) {
    throw new AwsServiceError('InvalidParameterValueException', `Invalid function name ${encoded}`, 400, {
      cause: error,
    });
  }
  const reference = parseFunctionName(raw);
  if (reference === undefined) {
    throw new AwsServiceError(
      'ValidationException',
      `1 validation error detected: Value '${raw}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
      400,
    );
  }
  const qualifier = request.query.get('Qualifier') ?? undefined;
  if (qualifier !== undefined && reference.qualifier !== undefined && qualifier !== reference.qualifier) {
    throw new AwsServiceError(
      'InvalidParameterValueException',
      `The derived qualifier from the function name does not match the specified qualifier.`,
      400,
    );
  }
  return { ...reference, ...(qualifier === undefined ? {} : { qualifier }) };
};

const readPayload = (body: string, limit: number): unknown => {
  if (Buffer.byteLength(body) > limit) {
    throw new AwsServiceError(
      'RequestTooLargeException',
      `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
      413,
    );
  }
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new AwsServiceError(
      'InvalidRequestContentException',
      `Could not parse request body into json: ${(error as Error).message}`,
      400,
      { cause: error },
    );
  }
};

/**
 * Serves Lambda's `Invoke` (restJson: `POST /2015-03-31/functions/{FunctionName}/invocations`)
 * for the functions of the stacks.
 *
 * `X-Amz-Invocation-Type` `RequestResponse` (the default) runs the handler and answers 200 with
 * its result; a handler error still answers 200, with `X-Amz-Function-Error: Unhandled` and the
 * runtime's error payload. `Event` queues the invocation as Lambda does (retries, then dead
 * letters) and answers 202; `DryRun` only checks the function exists and answers 204. A function
 * is named by name, ARN or partial ARN, optionally with a qualifier: the local cloud has only
 * `$LATEST`, which every qualifier runs. An unknown function answers 404 `ResourceNotFoundException`.
 */
export const lambdaHttpHandler =
  (lambda: LambdaInvokePort): HttpHandler =>
  async (request) => {
    try {
      const match = INVOKE_PATH.exec(request.path);
      if (request.method !== 'POST' || match === null) {
        throw new AwsServiceError(
          'UnknownOperationException',
          `The local Lambda serves only Invoke; no operation at ${request.method} ${request.path}`,
          404,
        );
      }
      const reference = readReference(request, match[1]);
      const type = header(request, 'x-amz-invocation-type') ?? 'RequestResponse';
      if (!(INVOCATION_TYPES as readonly string[]).includes(type)) {
        throw new AwsServiceError(
          'InvalidParameterValueException',
          `1 validation error detected: Value '${type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [${INVOCATION_TYPES.join(', ')}]`,
          400,
        );
      }
      const arn = lambda.functionArn(reference.name);
      if (arn === undefined) {
        const qualified = `arn:aws:lambda:${lambda.region}:${lambda.accountId}:function:${reference.name}`;
        throw new AwsServiceError(
          'ResourceNotFoundException',
          `Function not found: ${reference.qualifier === undefined ? qualified : `${qualified}:${reference.qualifier}`}`,
          404,
        );
      }
      if (type === 'DryRun') return response(204, '');
      if (type === 'Event') {
        lambda.invokeAsync(reference.name, readPayload(request.body, MAX_ASYNC_PAYLOAD_BYTES));
        return response(202, '');
      }
      const outcome = await lambda.invokeSync(reference.name, readPayload(request.body, MAX_SYNC_PAYLOAD_BYTES));
      const version = { 'x-amz-executed-version': '$LATEST' };
      if (outcome.error !== undefined) {
        return response(200, JSON.stringify(lambdaErrorPayload(outcome.error)), {
          ...version,
          'x-amz-function-error': 'Unhandled',
        });
      }
      return response(200, JSON.stringify(outcome.result ?? null), version);
    } catch (error) {
      if (error instanceof AwsServiceError) return errorResponse(error);
      throw error;
    }
  };
