import { AwsServiceError } from '../http/AwsServiceError.js';
import { awsJsonHandler } from '../http/awsJsonHandler.js';
import type { HttpHandler } from '../http/startHttpServer.js';
import { awsQueryErrorResponse, awsQueryResponse, toXml } from '../sns/awsQuery.js';
import { decodeQueryInput, toQueryXmlValue } from './cloudWatchQuery.js';
import { CLOUDWATCH_SHAPES } from './cloudWatchShapes.js';

/** The part of LocalCloudWatch the HTTP layer needs. */
export type CloudWatchOperations = { handle: (operation: string, body: unknown) => Promise<Record<string, unknown>> };

const AWS_JSON_1_0 = 'application/x-amz-json-1.0';
const XML_NAMESPACE = 'http://monitoring.amazonaws.com/doc/2010-08-01/';

/**
 * Serves CloudWatch's awsJson 1.0 protocol (`POST /` with
 * `X-Amz-Target: GraniteServiceVersion20100801.<Operation>`), and awsQuery (form-encoded
 * `Action=...`, XML answers) for clients that predate it, such as AWS CLI 2.9.
 *
 * CloudWatch is query-compatible: a JSON error carries its query code and fault in
 * `x-amzn-query-error` (`ResourceNotFound;Sender`), which the SDK keeps as the error's `Code`.
 */
export const cloudWatchHttpHandler = (cloudWatch: CloudWatchOperations): HttpHandler => {
  const json = awsJsonHandler({
    targetPrefix: 'GraniteServiceVersion20100801',
    handle: (operation, body) => cloudWatch.handle(operation, body),
  });
  return async (request) => {
    const type = String(request.headers['content-type'] ?? '');
    if (request.method === 'POST' && type.startsWith('application/x-www-form-urlencoded')) {
      const params = new URLSearchParams(request.body);
      const action = params.get('Action') ?? '';
      try {
        const shape = CLOUDWATCH_SHAPES[action];
        if (shape === undefined) throw new AwsServiceError('InvalidAction', `Could not find operation ${action}`);
        const result = await cloudWatch.handle(action, decodeQueryInput(shape, params));
        return awsQueryResponse(action, toXml(toQueryXmlValue(result)), XML_NAMESPACE);
      } catch (error) {
        if (error instanceof AwsServiceError) return awsQueryErrorResponse(error, XML_NAMESPACE);
        throw error;
      }
    }
    const response = await json(request);
    const headers: Record<string, string> = { ...response.headers, 'content-type': AWS_JSON_1_0 };
    const code = headers['x-amzn-errortype'];
    if (code !== undefined) headers['x-amzn-query-error'] = `${code};${response.status >= 500 ? 'Receiver' : 'Sender'}`;
    return { ...response, headers };
  };
};
