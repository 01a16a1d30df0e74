import { decodeS3Key, fleetHandler, type S3ObjectCreated, S3ObjectCreatedEvent } from '@fleet/shared';
import {
  type ObjectCreatedDependencies,
  objectCreatedDependencies,
} from '../adapters/createObjectCreatedDependencies.js';
import { serviceName } from '../adapters/serviceName.js';
import type { ValidationOutcome } from '../app/ValidationOutcome.js';
import type { ValidateObjectRequest } from '../app/validateObject.js';
import { validateObject } from '../app/validateObject.js';
import { leaseFor } from './leaseFor.js';
import { reportOutcome } from './reportOutcome.js';

/**
 * The validation request of an S3 `Object Created` event: the key decoded (in the one place
 * keys are decoded, `decodeS3Key`), the version id or etag the event announced, and the event id
 * as correlation id.
 */
export const objectCreatedRequest = (
  event: S3ObjectCreated,
  correlationId: string,
  leaseMs?: number,
): ValidateObjectRequest => {
  const { bucket, object } = event.detail;
  return {
    bucket: bucket.name,
    key: decodeS3Key(object.key),
    ...(object['version-id'] ? { versionId: object['version-id'] } : {}),
    ...(object.etag ? { etag: object.etag } : {}),
    correlationId,
    ...(leaseMs === undefined ? {} : { leaseMs }),
  };
};

/**
 * Builds the handler of S3 `Object Created` events (delivered by EventBridge from the default
 * bus): validates the object against its contract once per object version.
 *
 * Objects with nothing to validate (profiles, folder markers, keys no contract matches, objects
 * gone since) are acknowledged, not failed; infrastructure errors are thrown so Lambda retries
 * and finally sends the event to the dead-letter queue.
 */
export const createObjectCreatedHandler = (dependencies: () => ObjectCreatedDependencies = objectCreatedDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: S3ObjectCreatedEvent,
    correlationId: (event) => event.id,
    handler: async (event, context): Promise<ValidationOutcome> => {
      const { ports } = dependencies();
      const request = objectCreatedRequest(event, context.correlationId, leaseFor(context.lambdaContext));
      const outcome = await validateObject(request, ports);
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for S3 `Object Created` events. */
export const handler = createObjectCreatedHandler();
