import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer of the stub: a status and a JSON body. */
export type StubAnswer = { status: number; body: Record<string, unknown> };

/** SageMaker's throttling error, as the awsJson1_1 protocol carries it. */
export const throttled: StubAnswer = {
  status: 400,
  body: { __type: 'ThrottlingException', message: 'Rate exceeded' },
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * A SageMaker endpoint over real HTTP that answers each operation from a queue (the last answer
 * repeats), so the SDK's own retry strategy can be exercised against throttling.
 */
export const startSageMakerStub = async (answers: Record<string, StubAnswer[]>) => {
  const requests: { operation: string; input: Record<string, unknown> }[] = [];
  const server: Server = createServer(async (request, response) => {
    const operation = String(request.headers['x-amz-target'] ?? '').replace(/^SageMaker\./, '');
    requests.push({ operation, input: JSON.parse((await readBody(request)) || '{}') });
    const queue = answers[operation] ?? [{ status: 400, body: { __type: 'UnknownOperationException' } }];
    const answer = queue.length > 1 ? (queue.shift() as StubAnswer) : queue[0];
    response.writeHead(answer.status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': `req-${requests.length}`,
    });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answers,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
