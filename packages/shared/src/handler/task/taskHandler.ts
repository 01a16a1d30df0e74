import type { MiddyfiedHandler } from '@middy/core';
import type * as z from 'zod';
import type { FleetHandlerContext } from '../fleetHandler.js';
import { fleetMiddy } from '../fleetMiddy.js';
import { defaultCorrelationId, pickCorrelationId } from '../middlewares/correlationId.js';
import { validateEvent } from '../middlewares/validateEvent.js';
import { taskErrorName } from './taskErrorName.js';

/** Options of {@link taskHandler}. */
export type TaskHandlerOptions<S extends z.ZodType, R> = {
  /** The service name, for example `approval-callback`. */
  service: string;
  /** The schema of the task's input (the state's `Parameters` or its input). */
  input: S;
  /** Finds the correlation id in the input; by default its `correlationId`, then `detail.correlationId`. */
  correlationId?: (input: z.output<S>) => string | undefined;
  /** The work: its result becomes the task's output. */
  handler: (input: z.output<S>, ctx: FleetHandlerContext) => Promise<R>;
};

const inputCorrelationId = (input: unknown): string | undefined => {
  const id =
    typeof input === 'object' && input !== null ? (input as { correlationId?: unknown }).correlationId : undefined;
  return typeof id === 'string' && id.length > 0 ? id : defaultCorrelationId(input);
};

/**
 * Wraps a Lambda that a Step Functions `Task` state invokes: validated input, and errors whose
 * name the state machine's `Catch` and `Retry` can match.
 *
 * Same chain as `fleetHandler`. When the function throws, Lambda reports the error's `name` as
 * the task's `Error` and `{"errorType": name, "errorMessage": message, "trace": [...]}` as its
 * `Cause` (a JSON string; read it with `States.StringToJson`). The names:
 *
 * | `Error`                     | when                                                 | retry? |
 * | --------------------------- | ---------------------------------------------------- | ------ |
 * | `ValidationError`           | the input does not match `input` (fields in the message) | never |
 * | the error's own `name`      | an error class that sets one (domain errors, SDK errors such as `ThrottlingException`) | per name |
 * | `TaskFailedError`           | a plain `Error` or a thrown non-error (original kept as `cause`) | as the state machine decides |
 * | `Lambda.*`, `States.*`      | raised by Lambda or Step Functions, not by this code (timeouts, throttles) | per AWS |
 *
 * Error classes must set `this.name` (house style): bundles are minified, so a class name is not
 * a stable error name.
 */
export const taskHandler = <S extends z.ZodType, R>(
  options: TaskHandlerOptions<S, R>,
): MiddyfiedHandler<unknown, R> => {
  const { logger, metrics, tracer, chain } = fleetMiddy<unknown, R>({
    service: options.service,
    resolveCorrelationId: inputCorrelationId,
  });
  // After errorLogger: onError runs in reverse, so the log line shows the name the state machine sees.
  return chain
    .use(taskErrorName())
    .use(validateEvent({ schema: options.input, where: 'task input' }))
    .handler(async (input, lambdaContext) => {
      const validated = input as z.output<S>;
      const correlationId = pickCorrelationId(
        options.correlationId?.(validated),
        inputCorrelationId(validated),
        lambdaContext?.awsRequestId,
      );
      logger.appendKeys({ correlationId });
      return options.handler(validated, { correlationId, logger, metrics, tracer, lambdaContext });
    });
};
