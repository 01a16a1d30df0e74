import path from 'node:path';
import {
  DEFAULT_LOCAL_CLOUD_START,
  LocalCloud,
  type LocalCloudOptions,
  type LocalStandIn,
  type PipelineRunPlan,
} from '@fleet/local-cloud';
import { type FleetRecord, loadFleetConfig, RecordsRepository, resetFleetConfig } from '@fleet/shared';
import type { FleetCloud } from './FleetCloud.js';
import { findRepoRoot } from './findRepoRoot.js';
import { fleetPipelineDefinitions } from './fleetPipelineDefinitions.js';
import { fleetStackNames } from './fleetStackNames.js';

/** Options of `startFleetCloud`. */
export type FleetCloudOptions = {
  /** The repository root (default: found above this package, the folder with `fleet.config.yaml`). */
  rootDir?: string;
  /** Names the stacks' resources and is the functions' `FLEET_STAGE`. Default `local`. */
  stage?: string;
  region?: string;
  accountId?: string;
  /** Where the clock starts (default: 2025-06-02 09:00 UTC; now with `realTimeClock`). */
  start?: Date | string | number;
  /** Runs the clock in real time: it follows wall time and its timers fire by themselves (`fleet local`). */
  realTimeClock?: boolean;
  /** The fleet configuration (default `<rootDir>/fleet.config.yaml`). */
  configFile?: string;
  /** How pipeline executions end (default: succeed after 20 minutes of clock time). */
  pipelineRun?: PipelineRunPlan;
  /** Powertools log level of the functions (default `SILENT`). */
  logLevel?: string;
  /** Extra variables for every function. */
  environment?: Record<string, string>;
  /** Service folders to load (default: every `services/*` with a `serverless.yml`). */
  serviceDirs?: string[];
  /** Further stand-ins (Step Functions, Slack, PagerDuty...). */
  standIns?: LocalStandIn[];
};

const DEFAULT_PIPELINE_RUN: PipelineRunPlan = { duration: '20m', status: 'Succeeded' };

/**
 * Starts the fleet on the local cloud: every `services/*` stack and the core stack, the fleet
 * configuration the functions read, and the SageMaker pipelines that configuration names.
 *
 * This is where the fleet's own knowledge lives (its configuration, the names its core stack
 * exports, its records); the local cloud itself knows none of it. `fleet local`, `fleet demo`
 * and the end-to-end scenarios all start the fleet through here.
 *
 * @throws LocalCloudError when a stack or the configuration cannot be read (nothing is left running)
 */
export const startFleetCloud = async (options: FleetCloudOptions = {}): Promise<FleetCloud> => {
  const rootDir = path.resolve(options.rootDir ?? findRepoRoot(__dirname));
  const configFile = path.resolve(rootDir, options.configFile ?? 'fleet.config.yaml');
  const stage = options.stage ?? 'local';
  const config = loadFleetConfig({ file: configFile, stage });
  const cloudOptions: LocalCloudOptions = {
    rootDir,
    stage,
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.accountId === undefined ? {} : { accountId: options.accountId }),
    start: options.start ?? (options.realTimeClock ? new Date() : DEFAULT_LOCAL_CLOUD_START),
    realTimeClock: options.realTimeClock ?? false,
    pipelines: fleetPipelineDefinitions(config, options.pipelineRun ?? DEFAULT_PIPELINE_RUN),
    ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
    environment: { FLEET_CONFIG_FILE: configFile, FLEET_STAGE: stage, ...options.environment },
    ...(options.serviceDirs === undefined ? {} : { serviceDirs: options.serviceDirs }),
    ...(options.standIns === undefined ? {} : { standIns: options.standIns }),
  };
  // The functions cache the configuration per process: a fresh cloud reads it afresh.
  resetFleetConfig();
  const cloud = await LocalCloud.start(cloudOptions);
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
