import type { IncomingHttpHeaders } from 'node:http';

/** A request as the fault proxy sees it before passing it on: the raw body, the path with its query. */
export type FaultRequest = {
  method: string;
  /** The request target as sent: path and query string. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

/** An answer the proxy sends instead of the service's, the request never reaching the service. */
export type FaultResponse = {
  /** The error code the answer carries, e.g. `ThrottlingException` or `ratelimited`. */
  code: string;
  status: number;
  headers: Record<string, string>;
  body: string;
};
