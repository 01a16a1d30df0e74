import { ServerResponse } from 'node:http';

/**
 * Makes the local servers on the given ports answer with a `Date` header from `Date` (which
 * follows the local clock), until the returned function is called.
 *
 * Node writes the `Date` response header from the machine's real time, whatever `Date` says.
 * The AWS SDK corrects its signing clock from that header when it is more than five minutes
 * off, and s3rver then rejects the next request as RequestTimeTooSkewed; a server that tells
 * the clock's time keeps the client and the server in agreement, as they are on AWS. Responses
 * of other servers in the process are left alone.
 */
export const installServerDateHeader = (ports: () => ReadonlySet<number>): (() => void) => {
  const prototype = ServerResponse.prototype;
  const original = prototype.writeHead;
  const writeHead = function (this: ServerResponse, ...args: Parameters<typeof original>) {
    const port = this.req?.socket?.localPort;
    if (port !== undefined && ports().has(port) && !this.headersSent && !this.hasHeader('date')) {
      this.setHeader('date', new Date().toUTCString());
    }
    return original.apply(this, args);
  } as typeof original;
  prototype.writeHead = writeHead;
  return () => {
    if (prototype.writeHead === writeHead) prototype.writeHead = original;
  };
};
