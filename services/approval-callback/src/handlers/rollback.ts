import { fleetHandler } from '@fleet/shared';
import { defaultRollbackDependencies } from '../adapters/dependencies/rollbackDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { type RollbackOutput, rollback } from '../app/deploy/rollback.js';
import { RollbackInput } from '../events/DirectInputs.js';

/**
 * Builds the handler of an operator's rollback by direct invocation (IAM-authorised):
 * `{ model, requestedBy, reason?, toVersion? }`. It answers the execution it started, the package
 * it deploys again and the one it replaces, or fails with a named error (`NothingToRollBackError`,
 * `DeploymentInProgressError`, `DeploymentsPausedError`, `UnknownDeploymentModelError`).
 */
export const createRollbackHandler = (dependencies = defaultRollbackDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: RollbackInput,
    handler: async (event, context): Promise<RollbackOutput> => {
      const { config, ports } = dependencies();
      const started = await rollback({ ...event, requestId: context.lambdaContext.awsRequestId }, config, ports);
      context.logger.info('rollback started', { rollback: started, correlationId: started.correlationId });
      return started;
    },
  });

/** Lambda entry point for operators' rollbacks. */
export const handler = createRollbackHandler();
