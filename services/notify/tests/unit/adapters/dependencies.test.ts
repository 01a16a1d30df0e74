import path from 'node:path';
import { ConfigError, resetFleetConfig } from '@fleet/shared';
import { pagerDutyDependencies } from '../../../src/adapters/dependencies/pagerDutyDependencies.js';
import { reportDependencies } from '../../../src/adapters/dependencies/reportDependencies.js';
import { slackDependencies } from '../../../src/adapters/dependencies/slackDependencies.js';

const env = {
  FLEET_CONFIG_FILE: path.resolve(__dirname, '../../../../../fleet.config.yaml'),
  FLEET_STAGE: 'test',
  RECORDS_TABLE_NAME: 'fleet-test-records',
};

beforeEach(() => {
  resetFleetConfig();
});

describe('dependency factories', () => {
  it('names the missing variable', () => {
    // Act
    const building = () => slackDependencies({ ...env, RECORDS_TABLE_NAME: '' });

    // Assess
    expect(building).toThrow(ConfigError);
    expect(building).toThrow(/RECORDS_TABLE_NAME is not set/);
    expect(() => reportDependencies(env)).toThrow(/DATA_BUCKET_NAME is not set/);
  });

  it('builds the Slack function without a scheduler that says which variables digests need', async () => {
    // Act
    const ports = slackDependencies(env);
    const arming = ports.scheduler.arm({
      name: 'n',
      at: new Date(),
      payload: { kind: 'digest', channel: 'C', windowId: 'w' },
    });

    // Assess
    expect(ports.stage).toBe('test');
    expect(ports.reportsBaseUrl).toBeUndefined();
    await expect(arming).rejects.toThrow(/SCHEDULE_GROUP, SCHEDULER_TARGET_ARN, SCHEDULER_ROLE_ARN/);
  });

  it('builds the PagerDuty function with the configuration and the reports base URL', () => {
    // Act
    const ports = pagerDutyDependencies({ ...env, REPORTS_BASE_URL: 'https://reports.example' });

    // Assess
    expect(ports.config.models.churn.routing.slackChannel).toBe('C0FLEETML');
    expect(ports.reportsBaseUrl).toBe('https://reports.example');
  });
});
