import { LambdaTimeoutError } from './LambdaTimeoutError.js';

/** The payload Lambda answers for a function error, as the Node.js runtime writes it. */
export type LambdaErrorPayload = { errorType: string; errorMessage: string; trace?: string[] };

/**
 * The response payload of an invocation whose handler failed, in the Node.js runtime's shape
 * (`{"errorType": "Error", "errorMessage": "...", "trace": [...]}`); a timeout is Lambda's
 * `Sandbox.Timedout` without a trace.
 */
export const lambdaErrorPayload = (error: Error): LambdaErrorPayload =>
  error instanceof LambdaTimeoutError || error.name === 'LambdaTimeoutError'
    ? { errorType: 'Sandbox.Timedout', errorMessage: error.message }
    : {
        errorType: error.name,
        errorMessage: error.message,
        trace: (error.stack ?? `${error.name}: ${error.message}`).split('\n'),
      };
