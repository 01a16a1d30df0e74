import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a fake answers: a status, headers and a JSON body. */
export type FakeAnswer = { status: number; headers?: Record<string, string>; body: unknown };

/** One request a fake received. */
export type ReceivedCall = { path: string; headers: IncomingMessage['headers']; body: Record<string, unknown> };

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** A local HTTP server on a free loopback port. */
export const listen = async (
  handle: (path: string, headers: IncomingMessage['headers'], body: string) => FakeAnswer | Promise<FakeAnswer>,
): Promise<{ url: string; close: () => Promise<void> }> => {
  const server: Server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const answer = await handle(request.url ?? '/', request.headers, await readBody(request));
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/**
 * A fake of Slack's Web API (`chat.postMessage`, `chat.update`) and PagerDuty's Events API v2
 * (`/v2/enqueue`) on one local port: it records every request, answers as Slack and PagerDuty
 * do, and answers the next requests as told (`ratelimited`, `channel_not_found`, 400, 5xx).
 */
export class FakeThirdParties {
  readonly slackCalls: ReceivedCall[] = [];
  readonly pagerDutyCalls: ReceivedCall[] = [];
  /** Scripted answers, used in order before the usual ones. */
  readonly slackAnswers: FakeAnswer[] = [];
  readonly pagerDutyAnswers: FakeAnswer[] = [];
  #ts = 1_700_000_000;
  #server?: { url: string; close: () => Promise<void> };

  get slackUrl(): string {
    return `${this.#server?.url}/slack/api`;
  }

  get pagerDutyUrl(): string {
    return `${this.#server?.url}/pagerduty`;
  }

  /** The Slack requests of one method (`chat.postMessage`, `chat.update`). */
  slackCallsOf(method: string): ReceivedCall[] {
    return this.slackCalls.filter((call) => call.path.endsWith(`/${method}`));
  }

  async start(): Promise<this> {
    this.#server = await listen((path, headers, text) => {
      const body = text.length > 0 ? (JSON.parse(text) as Record<string, unknown>) : {};
      if (path.startsWith('/slack/api/')) {
        this.slackCalls.push({ path, headers, body });
        const scripted = this.slackAnswers.shift();
        if (scripted !== undefined) return scripted;
        if (headers.authorization === undefined) return { status: 200, body: { ok: false, error: 'not_authed' } };
        const ts = path.endsWith('chat.update') ? String(body.ts) : `${++this.#ts}.000100`;
        return { status: 200, body: { ok: true, channel: body.channel, ts } };
      }
      if (path === '/pagerduty/v2/enqueue') {
        this.pagerDutyCalls.push({ path, headers, body });
        const scripted = this.pagerDutyAnswers.shift();
        if (scripted !== undefined) return scripted;
        return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: body.dedup_key } };
      }
      return { status: 404, body: { message: `no route ${path}` } };
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.#server?.close();
  }
}

/**
 * A fake of SSM's `GetParameter` (awsJson 1.1) holding SecureStrings, for the SSM client the
 * functions build (through `AWS_ENDPOINT_URL_SSM`).
 */
export class FakeSsm {
  readonly reads: string[] = [];
  #server?: { url: string; close: () => Promise<void> };

  constructor(readonly parameters: Record<string, string>) {}

  get url(): string {
    return this.#server?.url ?? '';
  }

  async start(): Promise<this> {
    this.#server = await listen((_path, headers, text) => {
      const target = String(headers['x-amz-target'] ?? '');
      const { Name } = JSON.parse(text) as { Name: string };
      if (target !== 'AmazonSSM.GetParameter')
        return { status: 400, body: { __type: 'InvalidAction', message: target } };
      this.reads.push(Name);
      const value = this.parameters[Name];
      if (value === undefined)
        return { status: 400, body: { __type: 'ParameterNotFound', message: 'ParameterNotFound' } };
      return {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: { Parameter: { Name, Type: 'SecureString', Value: value, Version: 1, DataType: 'text' } },
      };
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.#server?.close();
  }
}
