import { AwsServiceError } from '../http/AwsServiceError.js';
import { awsJsonErrorResponse, awsJsonResponse } from '../http/awsJsonResponse.js';
import { type HttpHandler, type RunningHttpServer, startHttpServer } from '../http/startHttpServer.js';
import { EventBridgeApiError } from './EventBridgeApiError.js';
import { type AcceptedEvent, handlePutEvents, type PutEventsContext } from './handlePutEvents.js';

/** Options of the local PutEvents endpoint. */
export type PutEventsEndpointOptions = PutEventsContext & {
  /** Receives the accepted events of each request, in entry order, before the response is sent. */
  onAccepted: (accepted: AcceptedEvent[]) => void;
  /** Port to listen on (default 0: a free port). */
  port?: number;
  host?: string;
};

/** A running endpoint: `endpoint` is what `AWS_ENDPOINT_URL_EVENTBRIDGE` takes. */
export type PutEventsEndpoint = RunningHttpServer;

const TARGET = 'AWSEvents.PutEvents';

const putEventsHttpHandler =
  (options: PutEventsEndpointOptions): HttpHandler =>
  async (request) => {
    try {
      const target = request.headers['x-amz-target'];
      if (request.method !== 'POST' || target !== TARGET) {
        throw new EventBridgeApiError(
          'UnknownOperationException',
          `The local EventBridge serves only ${TARGET}; got ${request.method} ${String(target ?? '(no X-Amz-Target)')}`,
        );
      }
      let body: unknown;
      try {
        body = request.body === '' ? {} : JSON.parse(request.body);
      } catch (error) {
        throw new EventBridgeApiError('SerializationException', 'The request body is not valid JSON', 400, {
          cause: error,
        });
      }
      const { response, accepted } = handlePutEvents(body, options);
      options.onAccepted(accepted);
      return awsJsonResponse(200, response);
    } catch (error) {
      return awsJsonErrorResponse(
        error instanceof AwsServiceError
          ? error
          : new EventBridgeApiError('InternalException', error instanceof Error ? error.message : String(error), 500),
      );
    }
  };

/**
 * Starts an HTTP server on a loopback port that speaks EventBridge's JSON 1.1 protocol for
 * `AWSEvents.PutEvents`.
 *
 * An unchanged `new EventBridgeClient({ endpoint })`, or any client with
 * `AWS_ENDPOINT_URL_EVENTBRIDGE` set to `endpoint`, gets the responses and errors the real
 * service returns (see `handlePutEvents`). Other operations answer `UnknownOperationException`.
 * Signatures are not checked.
 */
export const startPutEventsEndpoint = (options: PutEventsEndpointOptions): Promise<PutEventsEndpoint> =>
  startHttpServer(putEventsHttpHandler(options), { port: options.port, host: options.host });
