import { fleetHandler } from '@fleet/shared';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { defaultSlackDependencies } from '../adapters/dependencies/slackDependencies.js';
import type { DeliveryOutcome } from '../app/deliverOnce.js';
import { fireDigest } from '../app/fireDigest.js';
import type { SlackPorts } from '../app/ports.js';
import { DigestFireEvent } from '../events/DigestFireEvent.js';
import { invocationOptions } from './invocationOptions.js';

/** Builds the handler the digest schedules invoke with `{ kind: 'digest', channel, windowId }`. */
export const createDigestFireHandler = (dependencies: () => SlackPorts = defaultSlackDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: DigestFireEvent,
    correlationId: (event) => `digest-${event.windowId}`,
    handler: (event, context): Promise<DeliveryOutcome> =>
      fireDigest(event, dependencies(), invocationOptions(context)),
  });

/** Lambda entry point for the digest schedules. */
export const handler = createDigestFireHandler();
