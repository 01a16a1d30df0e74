import { defaultSlackDependencies } from '../adapters/dependencies/slackDependencies.js';
import { notifySlack } from '../app/notifySlack.js';
import type { SlackPorts } from '../app/ports.js';
import { createDeliveryHandler } from './deliveryHandler.js';

/** Builds the handler that posts fleet events to Slack (see notifySlack). */
export const createSlackDeliveryHandler = (dependencies: () => SlackPorts = defaultSlackDependencies) =>
  createDeliveryHandler(notifySlack, dependencies);

/** Lambda entry point for the fleet events routed to Slack. */
export const handler = createSlackDeliveryHandler();
