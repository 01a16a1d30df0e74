import type { DeploymentConfig } from '@fleet/shared';

/** SageMaker's largest `MaximumExecutionTimeoutInSeconds`: the bound when none is configured. */
const SAGEMAKER_MAXIMUM_SECONDS = 28_800;

/** Time beyond SageMaker's own timeout for launching the first fleet and rolling back (30 minutes). */
const MARGIN_MS = 30 * 60_000;

/**
 * The longest a deployment of these settings may take, in milliseconds: SageMaker's
 * `MaximumExecutionTimeoutInSeconds` (or its largest value when none is set) and half an hour for
 * launching instances and a rollback. The endpoint's deployment lease is held this long, and a
 * deployment still unsettled after it ends as `timeout`.
 *
 * @example
 * deploymentMaximumMs({ maximumExecutionTimeoutSeconds: 3600 }) // 5_400_000
 */
export const deploymentMaximumMs = (settings: Pick<DeploymentConfig, 'maximumExecutionTimeoutSeconds'>): number =>
  (settings.maximumExecutionTimeoutSeconds ?? SAGEMAKER_MAXIMUM_SECONDS) * 1000 + MARGIN_MS;
