import { fleetHandler, ModelPackageStateChangeEvent } from '@fleet/shared';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { defaultStartDependencies } from '../adapters/dependencies/startDependencies.js';
import type { BeginOutcome } from '../app/beginApproval.js';
import { startApproval } from '../app/startApproval.js';
import { invocationOptions } from './invocationOptions.js';

/**
 * Builds the handler of SageMaker's `Model Package State Change` (default bus): one approval per
 * package version pending manual approval in a group the fleet approves.
 */
export const createStartApprovalHandler = (dependencies = defaultStartDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: ModelPackageStateChangeEvent,
    handler: async (event, context): Promise<BeginOutcome> => {
      const { config, ports } = dependencies();
      const detail = event.detail as typeof event.detail & { MetadataProperties?: { GeneratedBy?: string } };
      const outcome = await startApproval(
        {
          eventId: event.id,
          modelPackageGroup: detail.ModelPackageGroupName,
          modelPackageArn: detail.ModelPackageArn,
          modelPackageVersion: detail.ModelPackageVersion,
          status: detail.ModelApprovalStatus,
          generatedBy: detail.MetadataProperties?.GeneratedBy,
        },
        config,
        ports,
        invocationOptions(context),
      );
      context.logger.info(`approval ${outcome.status}`, { outcome });
      return outcome;
    },
  });

/** Lambda entry point for SageMaker's model package state changes. */
export const handler = createStartApprovalHandler();
