import { fleetHandler } from '@fleet/shared';
import { defaultPagerDutyDependencies } from '../adapters/dependencies/pagerDutyDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import type { DeliveryOutcome } from '../app/deliverOnce.js';
import { notifyPagerDuty } from '../app/notifyPagerDuty.js';
import type { NotifyEvent } from '../app/notifySlack.js';
import type { PagerDutyPorts } from '../app/ports.js';
import { FleetEventOfAnyType } from '../events/FleetEventOfAnyType.js';
import { invocationOptions } from './invocationOptions.js';

/** Builds the handler that opens and resolves PagerDuty incidents (see notifyPagerDuty). */
export const createPagerDutyDeliveryHandler = (dependencies: () => PagerDutyPorts = defaultPagerDutyDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: FleetEventOfAnyType,
    handler: (event, context): Promise<DeliveryOutcome[]> =>
      notifyPagerDuty(
        { detailType: event['detail-type'], detail: event.detail, time: event.time } as NotifyEvent,
        dependencies(),
        invocationOptions(context),
      ),
  });

/** Lambda entry point for the fleet events routed to PagerDuty. */
export const handler = createPagerDutyDeliveryHandler();
