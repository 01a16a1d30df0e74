import { randomUUID } from 'node:crypto';
import { AwsServiceError } from '../http/AwsServiceError.js';
import type { HttpHandler, HttpResponse } from '../http/startHttpServer.js';
import type { InvokeEndpointRequest, InvokeEndpointResponse } from './invokeEndpointMessages.js';
import { RuntimeServiceError } from './RuntimeServiceError.js';

/** The part of LocalSageMakerRuntime the HTTP layer needs. */
export type SageMakerRuntimeOperations = {
  invoke: (request: InvokeEndpointRequest) => Promise<InvokeEndpointResponse>;
};

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

const errorResponse = (error: AwsServiceError): HttpResponse => ({
  status: error.statusCode,
  headers: { 'content-type': 'application/json', 'x-amzn-errortype': error.code, 'x-amzn-requestid': randomUUID() },
  body: JSON.stringify({
    message: error.message,
    ...(error instanceof RuntimeServiceError ? error.fields : {}),
  }),
});

/**
 * Serves sagemaker-runtime's restJson1 InvokeEndpoint: `POST /endpoints/{EndpointName}/invocations`,
 * the payload as the raw body, its type in `Content-Type`, the inference id in
 * `X-Amzn-SageMaker-Inference-Id`; the answer is the raw body with `Content-Type` and
 * `x-Amzn-Invoked-Production-Variant`. Errors carry their code in `x-amzn-errortype`.
 */
export const sageMakerRuntimeHttpHandler =
  (runtime: SageMakerRuntimeOperations): HttpHandler =>
  async (request) => {
    try {
      const match = /^\/endpoints\/([^/]+)\/invocations$/.exec(request.path);
      if (request.method !== 'POST' || !match) {
        throw new AwsServiceError(
          'UnknownOperationException',
          `No operation at ${request.method} ${request.path}`,
          404,
        );
      }
      const answer = await runtime.invoke({
        endpointName: decodeURIComponent(match[1]),
        body: request.body,
        contentType: header(request.headers['content-type']),
        accept: header(request.headers.accept),
        inferenceId: header(request.headers['x-amzn-sagemaker-inference-id']),
        customAttributes: header(request.headers['x-amzn-sagemaker-custom-attributes']),
        targetVariant: header(request.headers['x-amzn-sagemaker-target-variant']),
      });
      return {
        status: 200,
        headers: {
          'content-type': answer.contentType,
          'x-amzn-invoked-production-variant': answer.invokedProductionVariant,
          'x-amzn-requestid': randomUUID(),
          ...(answer.customAttributes === undefined
            ? {}
            : { 'x-amzn-sagemaker-custom-attributes': answer.customAttributes }),
        },
        body: answer.body,
      };
    } catch (error) {
      if (error instanceof AwsServiceError) return errorResponse(error);
      return errorResponse(new AwsServiceError('InternalFailure', (error as Error).message, 500));
    }
  };
