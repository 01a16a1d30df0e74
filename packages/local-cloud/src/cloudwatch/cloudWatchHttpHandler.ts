import { awsJsonHandler } from '../http/awsJsonHandler.js';
import type { HttpHandler } from '../http/startHttpServer.js';

/** The part of LocalCloudWatch the HTTP layer needs. */
export type CloudWatchOperations = { handle: (operation: string, body: unknown) => Promise<Record<string, unknown>> };

const AWS_JSON_1_0 = 'application/x-amz-json-1.0';

/**
 * Serves CloudWatch's awsJson 1.0 protocol: `POST /` with
 * `X-Amz-Target: GraniteServiceVersion20100801.<Operation>`.
 *
 * CloudWatch is query-compatible: besides `__type`, an error carries its query code and fault in
 * `x-amzn-query-error` (`ResourceNotFound;Sender`), which the SDK prefers for the error's name.
 */
export const cloudWatchHttpHandler = (cloudWatch: CloudWatchOperations): HttpHandler => {
  const json = awsJsonHandler({
    targetPrefix: 'GraniteServiceVersion20100801',
    handle: (operation, body) => cloudWatch.handle(operation, body),
  });
  return async (request) => {
    const response = await json(request);
    const headers: Record<string, string> = { ...response.headers, 'content-type': AWS_JSON_1_0 };
    const code = headers['x-amzn-errortype'];
    if (code !== undefined) headers['x-amzn-query-error'] = `${code};${response.status >= 500 ? 'Receiver' : 'Sender'}`;
    return { ...response, headers };
  };
};
