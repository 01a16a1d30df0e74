import path from 'node:path';
import { ConfigError, type LoadedFleetConfig, loadContract } from '@fleet/shared';
import { type CatalogEntry, ContractCatalog } from '../domain/ContractCatalog.js';

/**
 * Loads every dataset contract the configuration names (`datasets.<name>.contract`, relative to
 * the configuration file) into a catalog.
 *
 * Run once per cold start. The contract's `dataset` must equal its key under `datasets`: events
 * and records carry the contract's name, and trigger-retraining looks the pipeline up by it.
 *
 * @throws ConfigError naming the file and field of a missing or invalid contract, a dataset whose
 * contract names another dataset, or two contracts with the same prefix
 */
export const loadContractCatalog = (
  config: Pick<LoadedFleetConfig, 'datasets' | 'baseDir' | 'file'>,
): ContractCatalog => {
  const entries: CatalogEntry[] = Object.entries(config.datasets).map(([dataset, settings]) => {
    const loaded = loadContract(path.resolve(config.baseDir, settings.contract));
    if (loaded.contract.dataset !== dataset) {
      throw new ConfigError(
        config.file,
        `datasets.${dataset}.contract: ${settings.contract} is the contract of dataset "${loaded.contract.dataset}", not "${dataset}"`,
      );
    }
    return { name: settings.contract, contract: loaded.contract, hash: loaded.hash };
  });
  return new ContractCatalog(entries, config.file);
};
