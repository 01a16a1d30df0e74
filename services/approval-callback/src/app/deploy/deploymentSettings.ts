import type { DeploymentConfig, FleetConfig } from '@fleet/shared';
import { UnknownDeploymentModelError } from '../../domain/deployment/errors.js';

/** What the deployment of one model reads from the fleet configuration. */
export type ModelDeploymentSettings = { model: string; modelPackageGroup: string; deployment: DeploymentConfig };

/**
 * The deployment settings of a model by name.
 *
 * @throws UnknownDeploymentModelError when the model has no package group or deployment section
 */
export const deploymentSettingsOf = (config: Pick<FleetConfig, 'models'>, model: string): ModelDeploymentSettings => {
  const found = config.models[model];
  if (found?.modelPackageGroup === undefined || found.deployment === undefined) {
    throw new UnknownDeploymentModelError(model);
  }
  return { model, modelPackageGroup: found.modelPackageGroup, deployment: found.deployment };
};
