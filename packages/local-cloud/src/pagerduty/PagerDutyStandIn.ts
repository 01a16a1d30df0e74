import { LocalCloudError } from '../cloud/LocalCloudError.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import { LocalPagerDuty, type LocalPagerDutyOptions } from './LocalPagerDuty.js';

/** Options of the PagerDuty stand-in: the account's, less the clock (the cloud's). */
export type PagerDutyStandInOptions = Omit<LocalPagerDutyOptions, 'clock'>;

/**
 * PagerDuty's Events API v2 as a third-party API of the local cloud, plugged in through
 * `LocalCloudOptions.standIns`: a `LocalPagerDuty` on the cloud's clock, whose base URL the
 * functions get as `PAGERDUTY_EVENTS_URL` (events go to `<PAGERDUTY_EVENTS_URL>/v2/enqueue`, as to
 * `https://events.pagerduty.com/v2/enqueue`).
 */
export class PagerDutyStandIn implements LocalStandIn {
  readonly name = 'pagerduty';
  readonly #options: PagerDutyStandInOptions;
  #pagerDuty?: LocalPagerDuty;

  constructor(options: PagerDutyStandInOptions = {}) {
    this.#options = options;
  }

  /**
   * The running account: its events and incidents, and the failure switches.
   *
   * @throws LocalCloudError before the stand-in has started
   */
  get pagerDuty(): LocalPagerDuty {
    if (this.#pagerDuty === undefined) throw new LocalCloudError('the PagerDuty stand-in is not started');
    return this.#pagerDuty;
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    const pagerDuty = new LocalPagerDuty({ ...this.#options, clock: context.clock });
    this.#pagerDuty = pagerDuty;
    // The functions call the endpoint the cloud hands out (a fault proxy, when faults are on).
    const endpoint = await context.listen('pagerduty', (port) => pagerDuty.listen({ port }));
    return { environment: { PAGERDUTY_EVENTS_URL: endpoint }, stop: () => pagerDuty.close() };
  }
}
