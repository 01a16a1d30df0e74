import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as an app's interactivity endpoint received it, byte for byte. */
export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; rawBody: string };

/**
 * A stand-in for an app's interactivity endpoint: records each request raw and answers with
 * `answer` (default 200 and an empty body), as a Slack app's Request URL would.
 */
export const startInteractionReceiver = async (
  answer: (request: ReceivedRequest) => { status: number; body?: string } = () => ({ status: 200 }),
): Promise<{ url: string; received: ReceivedRequest[]; close: () => Promise<void> }> => {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const { status, body } = answer(request);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/interactions`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
