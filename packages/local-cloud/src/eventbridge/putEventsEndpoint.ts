import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
export type PutEventsEndpoint = { endpoint: string; port: number; close: () => Promise<void> };

const JSON_1_1 = 'application/x-amz-json-1.1';
const TARGET = 'AWSEvents.PutEvents';

const send = (res: ServerResponse, status: number, body: unknown, requestId: string, errorType?: string) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': JSON_1_1,
    'content-length': String(Buffer.byteLength(text)),
    'x-amzn-requestid': requestId,
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(text);
};

const sendError = (res: ServerResponse, error: EventBridgeApiError, requestId: string) =>
  send(res, error.statusCode, { __type: error.code, message: error.message }, requestId, error.code);

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * Starts an HTTP server on a loopback port that speaks EventBridge's JSON 1.1 protocol for
 * `AWSEvents.PutEvents`.
 *
 * An unchanged `new EventBridgeClient({ endpoint })`, or any client with
 * `AWS_ENDPOINT_URL_EVENTBRIDGE` set to `endpoint`, gets the responses and errors the real
 * service returns (see `handlePutEvents`). Other operations answer `UnknownOperationException`.
 * Signatures are not checked.
 */
export const startPutEventsEndpoint = async (options: PutEventsEndpointOptions): Promise<PutEventsEndpoint> => {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    const requestId = randomUUID();
    readBody(req)
      .then((body) => {
        const target = req.headers['x-amz-target'];
        if (req.method !== 'POST' || target !== TARGET) {
          throw new EventBridgeApiError(
            'UnknownOperationException',
            `The local EventBridge serves only ${TARGET}; got ${req.method} ${String(target ?? '(no X-Amz-Target)')}`,
          );
        }
        let request: unknown;
        try {
          request = body === '' ? {} : JSON.parse(body);
        } catch (error) {
          throw new EventBridgeApiError('SerializationException', 'The request body is not valid JSON', 400, {
            cause: error,
          });
        }
        const { response, accepted } = handlePutEvents(request, options);
        options.onAccepted(accepted);
        send(res, 200, response, requestId);
      })
      .catch((error: unknown) => {
        const apiError =
          error instanceof EventBridgeApiError
            ? error
            : new EventBridgeApiError('InternalException', error instanceof Error ? error.message : String(error), 500);
        sendError(res, apiError, requestId);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
