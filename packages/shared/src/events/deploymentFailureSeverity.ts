import * as z from 'zod';
import type { SeverityValue } from './Severity.js';

/**
 * Why a deployment failed: the closed set of `failure.code` values of `Deployment Failed`.
 *
 * - `rolled_back`: the endpoint ended `InService` on its previous configuration (an alarm fired
 *   during the canary or baking); the old model serves.
 * - `update_rollback_failed`: SageMaker could not roll back; old and new may both serve.
 * - `failed`: the endpoint ended `Failed`.
 * - `validation`: SageMaker refused a request (`ValidationException`); nothing changed.
 * - `superseded`: a newer approved package of the same endpoint was deployed instead.
 * - `timeout`: the deployment did not settle within its maximum duration; its state is unknown.
 */
export const DeploymentFailureCode = z.enum([
  'rolled_back',
  'update_rollback_failed',
  'failed',
  'validation',
  'superseded',
  'timeout',
]);

/** One of the {@link DeploymentFailureCode} values. */
export type DeploymentFailureCodeValue = z.output<typeof DeploymentFailureCode>;

/**
 * The severity of each deployment failure code: the one place it is decided.
 *
 * `error` and `critical` page (notify's default routing); the rest only post to Slack.
 * - `update_rollback_failed` is `critical`: production may serve a mix of two models.
 * - `rolled_back`, `failed` and `timeout` are `error`: the approved model is not serving and
 *   someone must look (for `timeout`, at an endpoint in an unknown state).
 * - `validation` is `warning`: a configuration mistake; the serving model is untouched.
 * - `superseded` is `info` and never pages: a newer model won, which is the fleet working.
 */
export const DEPLOYMENT_FAILURE_SEVERITY = {
  rolled_back: 'error',
  update_rollback_failed: 'critical',
  failed: 'error',
  validation: 'warning',
  superseded: 'info',
  timeout: 'error',
} as const satisfies Record<DeploymentFailureCodeValue, SeverityValue>;

/**
 * Returns the severity of a deployment failure code, as `Deployment Failed` must carry it.
 *
 * Producers call this rather than choosing a severity; the catalog rejects a detail whose
 * severity differs, so notify can route on `severity` alone.
 *
 * @example
 * deploymentFailureSeverity('superseded') // 'info'
 */
export const deploymentFailureSeverity = (code: DeploymentFailureCodeValue): SeverityValue =>
  DEPLOYMENT_FAILURE_SEVERITY[code];
