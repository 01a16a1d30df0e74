import { LocalCloudError } from '../cloud/LocalCloudError.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import { LocalSlack, type LocalSlackOptions } from './LocalSlack.js';

/** Options of the Slack stand-in: the workspace's, less the clock (the cloud's). */
export type SlackStandInOptions = Omit<LocalSlackOptions, 'clock'>;

/**
 * Slack as a third-party API of the local cloud, plugged in through `LocalCloudOptions.standIns`:
 * a `LocalSlack` on the cloud's clock, whose Web API base URL the functions get as `SLACK_API_URL`.
 */
export class SlackStandIn implements LocalStandIn {
  readonly name = 'slack';
  readonly #options: SlackStandInOptions;
  #slack?: LocalSlack;

  constructor(options: SlackStandInOptions = {}) {
    this.#options = options;
  }

  /**
   * The running workspace: its `response_url` posts, messages, interactions and switches.
   *
   * @throws LocalCloudError before the stand-in has started
   */
  get slack(): LocalSlack {
    if (this.#slack === undefined) throw new LocalCloudError('the Slack stand-in is not started');
    return this.#slack;
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    const slack = new LocalSlack({ ...this.#options, clock: context.clock });
    this.#slack = slack;
    // The functions call the endpoint the cloud hands out (a fault proxy, when faults are on).
    const endpoint = await context.listen('slack', (port) => slack.listen({ port }));
    return { environment: { SLACK_API_URL: `${endpoint}/api` }, stop: () => slack.close() };
  }
}
