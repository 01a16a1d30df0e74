import { fleetHandler } from '@fleet/shared';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import type { DeliveryOutcome } from '../app/deliverOnce.js';
import type { NotifyEvent } from '../app/notifySlack.js';
import type { InvocationOptions } from '../app/ports.js';
import { FleetEventOfAnyType } from '../events/FleetEventOfAnyType.js';
import { invocationOptions } from './invocationOptions.js';

/**
 * Builds a handler that takes any fleet event off EventBridge and hands it to `notify` (Slack,
 * PagerDuty) with the ports `dependencies` builds and this invocation's options.
 */
export const createDeliveryHandler = <Ports>(
  notify: (event: NotifyEvent, ports: Ports, options: InvocationOptions) => Promise<DeliveryOutcome[]>,
  dependencies: () => Ports,
) =>
  fleetHandler({
    service: serviceName,
    schema: FleetEventOfAnyType,
    handler: (event, context): Promise<DeliveryOutcome[]> =>
      notify(
        { detailType: event['detail-type'], detail: event.detail, time: event.time } as NotifyEvent,
        dependencies(),
        invocationOptions(context),
      ),
  });
