export { createLambdaContext, type LambdaContextInput } from './createLambdaContext.js';
export { HandlerLoadError } from './HandlerLoadError.js';
export {
  type DeadLetter,
  type InvocationOutcome,
  type InvocationRecord,
  type InvocationResult,
  type InvocationTrigger,
  type LambdaFunction,
  LambdaRunner,
  type LambdaRunnerOptions,
} from './LambdaRunner.js';
export { LambdaTimeoutError } from './LambdaTimeoutError.js';
export { type LambdaErrorPayload, lambdaErrorPayload } from './lambdaErrorPayload.js';
export { type LambdaInvokePort, lambdaHttpHandler } from './lambdaHttpHandler.js';
export { type FunctionReference, parseFunctionName } from './parseFunctionName.js';
