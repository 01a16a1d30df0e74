import path from 'node:path';
import { ConfigError, resetFleetConfig } from '@fleet/shared';
import { checkDependencies } from '../../../src/adapters/dependencies/checkDependencies.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..', '..');
const env = {
  FLEET_CONFIG_FILE: path.join(repoRoot, 'fleet.config.yaml'),
  FLEET_STAGE: 'dev',
  RECORDS_TABLE_NAME: 'fleet-dev-records',
  EVENT_BUS_NAME: 'fleet-dev',
  DATA_BUCKET_NAME: 'fleet-dev-data',
};

describe('checkDependencies', () => {
  afterEach(() => {
    resetFleetConfig();
  });

  it('validates every monitored model of fleet.config.yaml at cold start', () => {
    // Act
    const { settings, ports } = checkDependencies(env);

    // Assess
    expect([...settings.keys()]).toEqual(['churn']);
    expect(settings.get('churn')).toMatchObject({
      pipeline: 'churn-retrain',
      capture: { endpoint: 'churn', variant: 'AllTraffic', prefix: 'capture' },
      baseline: { kind: 'training' },
      persistence: 2,
      retrainOn: 'critical',
      modelMonitor: { namespace: 'aws/sagemaker/Endpoints/data-metrics', monitoringSchedule: 'fleet-drift-churn' },
    });
    expect(ports.bucket).toBe('fleet-dev-data');
  });

  it('throws a ConfigError naming a missing variable', () => {
    // Act / Assess
    expect(() => checkDependencies({ ...env, DATA_BUCKET_NAME: '' })).toThrow(
      new ConfigError('environment', 'DATA_BUCKET_NAME is not set'),
    );
  });
});
