import type { LocalCloud } from '../LocalCloud.js';

/** What a started stand-in gives back: where the functions find it, and how to stop it. */
export type RunningStandIn = {
  /** Variables for every function and the process, e.g. `AWS_ENDPOINT_URL_SFN` or a Slack API URL. */
  environment?: Record<string, string>;
  stop: () => Promise<void> | void;
};

/**
 * A further local service plugged into the local cloud: the seam for the Step Functions runner
 * of the approval workflow and the Slack and PagerDuty receivers of notify.
 *
 * `start` runs once the core of the cloud is up, so a stand-in can use its clock, its buses
 * (`cloud.inject`), its functions (`cloud.invoke`) and its names; its environment is added to
 * every function's and to the process's before anything lands. Stand-ins stop before the core,
 * in reverse order.
 */
export interface LocalStandIn {
  /** A short name for messages, e.g. `stepfunctions` or `slack`. */
  readonly name: string;
  start(cloud: LocalCloud): Promise<RunningStandIn>;
}
