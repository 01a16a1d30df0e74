import * as z from 'zod';
import { DriftSeverity } from '../events/Severity.js';
import { durationMinutes } from './durationMinutes.js';

const duration = z.string().regex(/^[1-9]\d*(m|h|d)$/, 'expected a duration such as 90m, 24h or 1d');
const schedule = z
  .string()
  .regex(
    /^(rate\([1-9]\d* (minute|minutes|hour|hours|day|days)\)|cron\(.+\))$/,
    'expected an EventBridge schedule expression: rate(...) or cron(...)',
  );

/**
 * How the drift monitor watches one model's endpoint: when, over which window, against which
 * baseline, and when an alert is worth a retrain.
 *
 * `thresholds` is handed to `@fleet/drift`, whose own schema (`DriftConfig`) checks it when the
 * drift monitor starts: `@fleet/drift` depends on this package, so this schema cannot import it.
 * A `rate(...)` schedule must be at least the window, so windows never overlap and `persistence`
 * counts consecutive windows; a `cron(...)` schedule is checked by the drift monitor. The drift
 * issue consumes these fields.
 */
export const ModelDriftConfig = z
  .strictObject({
    schedule: schedule.default('rate(1 day)'),
    window: duration.default('24h'),
    /** How long after the window ends the check waits for late capture files. */
    graceMinutes: z.number().int().min(0).max(1440).default(10),
    /** Where the endpoint's Data Capture lands; defaults come from the model's `deployment`. */
    capture: z
      .strictObject({
        endpoint: z.string().min(1).optional(),
        variant: z.string().min(1).optional(),
        prefix: z.string().min(1).optional(),
      })
      .optional(),
    /** `training` (the serving model's training data, by lineage) or an explicit CSV. */
    baseline: z
      .union([z.literal('training'), z.string().regex(/^s3:\/\/[^/]+\/.+/, 'expected "training" or s3://bucket/key')])
      .default('training'),
    /** The order of the CSV features the endpoint receives; default: the contract's columns without the target. */
    inputColumns: z.array(z.string().min(1)).min(1).optional(),
    groundTruth: z
      .strictObject({
        prefix: z.string().min(1),
        /** How long after a prediction its label may still arrive. */
        lookbackHours: z
          .number()
          .positive()
          .max(24 * 90)
          .default(168),
      })
      .optional(),
    /** `@fleet/drift` settings (alpha, per-feature tests and thresholds, ...), validated by the drift monitor. */
    thresholds: z.record(z.string(), z.unknown()).optional(),
    minRows: z.number().int().positive().optional(),
    /** Sample cap per window: above it, a seeded reservoir sample. */
    maxRows: z.number().int().positive().default(200_000),
    /** Consecutive drifted windows before an alert is critical. */
    persistence: z.number().int().min(1).default(2),
    /** The lowest drift severity that starts a retrain; below it the trigger records `below-retrain-severity`. */
    retrainOn: DriftSeverity.default('critical'),
    /**
     * Model Monitor compatible metrics (`feature_baseline_drift_<feature>`): the CloudWatch
     * namespace the SageMaker Python SDK's dashboards read, and the `MonitoringSchedule`
     * dimension (default `fleet-drift-<model>`).
     */
    modelMonitor: z
      .strictObject({
        namespace: z.string().min(1).max(255).default('aws/sagemaker/Endpoints/data-metrics'),
        monitoringSchedule: z.string().min(1).max(255).optional(),
      })
      .default({ namespace: 'aws/sagemaker/Endpoints/data-metrics' }),
  })
  .superRefine((d, ctx) => {
    const every = durationMinutes(d.schedule);
    const window = durationMinutes(d.window);
    if (every !== undefined && window !== undefined && every < window) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedule'],
        message: `runs every ${every} minutes, less than the ${d.window} window: windows would overlap`,
      });
    }
  });

/** A model's drift-monitor settings with defaults applied. */
export type ModelDriftConfig = z.output<typeof ModelDriftConfig>;
