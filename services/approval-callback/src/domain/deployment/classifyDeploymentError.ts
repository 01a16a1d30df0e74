import { errorCode, errorMessage, isTransientSageMakerFailure } from '../sageMakerFailure.js';
import { type DeploymentErrorName, DeploymentTaskError } from './errors.js';

/** Codes that say "later" for hosting calls besides those of every SageMaker call: capacity limits. */
const HOSTING_TRANSIENT: ReadonlySet<string> = new Set(['ResourceLimitExceeded', 'TooManyRequestsException']);

/** SageMaker's words for an endpoint that is being created, updated or rolled back by someone. */
const BUSY = /Cannot update in-progress endpoint/i;

/**
 * Classifies a failed SageMaker hosting call into a name the deployment branch's `Retry` and
 * `Catch` match:
 *
 * | name | when | the state machine |
 * | --- | --- | --- |
 * | `DeploymentTransientError` | `ResourceLimitExceeded`, throttling, a server fault | retries with backoff |
 * | `EndpointBusyError` | "Cannot update in-progress endpoint" (a `ValidationException`) | retries with backoff |
 * | `DeploymentValidationError` | any other `ValidationException`: bad settings, nothing changed | fails the deployment (`validation`) with SageMaker's message |
 * | `DeploymentRequestError` | anything else | fails the deployment (`failed`) |
 *
 * @example
 * classifyDeploymentError(Object.assign(new Error('quota'), { name: 'ResourceLimitExceeded' })).name // 'DeploymentTransientError'
 */
export const classifyDeploymentError = (error: unknown): DeploymentTaskError => {
  if (error instanceof DeploymentTaskError) return error;
  const code = errorCode(error);
  const message = errorMessage(error);
  let name: DeploymentErrorName;
  if (isTransientSageMakerFailure(error, HOSTING_TRANSIENT)) name = 'DeploymentTransientError';
  else if (code === 'ValidationException' && BUSY.test(message)) name = 'EndpointBusyError';
  else if (code === 'ValidationException') name = 'DeploymentValidationError';
  else name = 'DeploymentRequestError';
  return new DeploymentTaskError(name, code, message, { cause: error });
};
