import type { DeploymentFailed, ModelDeployed } from '@fleet/shared';
import { context, fallback, fields, header, SEVERITY_EMOJI, section } from '../blocks.js';
import type { SlackMessage } from '../SlackMessage.js';
import { escapeMrkdwn } from '../text.js';
import { versionOf } from './approvalRequestedMessage.js';

/** A model deployed to its endpoint. */
export const modelDeployedMessage = (detail: ModelDeployed): SlackMessage => {
  const version = versionOf(detail);
  return {
    text: fallback(`Deployed: ${detail.model} version ${version} to ${detail.endpointName} (${detail.strategy})`),
    blocks: [
      header(`:rocket: Deployed: ${detail.model} v${version}`),
      fields([
        ['Model', detail.model],
        ['Package version', version],
        ['Endpoint', detail.endpointName],
        ['Strategy', detail.strategy],
      ]),
      context([`correlation \`${escapeMrkdwn(detail.correlationId)}\``]),
    ],
  };
};

/** A deployment that failed: its failure code, severity and SageMaker's words. */
export const deploymentFailedMessage = (detail: DeploymentFailed): SlackMessage => {
  const version = versionOf(detail);
  return {
    text: fallback(
      `Deployment ${detail.failure.code}: ${detail.model} version ${version} on ${detail.endpointName}: ${detail.failure.message}`,
    ),
    blocks: [
      header(`${SEVERITY_EMOJI[detail.severity]} Deployment ${detail.failure.code}: ${detail.model} v${version}`),
      fields([
        ['Model', detail.model],
        ['Package version', version],
        ['Endpoint', detail.endpointName],
        ['Severity', detail.severity],
      ]),
      section(`*What happened*\n${escapeMrkdwn(detail.failure.message || detail.failure.code)}`),
      context([`correlation \`${escapeMrkdwn(detail.correlationId)}\``]),
    ],
  };
};
