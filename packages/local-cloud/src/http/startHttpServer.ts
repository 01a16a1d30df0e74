import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a stand-in's handler sees it: the body is read in full as UTF-8. */
export type HttpRequest = {
  method: string;
  /** The raw (still percent-encoded) path, without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
};

/** What a handler answers. */
export type HttpResponse = {
  status: number;
  headers?: Record<string, string>;
  body?: string;
};

/** Answers one request; a thrown error becomes a 500 with the error's message. */
export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse>;

/** A listening server: its base URL (what `AWS_ENDPOINT_URL_<SERVICE>` takes) and how to stop it. */
export type RunningHttpServer = {
  /** e.g. `http://127.0.0.1:53121` */
  endpoint: string;
  port: number;
  close: () => Promise<void>;
};

/**
 * Starts a loopback HTTP server that hands each request to `handler`.
 *
 * Port 0 (the default) picks a free port. `close` also drops the keep-alive connections SDK
 * clients hold, so a test run ends without waiting for sockets to time out.
 */
export const startHttpServer = async (
  handler: HttpHandler,
  options: { port?: number; host?: string } = {},
): Promise<RunningHttpServer> => {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const request: HttpRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: (req.url ?? '/').split('?')[0],
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      handler(request)
        .catch(
          (error: unknown): HttpResponse => ({
            status: 500,
            headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure' },
            body: JSON.stringify({
              __type: 'InternalFailure',
              message: error instanceof Error ? error.message : String(error),
            }),
          }),
        )
        .then((response) => {
          const body = response.body ?? '';
          res.writeHead(response.status, {
            ...response.headers,
            'content-length': String(Buffer.byteLength(body)),
          });
          res.end(body);
        });
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
