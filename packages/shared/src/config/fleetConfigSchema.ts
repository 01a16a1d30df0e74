import * as z from 'zod';
import { ApprovalConfig } from './ApprovalConfig.js';
import { DeploymentConfig } from './DeploymentConfig.js';
import { ModelDriftConfig } from './ModelDriftConfig.js';
import { RoutingConfig } from './RoutingConfig.js';
import { sageMakerName } from './sageMakerName.js';

const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,255}$/, 'letters, digits and "-", at most 256');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone');

export const TriggerKind = z.enum(['schedule', 'dataset', 'drift', 'manual']);

/** A daily window in which non-critical triggers are skipped; it may cross midnight. */
export const QuietHours = z.strictObject({
  start: clock,
  end: clock,
  timeZone,
  days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).optional(),
});

/** Guard settings of one pipeline; they run in a fixed order (see docs/architecture.md). */
export const Guards = z
  .strictObject({
    cooldownMinutes: z.number().nonnegative().default(0),
    quietHours: z.array(QuietHours).default([]),
    debounceSeconds: z.number().int().nonnegative().default(0),
    criticalTriggers: z.array(TriggerKind).default(['manual']),
    /** How long a run may hold the pipeline's run lock before another trigger may take it over. */
    maxRunMinutes: z.number().positive().default(1440),
  })
  .default({
    cooldownMinutes: 0,
    quietHours: [],
    debounceSeconds: 0,
    criticalTriggers: ['manual'],
    maxRunMinutes: 1440,
  });

/** One SageMaker pipeline the fleet may start. */
export const PipelineConfig = z.strictObject({
  /** SageMaker pipeline name; defaults to the key under `pipelines`. */
  pipelineName: name.optional(),
  /** Allow-list: trigger field (e.g. `s3Uri`) to pipeline parameter name (e.g. `InputDataUri`). */
  parameters: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** Parameters passed on every start. */
  staticParameters: z.record(z.string().min(1), z.string()).default({}),
  guards: Guards,
});

export const DatasetConfig = z.strictObject({
  /** Contract file, relative to the configuration file. */
  contract: z.string().min(1),
  /** The pipeline a validated dataset retrains; defaults to its model's pipeline. */
  pipeline: z.string().optional(),
});

const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'expected a Slack user id such as U012ABCDEF');

/**
 * One model: the pipeline that retrains it, its datasets and approvers, and the optional
 * sections of the services that approve, deploy, watch and announce it. Each section is strict
 * and absent by default: a model without `deployment` is simply not deployed by the fleet.
 */
export const ModelConfig = z.strictObject({
  pipeline: z.string().min(1),
  datasets: z.array(z.string().min(1)).default([]),
  approvers: z.array(slackUserId).default([]),
  /** The SageMaker model package group its pipeline registers packages in. */
  modelPackageGroup: sageMakerName.optional(),
  approval: ApprovalConfig.optional(),
  deployment: DeploymentConfig.optional(),
  /** Where its notifications go; `routing.pagerduty` names an SSM parameter per severity. */
  routing: RoutingConfig.default({}),
  drift: ModelDriftConfig.optional(),
});

/** Where run-time secrets live; names only, never values. */
export const SecretsConfig = z
  .strictObject({
    slackSigningSecret: z.string().min(1).optional(),
    slackBotToken: z.string().min(1).optional(),
  })
  .default({});

/** The whole fleet configuration after stage overrides are merged. */
export const FleetConfigSchema = z
  .strictObject({
    version: z.literal(1),
    models: z.record(name, ModelConfig).default({}),
    pipelines: z.record(name, PipelineConfig).default({}),
    datasets: z.record(z.string().min(1), DatasetConfig).default({}),
    secrets: SecretsConfig,
    /** The fleet-wide routing default; a model's own `routing` overrides it. */
    routing: RoutingConfig.optional(),
  })
  .superRefine((config, ctx) => {
    for (const [model, m] of Object.entries(config.models)) {
      if (!(m.pipeline in config.pipelines)) {
        ctx.addIssue({
          code: 'custom',
          path: ['models', model, 'pipeline'],
          message: `unknown pipeline "${m.pipeline}"`,
        });
      }
      m.datasets.forEach((dataset, i) => {
        if (!(dataset in config.datasets)) {
          ctx.addIssue({
            code: 'custom',
            path: ['models', model, 'datasets', i],
            message: `unknown dataset "${dataset}"`,
          });
        }
      });
    }
    for (const [dataset, d] of Object.entries(config.datasets)) {
      if (d.pipeline !== undefined && !(d.pipeline in config.pipelines)) {
        ctx.addIssue({
          code: 'custom',
          path: ['datasets', dataset, 'pipeline'],
          message: `unknown pipeline "${d.pipeline}"`,
        });
      }
    }
  });

export type FleetConfig = z.output<typeof FleetConfigSchema>;
export type PipelineConfig = z.output<typeof PipelineConfig>;
export type GuardsConfig = z.output<typeof Guards>;
export type QuietHoursConfig = z.output<typeof QuietHours>;
export type ModelConfig = z.output<typeof ModelConfig>;
export type DatasetConfig = z.output<typeof DatasetConfig>;
export type TriggerKindValue = z.output<typeof TriggerKind>;
