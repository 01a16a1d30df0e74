import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, parseFleetConfig } from '@fleet/shared';
import { loadContractCatalog } from '../../../src/adapters/loadContractCatalog.js';
import { isCatalogEntry } from '../../../src/domain/ContractCatalog.js';
import { repoRoot } from '../../support/repoRoot.js';

describe('loadContractCatalog', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fleet-catalog-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const configWith = (datasets: string) => {
    const file = path.join(dir, 'fleet.config.yaml');
    writeFileSync(file, `version: 1\ndatasets:\n${datasets}`);
    return parseFleetConfig(readFileSync(file, 'utf8'), { file, stage: 'dev' });
  };

  it('loads the contracts of the repository configuration with their hashes', () => {
    // Prepare
    const file = path.join(repoRoot, 'fleet.config.yaml');
    const config = parseFleetConfig(readFileSync(file, 'utf8'), { file, stage: 'dev' });

    // Act
    const catalog = loadContractCatalog(config);

    // Assess
    const found = catalog.resolve('raw/churn/2024-05-01/customers.csv');
    expect(isCatalogEntry(found) && { name: found.name, dataset: found.contract.dataset }).toEqual({
      name: 'contracts/churn.yaml',
      dataset: 'churn',
    });
    expect(isCatalogEntry(found) && found.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('throws a ConfigError naming a contract file that does not exist', () => {
    // Prepare
    const config = configWith('  churn:\n    contract: contracts/missing.yaml\n');

    // Act
    const load = () => loadContractCatalog(config);

    // Assess
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/contracts\/missing\.yaml: cannot read contract: ENOENT/);
  });

  it('throws a ConfigError when a contract names another dataset than its key', () => {
    // Prepare
    writeFileSync(path.join(dir, 'iris.yaml'), 'dataset: iris\nmatch: raw/iris/\ncolumns:\n  a: { type: string }\n');
    const config = configWith('  flowers:\n    contract: iris.yaml\n');

    // Act
    const load = () => loadContractCatalog(config);

    // Assess
    expect(load).toThrow('datasets.flowers.contract: iris.yaml is the contract of dataset "iris", not "flowers"');
  });
});
