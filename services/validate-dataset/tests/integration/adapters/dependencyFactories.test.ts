import path from 'node:path';
import { ConfigError, createObservability, resetFleetConfig } from '@fleet/shared';
import { createObjectCreatedDependencies } from '../../../src/adapters/createObjectCreatedDependencies.js';
import { createValidateDependencies } from '../../../src/adapters/createValidateDependencies.js';
import { serviceName } from '../../../src/adapters/serviceName.js';
import { isCatalogEntry } from '../../../src/domain/ContractCatalog.js';
import { repoRoot } from '../../support/repoRoot.js';

const baseEnv = {
  FLEET_CONFIG_FILE: path.join(repoRoot, 'fleet.config.yaml'),
  FLEET_STAGE: 'dev',
  RECORDS_TABLE_NAME: 'fleet-dev-records',
  EVENT_BUS_NAME: 'fleet-dev',
  DATA_BUCKET: 'fleet-dev-data',
};

describe('createValidateDependencies', () => {
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
    const { ports, dataBucket } = createValidateDependencies(env);

    // Assess
    expect(dataBucket).toBe('fleet-dev-data');
    expect(isCatalogEntry(ports.contracts.resolve('raw/churn/a.csv'))).toBe(true);
  });

  it('throws a ConfigError naming a missing variable', () => {
    // Prepare
    const env = { ...baseEnv, RECORDS_TABLE_NAME: '' };

    // Act
    const build = () => createValidateDependencies(env);

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow('environment: RECORDS_TABLE_NAME is not set');
  });

  it('throws a ConfigError naming a configuration file that does not exist', () => {
    // Prepare
    const env = { ...baseEnv, FLEET_CONFIG_FILE: path.join(repoRoot, 'missing.config.yaml') };

    // Act
    const build = () => createValidateDependencies(env);

    // Assess
    expect(build).toThrow(/missing\.config\.yaml: cannot read configuration: ENOENT/);
  });

  it('gives the use case the logger and metrics the handler flushes', () => {
    // Prepare
    const env = { ...baseEnv };
    const { logger, metrics } = createObservability(serviceName);

    // Act
    const { ports } = createValidateDependencies(env);

    // Assess
    expect(ports.logger).toBe(logger);
    expect(ports.metrics).toBe(metrics);
  });
});

describe('createObjectCreatedDependencies', () => {
  beforeEach(() => {
    resetFleetConfig();
  });

  afterAll(() => {
    resetFleetConfig();
  });

  it('builds the ports without the data bucket, which an S3 event always names', () => {
    // Prepare
    const env = { ...baseEnv, DATA_BUCKET: '' };

    // Act
    const dependencies = createObjectCreatedDependencies(env);

    // Assess
    expect(Object.keys(dependencies)).toEqual(['ports']);
    expect(isCatalogEntry(dependencies.ports.contracts.resolve('raw/churn/a.csv'))).toBe(true);
  });

  it('throws a ConfigError naming a missing variable', () => {
    // Prepare
    const env = { ...baseEnv, EVENT_BUS_NAME: '' };

    // Act
    const build = () => createObjectCreatedDependencies(env);

    // Assess
    expect(build).toThrow('environment: EVENT_BUS_NAME is not set');
  });
});
