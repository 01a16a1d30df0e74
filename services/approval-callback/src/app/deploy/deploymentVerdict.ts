import type { DeploymentDecision } from './DeploymentRecord.js';
import type { CaughtError, DeploymentTaskInput } from './DeploymentState.js';

/** How a deployment that started ended, and why in words when it did not deploy (a paused one never started). */
export type DeploymentVerdict = { decision: Exclude<DeploymentDecision, 'paused'>; message: string };

const ENDED = new Set(['deployed', 'rolled_back', 'failed', 'update_rollback_failed', 'timeout']);

/** The message of a caught task failure: Lambda's `errorMessage` inside `Cause` when it is there. */
const causeMessage = (caught: CaughtError): string => {
  const cause = caught.Cause ?? '';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof parsed.errorMessage === 'string' && parsed.errorMessage !== '') return parsed.errorMessage;
  } catch {
    // Not Lambda's error payload (a States.* error): the cause is the message.
  }
  return cause === '' ? caught.Error : cause;
};

/**
 * What the deployment branch came to, from the state it ends with: a caught task failure
 * (`validation` for SageMaker's `ValidationException`, else `failed`, with the error's message),
 * a newer package (`superseded`), or the endpoint's settled outcome. A branch that reached the end
 * with none of these is `failed` too: nothing ends without a verdict.
 */
export const deploymentVerdict = (input: DeploymentTaskInput): DeploymentVerdict => {
  if (input.deploymentError !== undefined) {
    const message = causeMessage(input.deploymentError);
    return {
      decision: input.deploymentError.Error === 'DeploymentValidationError' ? 'validation' : 'failed',
      message: `${input.deploymentError.Error}: ${message}`,
    };
  }
  if (input.deployment?.outcome === 'superseded') {
    return {
      decision: 'superseded',
      message: `a newer approved package is deployed instead: ${input.deployment.supersededBy}`,
    };
  }
  const endpoint = input.endpoint;
  if (endpoint !== undefined && ENDED.has(endpoint.outcome)) {
    return {
      decision: endpoint.outcome as DeploymentVerdict['decision'],
      message:
        endpoint.message ?? (endpoint.outcome === 'deployed' ? 'InService on the new configuration' : endpoint.outcome),
    };
  }
  return { decision: 'failed', message: 'the deployment ended without an endpoint outcome' };
};
