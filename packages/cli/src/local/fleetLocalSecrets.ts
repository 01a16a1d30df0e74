import { createHash } from 'node:crypto';
import type { LoadedFleetConfig } from '@fleet/shared';

/** A parameter of the local Parameter Store. */
export type FleetLocalParameter = { value: string; type: 'SecureString' };

/** Hex characters derived from the stage and the parameter name: the same local value on every start. */
const derive = (stage: string, name: string, length: number): string =>
  createHash('sha256').update(`fleet-local\n${stage}\n${name}`).digest('hex').slice(0, length);

/**
 * A local value for every secret the fleet configuration names, as SecureString parameters of
 * the local Parameter Store, so the functions read them exactly as on AWS.
 *
 * The values have the shapes the real ones have: a Slack signing secret of 32 hex characters, a
 * bot token `xoxb-<team>-<bot>-<secret>`, PagerDuty routing keys of exactly 32 characters. They
 * are derived from the stage and the name, so they stay the same from one start to the next
 * (a shell that exported them keeps working); they are local values and open nothing.
 */
export const fleetLocalSecrets = (config: LoadedFleetConfig): Record<string, FleetLocalParameter> => {
  const secrets: Record<string, FleetLocalParameter> = {};
  const put = (name: string | undefined, value: (name: string) => string) => {
    if (name !== undefined && secrets[name] === undefined) secrets[name] = { value: value(name), type: 'SecureString' };
  };
  put(config.secrets.slackSigningSecret, (name) => derive(config.stage, name, 32));
  put(config.secrets.slackBotToken, (name) => {
    const digits = BigInt(`0x${derive(config.stage, name, 24)}`)
      .toString()
      .padStart(26, '0');
    return `xoxb-${digits.slice(0, 13)}-${digits.slice(13, 26)}-${derive(config.stage, `${name}#secret`, 24)}`;
  });
  const routings = [config.routing, ...Object.values(config.models).map((model) => model.routing)];
  for (const routing of routings) {
    for (const name of Object.values(routing?.pagerduty ?? {})) put(name, (key) => derive(config.stage, key, 32));
  }
  return secrets;
};
