import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningHttpServer } from '../http/startHttpServer.js';
import type { FaultInjector } from './FaultInjector.js';
import type { FaultRequest } from './FaultRequest.js';

/** Options of {@link startFaultProxy}. */
export type FaultProxyOptions = {
  /** The service id the faults are chosen and counted by, e.g. `dynamodb`, `slack`, `httpapi-notify`. */
  service: string;
  /** Where the service really listens, e.g. `http://127.0.0.1:53121`. */
  origin: string;
  injector: FaultInjector;
  /** The port to listen on (default any free one). */
  port?: number;
};

/**
 * Starts a loopback HTTP proxy in front of a service: each request is read in full, then either
 * answered with the fault the injector chooses (and never passed on) or passed on to the origin
 * unchanged (method, target, headers with the `Host` the client signed, body) and its answer
 * streamed back as it comes.
 *
 * An origin that cannot be reached is a 502 naming the service and the origin.
 */
export const startFaultProxy = async (options: FaultProxyOptions): Promise<RunningHttpServer> => {
  const origin = new URL(options.origin);
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: FaultRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      const fault = options.injector.decide(options.service, request);
      if (fault !== undefined) {
        res.writeHead(fault.status, { ...fault.headers, 'content-length': String(Buffer.byteLength(fault.body)) });
        res.end(fault.body);
        return;
      }
      const forward = httpRequest(
        {
          host: origin.hostname,
          port: origin.port,
          method: request.method,
          path: request.url,
          headers: req.headers,
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', (error) => {
        if (res.headersSent) {
          res.destroy(error);
          return;
        }
        const body = JSON.stringify({
          message: `the fault proxy of ${options.service} could not reach ${options.origin}: ${error.message}`,
        });
        res.writeHead(502, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
        res.end(body);
      });
      forward.end(request.body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        agent.destroy();
      }),
  };
};
