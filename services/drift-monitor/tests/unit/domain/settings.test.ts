import { ConfigError, parseFleetConfig } from '@fleet/shared';
import { monitorSettings } from '../../../src/domain/MonitorSettings.js';
import { churnContract, churnSettings } from '../../support/fakes.js';

const configWith = (drift: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  parseFleetConfig(
    JSON.stringify({
      version: 1,
      models: { churn: { pipeline: 'p', datasets: ['churn'], drift, ...extra } },
      pipelines: { p: {} },
      datasets: { churn: { contract: 'contracts/churn.yaml' } },
    }),
    { file: 'fleet.test.yaml', stage: 'test' },
  );

describe('monitorSettings', () => {
  it('takes the capture location from the deployment and the inputs from the contract without the target', () => {
    // Act
    const settings = churnSettings();

    // Assess
    expect(settings.capture).toEqual({ endpoint: 'churn', variant: 'AllTraffic', prefix: 'capture' });
    expect(settings.inputColumns).not.toContain('churn');
    expect(settings.inputColumns[0]).toBe('customer_id');
    expect(settings.target).toBe('churn');
    expect(settings).toMatchObject({
      windowMinutes: 1440,
      graceMinutes: 10,
      maxRows: 200_000,
      persistence: 2,
      retrainOn: 'critical',
    });
  });

  it('throws a ConfigError naming the thresholds field @fleet/drift refuses', () => {
    // Act / Assess
    expect(() =>
      monitorSettings(configWith({ capture: { endpoint: 'e', prefix: 'c' }, thresholds: { alpha: 2 } }), 'churn', {
        file: 'fleet.test.yaml',
        contract: churnContract(),
      }),
    ).toThrow(/^fleet\.test\.yaml: models\.churn\.drift\.thresholds\.alpha: /);
  });

  it('throws a ConfigError when a cron schedule would run windows that overlap', () => {
    // Act / Assess
    expect(() =>
      monitorSettings(
        configWith({ schedule: 'cron(0 0,12 * * ? *)', window: '24h', capture: { endpoint: 'e', prefix: 'c' } }),
        'churn',
        { file: 'fleet.test.yaml', contract: churnContract() },
      ),
    ).toThrow(
      new ConfigError(
        'fleet.test.yaml',
        'models.churn.drift.schedule: may run every 720 minutes, less than the 24h window: windows would overlap',
      ),
    );
  });

  it('throws a ConfigError when no capture endpoint is known', () => {
    // Act / Assess
    expect(() => monitorSettings(configWith({}), 'churn', { file: 'f.yaml', contract: churnContract() })).toThrow(
      /models\.churn\.drift\.capture\.endpoint: required/,
    );
  });
});
