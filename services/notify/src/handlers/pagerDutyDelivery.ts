import { defaultPagerDutyDependencies } from '../adapters/dependencies/pagerDutyDependencies.js';
import { notifyPagerDuty } from '../app/notifyPagerDuty.js';
import type { PagerDutyPorts } from '../app/ports.js';
import { createDeliveryHandler } from './deliveryHandler.js';

/** Builds the handler that opens and resolves PagerDuty incidents (see notifyPagerDuty). */
export const createPagerDutyDeliveryHandler = (dependencies: () => PagerDutyPorts = defaultPagerDutyDependencies) =>
  createDeliveryHandler(notifyPagerDuty, dependencies);

/** Lambda entry point for the fleet events routed to PagerDuty. */
export const handler = createPagerDutyDeliveryHandler();
