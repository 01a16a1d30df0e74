/** The error code of a failed SDK call (its `name`), or `Error` for anything that is not an Error. */
export const errorCode = (error: unknown): string => (error instanceof Error ? error.name : 'Error');

/** The message of a failed SDK call. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Codes that say "later" for any SageMaker call: throttling, SageMaker's own faults, the network. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'ServiceUnavailable',
  'InternalFailure',
  'InternalServerError',
  'RequestTimeout',
  'TimeoutError',
  'ECONNRESET',
]);

/**
 * Whether a failed SageMaker call is worth retrying: a transient code, one of the caller's own
 * (`also`, e.g. `ResourceLimitExceeded` for hosting), or any server fault (`$fault: 'server'`).
 */
export const isTransientSageMakerFailure = (error: unknown, also: ReadonlySet<string> = new Set()): boolean => {
  const code = errorCode(error);
  return TRANSIENT_CODES.has(code) || also.has(code) || (error as { $fault?: string } | null)?.$fault === 'server';
};
