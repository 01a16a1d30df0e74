import type { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { ConfigError } from '@fleet/shared';
import type { Secrets } from '../app/ports.js';
import { reportLinkKey } from '../domain/reportLink.js';

/** How long a secret read from SSM is reused before it is read again: 5 minutes. */
export const SECRET_MAX_AGE_SECONDS = 300;

/** Where the secrets are: SSM parameter names, from `secrets` of the fleet configuration. */
export type SecretNames = { slackBotToken?: string; slackSigningSecret?: string };

/**
 * The secrets of notify, read through Powertools Parameters from SSM SecureStrings (decrypted)
 * and cached for {@link SECRET_MAX_AGE_SECONDS}. The values are never logged: they go straight
 * to the HTTP header or body that needs them.
 */
export class SsmSecrets implements Secrets {
  readonly #provider: SSMProvider;
  readonly #names: SecretNames;

  constructor(provider: SSMProvider, names: SecretNames) {
    this.#provider = provider;
    this.#names = names;
  }

  /** @throws ConfigError when the parameter is missing or empty */
  async #read(name: string, what: string): Promise<string> {
    let value: string | undefined;
    try {
      value = await this.#provider.get(name, { decrypt: true, maxAge: SECRET_MAX_AGE_SECONDS });
    } catch (error) {
      throw new ConfigError('ssm', `cannot read ${what} from parameter ${name}: ${(error as Error).name}`, {
        cause: error,
      });
    }
    if (value === undefined || value.length === 0) throw new ConfigError('ssm', `parameter ${name} (${what}) is empty`);
    return value;
  }

  /** The Slack bot token (`secrets.slackBotToken`). @throws ConfigError when not configured or unreadable */
  async slackBotToken(): Promise<string> {
    if (this.#names.slackBotToken === undefined)
      throw new ConfigError('fleet.config.yaml', 'secrets.slackBotToken is not set');
    return this.#read(this.#names.slackBotToken, 'the Slack bot token');
  }

  routingKey(parameterName: string): Promise<string> {
    return this.#read(parameterName, 'a PagerDuty routing key');
  }

  async reportLinkKey(): Promise<Buffer | undefined> {
    if (this.#names.slackSigningSecret === undefined) return undefined;
    return reportLinkKey(await this.#read(this.#names.slackSigningSecret, 'the signing secret'));
  }
}
