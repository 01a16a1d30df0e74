import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { ConfigError } from '@fleet/shared';
import type { SigningSecret } from '../app/ports.js';

/** How long the signing secret is cached, in seconds: a rotation reaches warm functions within this. */
export const SECRET_CACHE_SECONDS = 300;

/**
 * Reads the signing secret through Powertools parameters (decrypted, cached for
 * {@link SECRET_CACHE_SECONDS}). The value is never logged; errors name the parameter only.
 */
export class SsmSigningSecret implements SigningSecret {
  readonly #provider: SSMProvider;
  readonly #name: string;

  constructor(client: SSMClient, name: string) {
    this.#provider = new SSMProvider({ awsSdkV3Client: client });
    this.#name = name;
  }

  /** @throws ConfigError naming the parameter when it is missing or empty */
  async get(): Promise<string> {
    const value = await this.#provider.get(this.#name, { decrypt: true, maxAge: SECRET_CACHE_SECONDS });
    if (typeof value !== 'string' || value.length === 0) {
      throw new ConfigError('environment', `the Slack signing secret parameter ${this.#name} is empty or missing`);
    }
    return value;
  }
}
