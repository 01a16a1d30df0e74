import { type SageMakerErrorName, SageMakerTaskError } from './errors.js';
import { errorCode, errorMessage, isTransientSageMakerFailure } from './sageMakerFailure.js';

/**
 * Classifies a SageMaker failure into a name the state machine's `Retry` and `Catch` can match,
 * rather than by `SageMaker.*` error names that cannot be checked offline.
 *
 * @example
 * classifySageMakerError(Object.assign(new Error('slow down'), { name: 'ThrottlingException' })).name // 'SageMakerTransientError'
 */
export const classifySageMakerError = (error: unknown): SageMakerTaskError => {
  const code = errorCode(error);
  let name: SageMakerErrorName;
  if (isTransientSageMakerFailure(error)) name = 'SageMakerTransientError';
  else if (code === 'ResourceNotFound' || code === 'ResourceNotFoundException') name = 'ModelPackageNotFoundError';
  else if (code === 'ConflictException') name = 'ModelPackageConflictError';
  else name = 'SageMakerRequestError';
  return new SageMakerTaskError(name, code, errorMessage(error), { cause: error });
};

/** What a failed `SendTaskSuccess` means for the decision. */
export type SendFailureKind = 'closed' | 'transient';

const CLOSED = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * `closed` when Step Functions says the wait is over (`TaskTimedOut`, `TaskDoesNotExist`,
 * `InvalidToken`): the approval closed meanwhile and no token will ever work again. Anything
 * else is `transient`: the decision stands and is sent again.
 */
export const classifySendFailure = (error: unknown): SendFailureKind =>
  CLOSED.has(errorCode(error)) ? 'closed' : 'transient';
