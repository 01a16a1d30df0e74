import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resetFleetConfig } from '@fleet/shared';
import { compareDependencies } from '../../../src/adapters/dependencies/compareDependencies.js';
import { decideDependencies } from '../../../src/adapters/dependencies/decideDependencies.js';
import { slackDependencies } from '../../../src/adapters/dependencies/slackDependencies.js';
import { startDependencies } from '../../../src/adapters/dependencies/startDependencies.js';
import { testConfigYaml } from '../../support/fakes.js';

const configFile = (yaml: string): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'approval-config-')), 'fleet.config.yaml');
  writeFileSync(file, yaml);
  return file;
};
const env = (overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => ({
  RECORDS_TABLE_NAME: 'fleet-test-records',
  EVENT_BUS_NAME: 'fleet-test',
  APPROVAL_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:fleet-test-approval',
  FLEET_CONFIG_FILE: configFile(testConfigYaml),
  FLEET_STAGE: 'test',
  ...overrides,
});

beforeEach(() => {
  resetFleetConfig();
});

describe('dependency factories', () => {
  it('build every port a function calls from the environment', () => {
    // Act
    const start = startDependencies(env());
    const compare = compareDependencies(env());

    // Assess
    expect(Object.keys(start.ports).sort()).toEqual(['clock', 'events', 'logger', 'metrics', 'store', 'workflow']);
    expect(Object.keys(compare.ports).sort()).toEqual([
      'clock',
      'evaluations',
      'logger',
      'metrics',
      'registry',
      'store',
    ]);
    expect(start.config.models.churn?.approval?.timeoutHours).toBe(24);
  });

  it.each(['RECORDS_TABLE_NAME', 'APPROVAL_STATE_MACHINE_ARN'])(
    'throw a ConfigError naming %s when it is missing',
    (name) => {
      // Assess
      expect(() => decideDependencies(env({ [name]: undefined }))).toThrow(`${name} is not set`);
    },
  );

  it('refuse to verify Slack requests without secrets.slackSigningSecret', () => {
    // Prepare
    const withoutSecret = testConfigYaml.replace(/secrets:\n {2}slackSigningSecret: .*\n/, '');

    // Assess
    expect(() => slackDependencies(env({ FLEET_CONFIG_FILE: configFile(withoutSecret) }))).toThrow(
      'secrets.slackSigningSecret: required to verify Slack requests',
    );
  });
});
