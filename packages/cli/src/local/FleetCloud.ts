import type { LocalCloud, LocalEndpoints, LocalPagerDuty, LocalSlack } from '@fleet/local-cloud';
import type { FleetRecord, LoadedFleetConfig } from '@fleet/shared';

/** The names of the stage's resources a client of the fleet needs, as the core stack exports them. */
export type FleetResources = {
  /** The records table (`fleet-<stage>-records`). */
  recordsTable: string;
  /** The data bucket datasets land in. */
  dataBucket: string;
  /** The fleet's own event bus (`fleet-<stage>`). */
  eventBus: string;
};

/**
 * The fleet running on the local cloud: what `fleet local`, `fleet demo` and the end-to-end
 * scenarios start with `startFleetCloud`.
 *
 * `region`, `accountId`, `stage`, `endpoints`, `env` and `resources` are plain data, exactly what
 * `fleet local --json` prints; `cloud` is the running LocalCloud (land, tick, invoke, events),
 * and the record helpers read the records table the way the fleet's records repository does.
 */
export type FleetCloud = {
  region: string;
  accountId: string;
  stage: string;
  /** Keyed by the lower-case service id of `AWS_ENDPOINT_URL_<SERVICE>`. */
  endpoints: LocalEndpoints;
  /** What a client needs: `AWS_ENDPOINT_URL_<SERVICE>` for each endpoint, credentials the stand-ins accept, region. */
  env: Record<string, string>;
  resources: FleetResources;
  /**
   * The local value of every secret and PagerDuty routing key the configuration names, by SSM
   * parameter name, as the local Parameter Store holds them (SecureString).
   */
  secrets: Record<string, string>;
  /**
   * The URLs of the stacks' HTTP API routes: `slackInteractions`, or `<service> <route key>` for
   * others; and `slack` and `pagerduty`, the base URLs of the Slack Web API and the PagerDuty
   * Events API stand-ins (what the functions get as `SLACK_API_URL` and `PAGERDUTY_EVENTS_URL`).
   */
  http: Record<string, string>;
  /** The Slack workspace the fleet posts to: its messages, `response_url` posts, clicks and switches. */
  slack: LocalSlack;
  /** The PagerDuty account the fleet pages: its events as received, incidents and switches. */
  pagerDuty: LocalPagerDuty;
  /** The fleet configuration the functions run with. */
  config: LoadedFleetConfig;
  /** The configuration file the functions read (`FLEET_CONFIG_FILE`). */
  configFile: string;
  /** The repository root whose stacks are running. */
  rootDir: string;
  cloud: LocalCloud;
  /** Every record in the records table, in time order. */
  records: () => Promise<FleetRecord[]>;
  /** One partition's history, in time order. */
  history: (pk: string) => Promise<FleetRecord[]>;
  /** Every record of one correlation id, in time order. */
  byCorrelation: (correlationId: string) => Promise<FleetRecord[]>;
  /** Stops the clock driver and every server, and puts the process environment and `Date` back. */
  stop: () => Promise<void>;
};
