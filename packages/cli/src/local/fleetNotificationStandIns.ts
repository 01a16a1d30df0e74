import { PagerDutyStandIn, SlackStandIn } from '@fleet/local-cloud';
import type { LoadedFleetConfig } from '@fleet/shared';

/** The Slack and PagerDuty stand-ins the fleet's notifications go to on the local cloud. */
export type FleetNotificationStandIns = { slack: SlackStandIn; pagerDuty: PagerDutyStandIn };

/**
 * The Slack workspace and PagerDuty account of the fleet on the local cloud, made to agree with
 * the local Parameter Store: the Slack stand-in signs clicks with the signing secret and accepts
 * only the bot token that the parameters named in `secrets` hold, has every channel the routing
 * names (fleet-wide and per model), and PagerDuty accepts only the routing keys those parameters
 * hold (when the configuration names any).
 *
 * `parameters` are the values the local Parameter Store is seeded with, by parameter name.
 */
export const fleetNotificationStandIns = (
  config: LoadedFleetConfig,
  parameters: Readonly<Record<string, { value: string }>>,
): FleetNotificationStandIns => {
  const parameterValue = (name: string | undefined): string | undefined =>
    name === undefined ? undefined : parameters[name]?.value;
  const routings = [config.routing, ...Object.values(config.models).map((model) => model.routing)];
  const channels = [
    ...new Set(routings.map((routing) => routing?.slackChannel).filter((id): id is string => id !== undefined)),
  ];
  const routingKeys = [
    ...new Set(
      routings
        .flatMap((routing) => Object.values(routing?.pagerduty ?? {}))
        .map(parameterValue)
        .filter((key): key is string => key !== undefined),
    ),
  ];
  const signingSecret = parameterValue(config.secrets.slackSigningSecret);
  const botToken = parameterValue(config.secrets.slackBotToken);
  return {
    slack: new SlackStandIn({
      ...(signingSecret === undefined ? {} : { signingSecret }),
      ...(botToken === undefined ? {} : { botToken }),
      ...(channels.length === 0 ? {} : { channels }),
    }),
    pagerDuty: new PagerDutyStandIn(routingKeys.length === 0 ? {} : { routingKeys }),
  };
};
