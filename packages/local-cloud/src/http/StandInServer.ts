import { type HttpHandler, type RunningHttpServer, startHttpServer } from './startHttpServer.js';

/**
 * The HTTP side of a stand-in: serves its handler from `listen` until `close`, and knows its
 * endpoint meanwhile.
 *
 * The SageMaker and Scheduler stand-ins keep their state whether or not they listen, and may
 * listen again after closing; this holds the one piece of that both need.
 */
export class StandInServer {
  readonly #handler: HttpHandler;
  #server?: RunningHttpServer;

  constructor(handler: HttpHandler) {
    this.#handler = handler;
  }

  /** Starts serving on a loopback port (0: any free one), unless already serving; resolves to the endpoint URL. */
  async listen(options: { port?: number } = {}): Promise<string> {
    if (this.#server) return this.#server.endpoint;
    this.#server = await startHttpServer(this.#handler, options);
    return this.#server.endpoint;
  }

  /** The endpoint URL while listening, else undefined. */
  get endpoint(): string | undefined {
    return this.#server?.endpoint;
  }

  /** Stops serving (nothing when not listening). */
  async close(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    await server?.close();
  }
}
