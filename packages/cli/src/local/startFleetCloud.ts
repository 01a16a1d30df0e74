import path from 'node:path';
import {
  DEFAULT_LOCAL_CLOUD_START,
  LocalCloud,
  type LocalCloudOptions,
  type PipelineRunPlan,
  type RegistrationMetrics,
} from '@fleet/local-cloud';
import { type FleetRecord, loadFleetConfig, RecordsRepository, resetFleetConfig } from '@fleet/shared';
import type { FleetCloud } from './FleetCloud.js';
import { findRepoRoot } from './findRepoRoot.js';
import { fleetHttpUrls } from './fleetHttpUrls.js';
import { fleetLocalSecrets } from './fleetLocalSecrets.js';
import { fleetNotificationStandIns } from './fleetNotificationStandIns.js';
import { fleetPipelineDefinitions } from './fleetPipelineDefinitions.js';
import { fleetStackNames } from './fleetStackNames.js';

/**
 * Options of `startFleetCloud`: those of the local cloud, less the pipelines, which come from the
 * fleet configuration.
 */
export type FleetCloudOptions = Omit<LocalCloudOptions, 'pipelines' | 'pipelineRunDuration'> & {
  /** The fleet configuration (default `<rootDir>/fleet.config.yaml`, the folder found above this package). */
  configFile?: string;
  /** How pipeline executions end (default: succeed after 20 minutes of clock time). */
  pipelineRun?: PipelineRunPlan;
  /**
   * The metrics of the packages successful runs register: fixed, a list used in order (one entry
   * per package, the last repeating), or a function of the run (default roc_auc 0.88, accuracy
   * 0.84). A run plan's own `metrics` win.
   */
  evaluationMetrics?: RegistrationMetrics;
};

/** The notify stack's service name, whose functions sign report links with their API's URL. */
const NOTIFY_SERVICE = 'fleet-notify';

const DEFAULT_PIPELINE_RUN: PipelineRunPlan = { duration: '20m', status: 'Succeeded' };

/**
 * Starts the fleet on the local cloud: every `services/*` stack and the core stack, the fleet
 * configuration the functions read, and the SageMaker pipelines that configuration names; the
 * Slack workspace and PagerDuty account its notifications go to (`slack`, `pagerDuty`), whose
 * base URLs the functions get as `SLACK_API_URL` and `PAGERDUTY_EVENTS_URL`.
 *
 * This is where the fleet's own knowledge lives (its configuration, the names its core stack
 * exports, its records, a local value for every secret it names, in the local Parameter Store);
 * the local cloud itself knows none of it. `fleet local`, `fleet demo`
 * and the end-to-end scenarios all start the fleet through here.
 *
 * @throws LocalCloudError when a stack or the configuration cannot be read (nothing is left running)
 */
export const startFleetCloud = async (options: FleetCloudOptions = {}): Promise<FleetCloud> => {
  const rootDir = path.resolve(options.rootDir ?? findRepoRoot(__dirname));
  const configFile = path.resolve(rootDir, options.configFile ?? 'fleet.config.yaml');
  const stage = options.stage ?? 'local';
  const config = loadFleetConfig({ file: configFile, stage });
  const { configFile: _, pipelineRun, evaluationMetrics, ...local } = options;
  const secrets = fleetLocalSecrets(config);
  const cloudOptions: LocalCloudOptions = {
    ...local,
    rootDir,
    stage,
    start: options.start ?? (options.realTimeClock ? new Date() : DEFAULT_LOCAL_CLOUD_START),
    realTimeClock: options.realTimeClock ?? false,
    pipelines: fleetPipelineDefinitions(config, pipelineRun ?? DEFAULT_PIPELINE_RUN, {
      stage,
      ...(evaluationMetrics === undefined ? {} : { metrics: evaluationMetrics }),
    }),
    environment: { FLEET_CONFIG_FILE: configFile, FLEET_STAGE: stage, ...options.environment },
    // Every secret and routing key the configuration names, with a local value, under the caller's.
    parameters: { ...secrets, ...options.parameters },
  };
  // Slack and PagerDuty agree with the Parameter Store: its signing secret, bot token and routing keys.
  const notifications = fleetNotificationStandIns(config, cloudOptions.parameters ?? {});
  cloudOptions.standIns = [...(cloudOptions.standIns ?? []), notifications.slack, notifications.pagerDuty];
  // The functions cache the configuration per process: a fresh cloud reads it afresh.
  resetFleetConfig();
  const cloud = await LocalCloud.start(cloudOptions);
  // notify's report links point at its HTTP API (`https://${HttpApi}.execute-api...` on AWS), here the local one.
  if (cloud.httpRoutes().some((route) => route.service === NOTIFY_SERVICE)) {
    const reportsBaseUrl = cloud.httpApiUrl(NOTIFY_SERVICE);
    for (const fn of cloud.functions) {
      if (fn.service === NOTIFY_SERVICE) fn.environment.REPORTS_BASE_URL = reportsBaseUrl;
    }
  }
  const slack = notifications.slack.slack;
  const pagerDuty = notifications.pagerDuty.pagerDuty;
  const http: Record<string, string> = {
    ...fleetHttpUrls(cloud.httpRoutes()),
    slack: slack.apiUrl,
    pagerduty: pagerDuty.apiUrl,
  };
  if (http.slackInteractions !== undefined) slack.setInteractivityUrl(http.slackInteractions);
  const resources = fleetStackNames(cloud.exports, stage);
  const records = new RecordsRepository({ client: cloud.documentClient, tableName: resources.recordsTable });
  const { region, accountId } = cloud.names;
  return {
    region,
    accountId,
    stage,
    endpoints: cloud.endpoints,
    env: cloud.clientEnvironment(),
    resources,
    secrets: Object.fromEntries(
      Object.keys(secrets).map((name) => [name, cloudOptions.parameters?.[name]?.value ?? secrets[name].value]),
    ),
    http,
    slack,
    pagerDuty,
    config,
    configFile,
    rootDir,
    cloud,
    records: async () =>
      (await cloud.scanTable<FleetRecord>(resources.recordsTable)).sort(
        (a, b) => String(a.at).localeCompare(String(b.at)) || a.sk.localeCompare(b.sk),
      ),
    history: (pk) => records.history(pk),
    byCorrelation: (correlationId) => records.byCorrelation(correlationId),
    stop: async () => {
      try {
        await cloud.stop();
      } finally {
        resetFleetConfig();
      }
    },
  };
};
