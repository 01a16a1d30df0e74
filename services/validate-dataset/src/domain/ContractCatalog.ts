import type { DatasetContract } from '@fleet/shared/contract';
import { ConfigError } from '@fleet/shared/errors';

/** One contract the service validates against: its name in the configuration, its content and hash. */
export type CatalogEntry = {
  /** The contract file as the configuration names it (`contracts/churn.yaml`); events and records carry it. */
  name: string;
  contract: DatasetContract;
  /** SHA-256 of the contract's text, so a record says exactly which rules it was checked against. */
  hash: string;
};

/** Top-level prefix of profiles: never watched, so writing a profile cannot trigger validation again. */
export const PROFILES_PREFIX = 'profiles/';

/** Why an object has no contract to be checked against. */
export type CatalogMiss = { reason: 'profile' | 'folder-marker' | 'no-contract'; message: string };

/**
 * The dataset contracts of the fleet, found by S3 key: the longest matching `match` prefix wins.
 *
 * Built once per cold start from the configuration. Two contracts with the same prefix are a
 * configuration error, since neither could be said to win.
 */
export class ContractCatalog {
  readonly #entries: CatalogEntry[];

  /**
   * @param source - names the configuration file in errors
   * @throws ConfigError when two contracts share a prefix or a prefix lies under `profiles/`
   */
  constructor(entries: CatalogEntry[], source = 'configuration') {
    const byPrefix = new Map<string, CatalogEntry>();
    for (const entry of entries) {
      const { match } = entry.contract;
      const other = byPrefix.get(match);
      if (other !== undefined) {
        throw new ConfigError(source, `contracts ${other.name} and ${entry.name} both match "${match}"`);
      }
      if (match.startsWith(PROFILES_PREFIX)) {
        throw new ConfigError(
          source,
          `${entry.name}: match "${match}" lies under ${PROFILES_PREFIX}, where profiles are written`,
        );
      }
      byPrefix.set(match, entry);
    }
    this.#entries = [...byPrefix.values()].sort((a, b) => b.contract.match.length - a.contract.match.length);
  }

  /** Every contract, longest prefix first. */
  get entries(): readonly CatalogEntry[] {
    return this.#entries;
  }

  /** The contract of a decoded key, or why there is none. */
  resolve(key: string): CatalogEntry | CatalogMiss {
    if (key.startsWith(PROFILES_PREFIX)) {
      return { reason: 'profile', message: `${key} is a profile (under ${PROFILES_PREFIX}), not a dataset` };
    }
    if (key.endsWith('/')) return { reason: 'folder-marker', message: `${key} is a folder marker, not a dataset` };
    const entry = this.#entries.find((e) => key.startsWith(e.contract.match));
    return entry ?? { reason: 'no-contract', message: `no contract matches ${key}` };
  }
}

/** True when {@link ContractCatalog.resolve} found a contract. */
export const isCatalogEntry = (found: CatalogEntry | CatalogMiss): found is CatalogEntry => 'contract' in found;
