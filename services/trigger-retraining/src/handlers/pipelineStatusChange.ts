import { fleetHandler, PipelineExecutionStatusChangeEvent } from '@fleet/shared';
import { defaultFollowDependencies, type FollowDependencies } from '../adapters/dependencies/followDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { type FollowOutcome, followExecution } from '../app/followExecution.js';
import { reportOutcome } from './reportOutcome.js';

/**
 * Builds the handler of SageMaker's "Model Building Pipeline Execution Status Change": runs the
 * fleet started are recorded and announced as `Retraining Succeeded` or `Retraining Failed`.
 */
export const createPipelineStatusChangeHandler = (dependencies: () => FollowDependencies = defaultFollowDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: PipelineExecutionStatusChangeEvent,
    handler: async (event, context): Promise<FollowOutcome> => {
      const { ports } = dependencies();
      const outcome = await followExecution(
        {
          executionArn: event.detail.pipelineExecutionArn,
          status: event.detail.currentPipelineExecutionStatus,
          at: event.detail.executionEndTime ?? event.time,
        },
        ports,
      );
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for SageMaker pipeline status changes from the default bus. */
export const handler = createPipelineStatusChangeHandler();
