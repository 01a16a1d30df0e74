import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resetFleetConfig } from '@fleet/shared';
import {
  deployAcquireDependencies,
  deployFinishDependencies,
  deployHostingDependencies,
} from '../../../src/adapters/dependencies/deployDependencies.js';
import { deployConfigYaml } from '../../support/deployFakes.js';

const configFile = (yaml: string): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'deploy-config-')), 'fleet.config.yaml');
  writeFileSync(file, yaml);
  return file;
};
const env = (overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => ({
  RECORDS_TABLE_NAME: 'fleet-test-records',
  EVENT_BUS_NAME: 'fleet-test',
  DATA_BUCKET_NAME: 'fleet-test-data',
  FLEET_CONFIG_FILE: configFile(deployConfigYaml()),
  FLEET_STAGE: 'test',
  ...overrides,
});

beforeEach(() => {
  resetFleetConfig();
});

describe('deployment dependency factories', () => {
  it('build only the ports each deployment task calls', () => {
    // Act
    const acquire = deployAcquireDependencies(env());
    const hosting = deployHostingDependencies(env());
    const finish = deployFinishDependencies(env());

    // Assess
    expect(Object.keys(acquire.ports).sort()).toEqual(['clock', 'logger', 'registry', 'store']);
    expect(Object.keys(hosting.ports).sort()).toEqual(['clock', 'hosting']);
    expect(Object.keys(finish.ports).sort()).toEqual(['clock', 'events', 'logger', 'metrics', 'registry', 'store']);
    expect({ stage: hosting.stage, dataBucket: hosting.dataBucket }).toEqual({
      stage: 'test',
      dataBucket: 'fleet-test-data',
    });
    expect(acquire.config.models.churn?.deployment?.endpointName).toBe('churn');
  });

  it.each([
    ['DATA_BUCKET_NAME', () => deployHostingDependencies(env({ DATA_BUCKET_NAME: undefined }))],
    ['FLEET_STAGE', () => deployHostingDependencies(env({ FLEET_STAGE: undefined }))],
    ['RECORDS_TABLE_NAME', () => deployAcquireDependencies(env({ RECORDS_TABLE_NAME: undefined }))],
    ['EVENT_BUS_NAME', () => deployFinishDependencies(env({ EVENT_BUS_NAME: undefined }))],
  ])('throw a ConfigError naming %s when it is missing', (name, build) => {
    // Assess
    expect(build).toThrow(`${name} is not set`);
  });

  it('refuse a deployment section SageMaker would refuse, naming the field', () => {
    // Prepare
    const yaml = deployConfigYaml('waitIntervalSeconds: 3601');

    // Assess
    expect(() => deployHostingDependencies(env({ FLEET_CONFIG_FILE: configFile(yaml) }))).toThrow(
      'models.churn.deployment.waitIntervalSeconds',
    );
  });
});
