import { DriftConfig } from '@fleet/drift';
import {
  ConfigError,
  type DatasetContract,
  type DriftSeverityValue,
  durationMinutes,
  type FleetConfig,
} from '@fleet/shared';
import { cronMinimumIntervalMinutes } from './cronMinimumInterval.js';

/** Everything a check of one model needs to know, resolved and validated from the configuration. */
export type MonitorSettings = {
  model: string;
  pipeline: string;
  windowMinutes: number;
  graceMinutes: number;
  capture: { endpoint: string; variant: string; prefix: string };
  /** `training` (by lineage), or an explicit CSV. */
  baseline: { kind: 'training' } | { kind: 'explicit'; bucket: string; key: string };
  /** The CSV features the endpoint receives, in order. */
  inputColumns: string[];
  /** The contract's target column: what the baseline's labels are called. */
  target?: string;
  groundTruth?: { prefix: string; lookbackHours: number };
  /** `@fleet/drift` settings, validated, `minRows` applied. */
  drift: DriftConfig;
  maxRows: number;
  persistence: number;
  retrainOn: DriftSeverityValue;
  modelMonitor: { namespace: string; monitoringSchedule: string };
  /** The contract of the model's first dataset, when it has one. */
  contract?: DatasetContract;
};

/** Parses `s3://bucket/key`; `undefined` for anything else. */
export const parseS3Uri = (uri: string): { bucket: string; key: string } | undefined => {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  return match === null ? undefined : { bucket: match[1], key: match[2] };
};

/**
 * Resolves a model's drift settings: the capture location from its `deployment` unless given,
 * the input columns from its contract unless given, the `thresholds` through `@fleet/drift`'s
 * own schema, and a `cron(...)` schedule checked against the window.
 *
 * Run at cold start for every monitored model, so a mistake fails the first invocation naming
 * the field (`fleet.config.yaml: models.churn.drift.thresholds.alpha: ...`).
 *
 * @throws ConfigError naming the file and field
 */
export const monitorSettings = (
  config: Pick<FleetConfig, 'models'>,
  model: string,
  options: { file: string; contract?: DatasetContract },
): MonitorSettings => {
  const fail = (field: string, message: string): never => {
    throw new ConfigError(options.file, `models.${model}.${field}: ${message}`);
  };
  const entry = config.models[model];
  if (entry === undefined) return fail('drift', 'no such model in the configuration');
  const drift = entry.drift;
  if (drift === undefined) return fail('drift', 'the model is not monitored (no drift section)');
  const windowMinutes = durationMinutes(drift.window) ?? fail('drift.window', `cannot read "${drift.window}"`);
  if (drift.schedule.startsWith('cron(')) {
    const every = cronMinimumIntervalMinutes(drift.schedule);
    if (every === undefined) fail('drift.schedule', `cannot read "${drift.schedule}"`);
    else if (every < windowMinutes) {
      fail(
        'drift.schedule',
        `may run every ${every} minutes, less than the ${drift.window} window: windows would overlap`,
      );
    }
  }
  const endpoint = drift.capture?.endpoint ?? entry.deployment?.endpointName;
  const variant = drift.capture?.variant ?? entry.deployment?.variantName ?? 'AllTraffic';
  const prefix = drift.capture?.prefix ?? entry.deployment?.dataCapture?.prefix;
  if (endpoint === undefined) fail('drift.capture.endpoint', 'required when the model has no deployment.endpointName');
  if (prefix === undefined) fail('drift.capture.prefix', 'required when the model has no deployment.dataCapture');
  const contract = options.contract;
  const target = contract?.target?.column;
  const inputColumns =
    drift.inputColumns ??
    (contract === undefined
      ? fail('drift.inputColumns', 'required when the model has no dataset contract')
      : Object.keys(contract.columns).filter((name) => name !== target));
  const thresholds = DriftConfig.safeParse({
    ...(drift.thresholds ?? {}),
    ...(drift.minRows === undefined ? {} : { minRows: drift.minRows }),
  });
  if (!thresholds.success) {
    const issues = thresholds.error.issues.map((issue) =>
      [`models.${model}.drift.thresholds`, ...issue.path.map(String)].join('.').concat(`: ${issue.message}`),
    );
    throw new ConfigError(options.file, issues.join('; '));
  }
  const baseline =
    drift.baseline === 'training'
      ? ({ kind: 'training' } as const)
      : {
          kind: 'explicit' as const,
          ...(parseS3Uri(drift.baseline) ?? fail('drift.baseline', 'expected s3://bucket/key')),
        };
  return {
    model,
    pipeline: entry.pipeline,
    windowMinutes,
    graceMinutes: drift.graceMinutes,
    capture: { endpoint: endpoint as string, variant, prefix: (prefix as string).replace(/\/+$/, '') },
    baseline,
    inputColumns,
    ...(target === undefined ? {} : { target }),
    ...(drift.groundTruth === undefined ? {} : { groundTruth: drift.groundTruth }),
    drift: (thresholds as { data: DriftConfig }).data,
    maxRows: drift.maxRows,
    persistence: drift.persistence,
    retrainOn: drift.retrainOn,
    modelMonitor: {
      namespace: drift.modelMonitor.namespace,
      monitoringSchedule: drift.modelMonitor.monitoringSchedule ?? `fleet-drift-${model}`,
    },
    ...(contract === undefined ? {} : { contract }),
  };
};
