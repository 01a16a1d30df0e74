import type { FleetDetail, FleetDetailType, SeverityValue } from '@fleet/shared';
import type { MessageContext } from '../MessageContext.js';
import type { SlackMessage } from '../SlackMessage.js';
import { approvalDecidedTopLevel } from './approvalDecidedMessages.js';
import { approvalRequestedMessage } from './approvalRequestedMessage.js';
import { datasetRejectedMessage } from './datasetRejectedMessage.js';
import { deploymentFailedMessage, modelDeployedMessage } from './deploymentMessages.js';
import { driftClearedMessage, driftDetectedMessage } from './driftMessages.js';
import { genericMessage } from './genericMessage.js';
import { retrainingFailedMessage } from './retrainingFailedMessage.js';

/**
 * The stand-alone Slack message of an event: the dedicated builder of its kind, or the generic
 * one. (`Approval Decided` normally updates the request's message and replies in its thread;
 * this is its top-level form, for when no request was posted.)
 */
export const slackMessageFor = <T extends FleetDetailType>(
  detailType: T,
  detail: FleetDetail<T>,
  severity: SeverityValue,
  ctx: MessageContext,
): SlackMessage => {
  switch (detailType) {
    case 'Dataset Rejected':
      return datasetRejectedMessage(detail as FleetDetail<'Dataset Rejected'>);
    case 'Retraining Failed':
      return retrainingFailedMessage(detail as FleetDetail<'Retraining Failed'>);
    case 'Drift Detected':
      return driftDetectedMessage(detail as FleetDetail<'Drift Detected'>, ctx);
    case 'Drift Cleared':
      return driftClearedMessage(detail as FleetDetail<'Drift Cleared'>, ctx);
    case 'Approval Requested':
      return approvalRequestedMessage(detail as FleetDetail<'Approval Requested'>);
    case 'Approval Decided':
      return approvalDecidedTopLevel(detail as FleetDetail<'Approval Decided'>);
    case 'Model Deployed':
      return modelDeployedMessage(detail as FleetDetail<'Model Deployed'>);
    case 'Deployment Failed':
      return deploymentFailedMessage(detail as FleetDetail<'Deployment Failed'>);
    default:
      return genericMessage(detailType, detail as Record<string, unknown>, severity);
  }
};
