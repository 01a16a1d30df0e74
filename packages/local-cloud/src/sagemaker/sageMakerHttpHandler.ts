import { awsJsonHandler } from '../http/awsJsonHandler.js';
import type { HttpHandler } from '../http/startHttpServer.js';

/** The part of LocalSageMaker the HTTP layer needs. */
export type SageMakerOperations = { handle: (operation: string, body: unknown) => Promise<Record<string, unknown>> };

/**
 * Serves the SageMaker awsJson1_1 protocol: `POST /` with `X-Amz-Target: SageMaker.<Operation>`.
 *
 * Routing, body parsing and the error shape are the shared `awsJsonHandler`'s: errors are
 * written as SageMaker writes them, `{"__type": "<Code>", "message": "..."}` with status 400 and
 * the code in `x-amzn-ErrorType`, which the SDK turns into the named exception (e.g.
 * `ResourceNotFound`).
 */
export const sageMakerHttpHandler = (sagemaker: SageMakerOperations): HttpHandler =>
  awsJsonHandler({ targetPrefix: 'SageMaker', handle: (operation, body) => sagemaker.handle(operation, body) });
