import { awsJsonHandler } from '../http/awsJsonHandler.js';
import { type HttpHandler, type RunningHttpServer, startHttpServer } from '../http/startHttpServer.js';
import { EventBridgeApiError } from './EventBridgeApiError.js';
import { type AcceptedEvent, handlePutEvents, type PutEventsContext } from './handlePutEvents.js';
import { handleRuleOperation, isRuleOperation, RULE_OPERATIONS, type RuleDirectory } from './ruleManagement.js';

/** Options of the local PutEvents endpoint. */
export type PutEventsEndpointOptions = PutEventsContext & {
  /** Receives the accepted events of each request, in entry order, before the response is sent. */
  onAccepted: (accepted: AcceptedEvent[]) => void;
  /** The rules `DescribeRule`, `DisableRule` and `EnableRule` act on (without it they are unknown operations). */
  rules?: RuleDirectory;
  /** Port to listen on (default 0: a free port). */
  port?: number;
  host?: string;
};

/** A running endpoint: `endpoint` is what `AWS_ENDPOINT_URL_EVENTBRIDGE` takes. */
export type PutEventsEndpoint = RunningHttpServer;

const TARGET = 'AWSEvents.PutEvents';

const unknownOperation = (method: string, target: string | undefined) =>
  new EventBridgeApiError(
    'UnknownOperationException',
    `The local EventBridge serves only ${TARGET} and AWSEvents.${RULE_OPERATIONS.join(', AWSEvents.')}; got ${method} ${target ?? '(no X-Amz-Target)'}`,
  );

const putEventsHttpHandler = (options: PutEventsEndpointOptions): HttpHandler =>
  awsJsonHandler({
    targetPrefix: 'AWSEvents',
    handle: async (operation, body) => {
      if (isRuleOperation(operation) && options.rules !== undefined) {
        return handleRuleOperation(operation, body, options.rules);
      }
      if (operation !== 'PutEvents') throw unknownOperation('POST', `AWSEvents.${operation}`);
      const { response, accepted } = handlePutEvents(body, options);
      options.onAccepted(accepted);
      return response;
    },
    unknownOperation,
    internalError: (error) =>
      new EventBridgeApiError('InternalException', error instanceof Error ? error.message : String(error), 500),
  });

/**
 * Starts an HTTP server on a loopback port that speaks EventBridge's JSON 1.1 protocol for
 * `AWSEvents.PutEvents`, and, given `rules`, `DescribeRule`, `DisableRule` and `EnableRule`
 * (see `handleRuleOperation`).
 *
 * An unchanged `new EventBridgeClient({ endpoint })`, or any client with
 * `AWS_ENDPOINT_URL_EVENTBRIDGE` set to `endpoint`, gets the responses and errors the real
 * service returns (see `handlePutEvents`). Other operations answer `UnknownOperationException`.
 * Signatures are not checked.
 */
export const startPutEventsEndpoint = (options: PutEventsEndpointOptions): Promise<PutEventsEndpoint> =>
  startHttpServer(putEventsHttpHandler(options), { port: options.port, host: options.host });
