import path from 'node:path';
import { ConfigError } from '@fleet/shared';
import { followDependencies } from '../../../src/adapters/dependencies/followDependencies.js';
import { landingDependencies } from '../../../src/adapters/dependencies/landingDependencies.js';
import { startDependencies } from '../../../src/adapters/dependencies/startDependencies.js';
import { SchedulerDebounceScheduler } from '../../../src/adapters/SchedulerDebounceScheduler.js';

const env = {
  RECORDS_TABLE_NAME: 'fleet-test-records',
  EVENT_BUS_NAME: 'fleet-test',
  FLEET_CONFIG_FILE: path.resolve(__dirname, '..', '..', '..', '.fleet', 'fleet.config.yaml'),
  FLEET_STAGE: 'dev',
};
const scheduler = {
  SCHEDULE_GROUP: 'fleet-trigger-retraining-test',
  SCHEDULER_TARGET_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:debounceFire',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/scheduler',
};
const payload = { kind: 'debounce' as const, pipeline: 'p', prefix: 's3://b/p/', armedAt: '2026-03-02T12:00:00Z' };

describe('per-function dependency factories', () => {
  it('gives the functions that never debounce a scheduler that refuses, even with the variables set', async () => {
    // Act
    const { ports, config } = startDependencies({ ...env, ...scheduler });

    // Assess
    expect(Object.keys(config.pipelines).length).toBeGreaterThan(0);
    await expect(ports.scheduler.arm({ name: 'n', at: new Date(), payload })).rejects.toThrow(ConfigError);
    await expect(ports.scheduler.arm({ name: 'n', at: new Date(), payload })).rejects.toThrow('never debounces');
  });

  it('gives the landing functions the EventBridge Scheduler adapter', () => {
    // Act
    const { ports } = landingDependencies({ ...env, ...scheduler });

    // Assess
    expect(ports.scheduler).toBeInstanceOf(SchedulerDebounceScheduler);
  });

  it('names the missing scheduler variables on first use instead of failing the cold start', async () => {
    // Act
    const { ports } = landingDependencies({ ...env, SCHEDULE_GROUP: 'g' });

    // Assess
    await expect(ports.scheduler.arm({ name: 'n', at: new Date(), payload })).rejects.toThrow(
      'debouncing needs SCHEDULER_TARGET_ARN, SCHEDULER_ROLE_ARN, which are not set',
    );
  });

  it('builds the follow function without reading the fleet configuration', () => {
    // Act
    const dependencies = followDependencies({ ...env, FLEET_CONFIG_FILE: '/nowhere/fleet.config.yaml' });

    // Assess
    expect(dependencies).not.toHaveProperty('config');
    expect(dependencies.ports).not.toHaveProperty('scheduler');
    expect(Object.keys(dependencies.ports).sort()).toEqual([
      'clock',
      'events',
      'logger',
      'metrics',
      'newId',
      'runner',
      'store',
    ]);
  });

  it('throws a ConfigError naming a missing table', () => {
    // Act and Assess
    expect(() => followDependencies({ EVENT_BUS_NAME: 'b' })).toThrow('RECORDS_TABLE_NAME is not set');
  });
});
