import path from 'node:path';
import { ConfigError, resetFleetConfig } from '@fleet/shared';
import { createDependencies } from '../../../src/adapters/createDependencies.js';
import { isCatalogEntry } from '../../../src/domain/ContractCatalog.js';
import { repoRoot } from '../../support/repoRoot.js';

const baseEnv = {
  FLEET_CONFIG_FILE: path.join(repoRoot, 'fleet.config.yaml'),
  FLEET_STAGE: 'dev',
  RECORDS_TABLE_NAME: 'fleet-dev-records',
  EVENT_BUS_NAME: 'fleet-dev',
  DATA_BUCKET: 'fleet-dev-data',
};

describe('createDependencies', () => {
  beforeEach(() => {
    resetFleetConfig();
  });

  afterAll(() => {
    resetFleetConfig();
  });

  it('builds the ports with the contracts of the configuration', () => {
    // Prepare
    const env = { ...baseEnv };

    // Act
    const { ports, dataBucket } = createDependencies(env);

    // Assess
    expect(dataBucket).toBe('fleet-dev-data');
    expect(isCatalogEntry(ports.contracts.resolve('raw/churn/a.csv'))).toBe(true);
  });

  it('throws a ConfigError naming a missing variable', () => {
    // Prepare
    const env = { ...baseEnv, RECORDS_TABLE_NAME: '' };

    // Act
    const build = () => createDependencies(env);

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow('environment: RECORDS_TABLE_NAME is not set');
  });

  it('throws a ConfigError naming a configuration file that does not exist', () => {
    // Prepare
    const env = { ...baseEnv, FLEET_CONFIG_FILE: path.join(repoRoot, 'missing.config.yaml') };

    // Act
    const build = () => createDependencies(env);

    // Assess
    expect(build).toThrow(/missing\.config\.yaml: cannot read configuration: ENOENT/);
  });
});
