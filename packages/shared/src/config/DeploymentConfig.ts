import * as z from 'zod';
import { sageMakerName } from './sageMakerName.js';

/** Sampling and placement of SageMaker Data Capture, which the drift monitor reads. */
export const DataCaptureConfig = z.strictObject({
  samplingPercent: z.number().int().min(0).max(100).default(100),
  /** Key prefix in the data bucket; never under a watched dataset prefix. */
  prefix: z.string().min(1).default('capture'),
  csvContentTypes: z.array(z.string().min(1)).min(1).default(['text/csv']),
});

/**
 * How a model is deployed to its endpoint: blue/green with canary, linear or all-at-once
 * traffic shifting and automatic rollback on alarms.
 *
 * Ranges are the ones SageMaker enforces on `UpdateEndpoint`'s `DeploymentConfig`
 * (`WaitIntervalInSeconds` and `TerminationWaitInSeconds` 0-3600,
 * `MaximumExecutionTimeoutInSeconds` 600-28800, linear steps 10-50 %, at most 10 alarms, two of
 * them the stack's), so a mistake fails at cold start naming the field. `variantName` must stay
 * stable across deployments: guardrails require the same variant name.
 */
export const DeploymentConfig = z
  .strictObject({
    endpointName: sageMakerName,
    variantName: sageMakerName.default('AllTraffic'),
    instanceType: z.string().regex(/^ml\.[a-z0-9]+\.[a-z0-9]+$/, 'expected an instance type such as ml.m5.large'),
    /** Two by default: a canary is at most half the instances. */
    instanceCount: z.number().int().min(1).default(2),
    executionRoleArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'expected an IAM role ARN (arn:aws:iam::<account>:role/<name>)'),
    strategy: z.enum(['canary', 'linear', 'all-at-once']).default('canary'),
    canaryPercent: z.number().int().min(1).max(50).default(10),
    linearStepPercent: z.number().int().min(10).max(50).optional(),
    waitIntervalSeconds: z.number().int().min(0).max(3600).default(600),
    /** Baking: how long the old fleet is kept after the full shift, while alarms still roll back. */
    terminationWaitSeconds: z.number().int().min(0).max(3600).default(600),
    maximumExecutionTimeoutSeconds: z.number().int().min(600).max(28800).optional(),
    /**
     * Alarm names to roll back on. The stack adds two per endpoint variant (Invocation5XXErrors
     * and ModelLatency p99) and SageMaker takes at most 10 in all, so at most 8 here.
     */
    rollbackAlarms: z
      .array(z.string().min(1))
      .max(8, 'at most 8: the stack adds 2 alarms per endpoint variant and SageMaker takes at most 10')
      .default([]),
    dataCapture: DataCaptureConfig.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.instanceCount === 1 && d.strategy !== 'all-at-once') {
      ctx.addIssue({
        code: 'custom',
        path: ['strategy'],
        message: 'a single instance allows only "all-at-once" (with baking): a canary or linear step is at most half',
      });
    }
    if (
      d.strategy === 'canary' &&
      d.instanceCount > 1 &&
      Math.ceil((d.instanceCount * d.canaryPercent) / 100) > d.instanceCount / 2
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['canaryPercent'],
        message: `a canary of ${d.canaryPercent} % is more than half of ${d.instanceCount} instances`,
      });
    }
    if (d.strategy === 'linear' && d.linearStepPercent === undefined) {
      ctx.addIssue({ code: 'custom', path: ['linearStepPercent'], message: 'required when strategy is "linear"' });
    }
    const steps = d.strategy === 'linear' ? Math.ceil(100 / (d.linearStepPercent ?? 100)) : 1;
    const waits = (d.strategy === 'all-at-once' ? 0 : d.waitIntervalSeconds * steps) + d.terminationWaitSeconds;
    if (d.maximumExecutionTimeoutSeconds !== undefined && d.maximumExecutionTimeoutSeconds <= waits) {
      ctx.addIssue({
        code: 'custom',
        path: ['maximumExecutionTimeoutSeconds'],
        message: `must be more than the waits add up to (${waits} s)`,
      });
    }
  });

/** A model's deployment settings with defaults applied. */
export type DeploymentConfig = z.output<typeof DeploymentConfig>;
/** Data Capture settings with defaults applied. */
export type DataCaptureConfig = z.output<typeof DataCaptureConfig>;
