import { ConfigError, fleetHandler } from '@fleet/shared';
import { type ValidateDependencies, validateDependencies } from '../adapters/createValidateDependencies.js';
import { serviceName } from '../adapters/serviceName.js';
import type { ValidationOutcome } from '../app/ValidationOutcome.js';
import { validateObject } from '../app/validateObject.js';
import { ValidateRequest } from '../events/ValidateRequest.js';
import { leaseFor } from './leaseFor.js';
import { reportOutcome } from './reportOutcome.js';

/**
 * Builds the handler of a direct invocation (`{ bucket?, key, versionId?, correlationId? }`,
 * see ValidateRequest): validates one object and returns the outcome, so a synchronous caller
 * (an operator, a backfill script) gets the verdict, row count, issue counts and record key.
 *
 * The same use case as S3 events, so the same object version is never validated twice, whichever
 * way it arrives. The correlation id is the caller's, else the Lambda request id.
 */
export const createValidateHandler = (dependencies: () => ValidateDependencies = validateDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: ValidateRequest,
    correlationId: (event) => event.correlationId,
    handler: async (event, context): Promise<ValidationOutcome> => {
      const { ports, dataBucket } = dependencies();
      const bucket = event.bucket ?? dataBucket;
      if (bucket === undefined) {
        throw new ConfigError('environment', 'DATA_BUCKET is not set and the request names no bucket');
      }
      const outcome = await validateObject(
        {
          bucket,
          key: event.key,
          ...(event.versionId === undefined ? {} : { versionId: event.versionId }),
          correlationId: context.correlationId,
          leaseMs: leaseFor(context.lambdaContext),
        },
        ports,
      );
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for direct invocations. */
export const handler = createValidateHandler();
