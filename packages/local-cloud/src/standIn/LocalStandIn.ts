import type { LocalClock } from '../clock/LocalClock.js';
import type { LocalEvent } from '../eventbridge/LocalEvent.js';
import type { InjectedEvent } from '../eventbridge/LocalEventBridge.js';
import type { InvocationResult, InvocationTrigger } from '../lambda/LambdaRunner.js';

/** The names a stand-in may need: the stage and what the stacks export (`Fn::ImportValue` names to values). */
export type StandInNames = {
  stage: string;
  /** The stacks' exports, e.g. a bus, table or bucket name by its export name. */
  exports: Readonly<Record<string, string>>;
};

/**
 * What every stand-in is given when it starts: the one clock, where it runs, the names the
 * stacks export, and the ports to the rest of the cloud (run a function, put an event).
 *
 * `invoke` runs a function through the Lambda stand-in (asynchronously, with Lambda's retries,
 * unless `sync` is set); `putEvent` puts an event on a bus as an AWS service would. Both settle
 * with the cloud: `LocalCloud.settle` waits for what they set off.
 */
export type StandInContext = {
  readonly clock: LocalClock;
  readonly region: string;
  readonly accountId: string;
  readonly names: StandInNames;
  /**
   * Invokes a function by its deployed name or ARN.
   *
   * @throws LocalCloudError when no function has that name, or the Lambda stand-in is not started
   */
  invoke(target: string, payload: unknown, trigger: InvocationTrigger): void;
  /** Invokes a function synchronously (RequestResponse) and resolves with its outcome. */
  invokeSync(target: string, payload: unknown, trigger: InvocationTrigger): Promise<InvocationResult>;
  /**
   * Puts an event on a bus (`default`, `custom` or a bus name) and returns it complete.
   *
   * @throws LocalCloudError when the EventBridge stand-in is not started
   */
  putEvent(event: InjectedEvent, bus?: string): LocalEvent;
  /**
   * Resolves when what was set off so far has run to the end, without moving the clock: a clock
   * callback awaits it so that its consequences happen at its own time.
   */
  drain(): Promise<void>;
  /**
   * Starts the stand-in's server through `listen` and resolves to its endpoint: on the port the
   * same service had in the previous cloud of this process when it is free (handler modules keep
   * their SDK clients across clouds), and with `Date` response headers that follow the clock (the
   * SDK corrects its signing clock from them).
   */
  listen(serviceId: string, listen: (port: number | undefined) => Promise<string>): Promise<string>;
};

/** What a started stand-in gives back: where clients find it, what it still has to do, how to stop it. */
export type RunningStandIn = {
  /** Endpoints by the lower-case service id of `AWS_ENDPOINT_URL_<SERVICE>` (e.g. `sfn`), set for every client. */
  endpoints?: Record<string, string>;
  /** Further variables for every function and the process, e.g. a Slack API URL. */
  environment?: Record<string, string>;
  /** Work started and not finished (queued invocations, events being converted); `settle` waits for 0. */
  inFlight?: () => number;
  /** Resolves when the work in flight now has finished. */
  drain?: () => Promise<void>;
  stop: () => Promise<void> | void;
};

/**
 * A local stand-in for one AWS service (or a third-party API), plugged into the local cloud.
 *
 * Every service of the local cloud starts through this one interface, the built-in ones
 * (DynamoDB, S3, Lambda, EventBridge, Scheduler, SageMaker) included, in the order given; the
 * stand-ins to come (Step Functions, SNS, an HTTP API, Slack, PagerDuty) add themselves through
 * `LocalCloudOptions.standIns`. A stand-in sees only its `StandInContext`, never the cloud, and
 * runs functions and emits events through its ports. Stand-ins stop in reverse order.
 */
export interface LocalStandIn {
  /** A short name for messages, e.g. `stepfunctions` or `slack`. */
  readonly name: string;
  start(context: StandInContext): Promise<RunningStandIn>;
}
