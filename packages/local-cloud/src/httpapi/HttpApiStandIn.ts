import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpApiDefinition } from '../serverless/readHttpRoutes.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import { httpApiEvent } from './httpApiEvent.js';
import { type HttpApiResponse, httpApiResponse, internalServerError, notFound } from './httpApiResponse.js';
import { matchRoute } from './matchRoute.js';

/** A route as served: the API's service, the route key, the function and where to call it. */
export type LocalHttpRoute = {
  service: string;
  apiId: string;
  routeKey: string;
  functionName: string;
  deployedName: string;
  /** The API's base URL (`http://127.0.0.1:<port>`). */
  url: string;
};

type RunningApi = { definition: HttpApiDefinition; apiId: string; url: string; server: Server };

/** The id API Gateway would give a stack's API: ten lower-case characters, the same for the same service and stage. */
const apiIdOf = (service: string, stage: string): string =>
  createHash('sha256')
    .update(`${service}\n${stage}`)
    .digest('base64url')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 10);

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

/**
 * API Gateway HTTP APIs: one API, with its own URL, per service stack with `httpApi` events,
 * each route invoking its function synchronously with the payload format 2.0 event and
 * answering with the function's response as API Gateway maps it.
 *
 * A request no route matches gets 404 `{"message":"Not Found"}`; a function that fails gets 500
 * `{"message":"Internal Server Error"}`, as from API Gateway. Bodies keep their bytes: binary
 * bodies go to the function in base64, text bodies as text.
 */
export class HttpApiStandIn implements LocalStandIn {
  readonly name = 'httpapi';
  readonly #definitions: readonly HttpApiDefinition[];
  #apis: RunningApi[] = [];
  readonly #failures: Error[] = [];

  constructor(options: { apis: readonly HttpApiDefinition[] }) {
    this.#definitions = options.apis;
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    for (const definition of this.#definitions) {
      const apiId = apiIdOf(definition.service, context.names.stage);
      const server = createServer((request, response) => {
        void this.#serve(context, { definition, apiId }, request).then((answer) => {
          response.writeHead(answer.status, {
            ...answer.headers,
            'content-length': String(answer.body.length),
            'apigw-requestid': randomBytes(10).toString('base64').slice(0, 14),
          });
          response.end(answer.body);
        });
      });
      const url = await context.listen(`httpapi-${definition.service}`, (port) => listen(server, port));
      this.#apis.push({ definition, apiId, url, server });
    }
    return {
      stop: async () => {
        const apis = this.#apis;
        this.#apis = [];
        await Promise.all(apis.map((api) => close(api.server)));
      },
    };
  }

  /** The base URL of a service's HTTP API, or undefined when the service has none. */
  url(service: string): string | undefined {
    return this.#apis.find((api) => api.definition.service === service)?.url;
  }

  /** Requests that could not reach their function (answered 500), in order. */
  failures(): readonly Error[] {
    return this.#failures;
  }

  /** Every route of every API, in declaration order. */
  routes(): LocalHttpRoute[] {
    return this.#apis.flatMap((api) =>
      api.definition.routes.map((route) => ({
        service: api.definition.service,
        apiId: api.apiId,
        routeKey: route.routeKey,
        functionName: route.target.functionName,
        deployedName: route.target.deployedName,
        url: api.url,
      })),
    );
  }

  async #serve(
    context: StandInContext,
    api: { definition: HttpApiDefinition; apiId: string },
    request: IncomingMessage,
  ): Promise<HttpApiResponse> {
    try {
      const body = await readBody(request);
      const method = (request.method ?? 'GET').toUpperCase();
      const url = request.url ?? '/';
      const matched = matchRoute(api.definition.routes, method, url.split('?')[0]);
      if (matched === undefined) return notFound();
      const event = httpApiEvent({
        method,
        url,
        headers: request.headers,
        body,
        sourceIp: request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        routeKey: matched.route.routeKey,
        ...(matched.pathParameters === undefined ? {} : { pathParameters: matched.pathParameters }),
        apiId: api.apiId,
        accountId: context.accountId,
        requestId: randomBytes(10).toString('base64').slice(0, 14),
        now: context.clock.now(),
      });
      const outcome = await context.invokeSync(matched.route.target.deployedName, event, {
        kind: 'direct',
        source: 'aws.apigateway',
        ruleName: matched.route.routeKey,
      });
      return outcome.error === undefined ? httpApiResponse(outcome.result) : internalServerError();
    } catch (error) {
      // A request that could not reach its function: API Gateway answers 500; `failures` keeps why.
      this.#failures.push(error instanceof Error ? error : new Error(String(error)));
      return internalServerError();
    }
  }
}

const listen = (server: Server, port: number | undefined): Promise<string> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });

const close = (server: Server): Promise<void> =>
  new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
