import { fleetHandler } from '@fleet/shared';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { defaultSlackDependencies } from '../adapters/dependencies/slackDependencies.js';
import type { DeliveryOutcome } from '../app/deliverOnce.js';
import { type NotifyEvent, notifySlack } from '../app/notifySlack.js';
import type { SlackPorts } from '../app/ports.js';
import { FleetEventOfAnyType } from '../events/FleetEventOfAnyType.js';
import { invocationOptions } from './invocationOptions.js';

/** Builds the handler that posts fleet events to Slack (see notifySlack). */
export const createSlackDeliveryHandler = (dependencies: () => SlackPorts = defaultSlackDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: FleetEventOfAnyType,
    handler: (event, context): Promise<DeliveryOutcome[]> =>
      notifySlack(
        { detailType: event['detail-type'], detail: event.detail, time: event.time } as NotifyEvent,
        dependencies(),
        invocationOptions(context),
      ),
  });

/** Lambda entry point for the fleet events routed to Slack. */
export const handler = createSlackDeliveryHandler();
