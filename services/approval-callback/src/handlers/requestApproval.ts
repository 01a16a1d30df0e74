import { snsHandler } from '@fleet/shared';
import { defaultRequestDependencies } from '../adapters/dependencies/requestDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { requestApproval } from '../app/requestApproval.js';
import { ApprovalRequestMessageSchema } from '../events/ApprovalRequestMessage.js';
import { invocationOptions } from './invocationOptions.js';

/**
 * Builds the subscriber of the approvals topic: each request's task token is stored under its
 * approval id, the pending approval recorded and `Approval Requested` emitted, once.
 */
export const createRequestApprovalHandler = (dependencies = defaultRequestDependencies) =>
  snsHandler({
    service: serviceName,
    message: ApprovalRequestMessageSchema,
    handler: async (message, context): Promise<void> => {
      const { ports } = dependencies();
      const outcome = await requestApproval(message, ports, invocationOptions(context));
      context.logger.info(`approval ${outcome.status}`, { approvalId: outcome.approvalId });
    },
  });

/** Lambda entry point for the approvals topic. */
export const handler = createRequestApprovalHandler();
