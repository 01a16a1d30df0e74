import path from 'node:path';
import { type DynamoDbEmulator, startDynamoDb } from '@fleet/emulators';
import { RecordsRepository, recordsTableDefinition, resetFleetConfig } from '@fleet/shared';
import type { Context } from 'aws-lambda';
import { pagerDutyDependencies } from '../../src/adapters/dependencies/pagerDutyDependencies.js';
import { slackDependencies } from '../../src/adapters/dependencies/slackDependencies.js';
import type { PagerDutyPorts, SlackPorts } from '../../src/app/ports.js';
import { FixedClock, RecordingScheduler } from './fakes.js';
import { FakeSsm, FakeThirdParties } from './httpFakes.js';

/** The secrets the fake SSM holds, under the parameter names of the repository's fleet.config.yaml. */
export const SECRETS = {
  botToken: 'xoxb-1234567890-abcdefghijkl-MNOPqrstUVWX',
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  errorKey: 'R0UT1NGKEYERR0R0000000000000000e',
  criticalKey: 'R0UT1NGKEYCR1T1CAL0000000000000c',
} as const;

const parameters = {
  '/fleet/slack/bot-token': SECRETS.botToken,
  '/fleet/slack/signing-secret': SECRETS.signingSecret,
  '/fleet/pagerduty/churn-error': SECRETS.errorKey,
  '/fleet/pagerduty/churn-critical': SECRETS.criticalKey,
};

/** A Lambda context good enough for the Powertools middlewares, with a request id of its own. */
export const lambdaContext = (awsRequestId: string, remainingMs = 30_000): Context =>
  ({
    functionName: 'fleet-notify-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fleet-notify-test',
    memoryLimitInMB: '512',
    awsRequestId,
    getRemainingTimeInMillis: () => remainingMs,
  }) as unknown as Context;

/** Everything an integration test of notify runs against. */
export type NotifyHarness = {
  dynamo: DynamoDbEmulator;
  records: RecordsRepository;
  thirdParties: FakeThirdParties;
  ssm: FakeSsm;
  clock: FixedClock;
  scheduler: RecordingScheduler;
  /** Every wait the functions asked for, in milliseconds (nothing really sleeps). */
  sleeps: number[];
  env: NodeJS.ProcessEnv;
  slackPorts: () => SlackPorts;
  pagerDutyPorts: () => PagerDutyPorts;
};

let tables = 0;

/**
 * Registers the hooks of an integration test file: dynalite, a fake of Slack and PagerDuty and
 * a fake of SSM started once for the file; a fresh records table, fresh fakes' records and fresh
 * dependencies (built by the functions' own factories, over real HTTP) before each test.
 */
export const notifyHarnessPerTest = (): NotifyHarness => {
  const harness = { sleeps: [] as number[] } as NotifyHarness;
  const saved = { ...process.env };
  beforeAll(async () => {
    harness.dynamo = await startDynamoDb();
    harness.ssm = await new FakeSsm(parameters).start();
  });
  afterAll(async () => {
    process.env = saved;
    resetFleetConfig();
    await harness.dynamo.stop();
    await harness.ssm.stop();
  });
  beforeEach(async () => {
    const tableName = `fleet-notify-test-${++tables}`;
    await harness.dynamo.createTable(recordsTableDefinition(tableName));
    harness.records = new RecordsRepository({ client: harness.dynamo.documentClient, tableName });
    harness.thirdParties = await new FakeThirdParties().start();
    harness.clock = new FixedClock('2026-03-02T12:00:00.000Z');
    harness.scheduler = new RecordingScheduler();
    harness.sleeps.length = 0;
    harness.env = {
      ...process.env,
      RECORDS_TABLE_NAME: tableName,
      FLEET_CONFIG_FILE: path.resolve(__dirname, '../../../../fleet.config.yaml'),
      FLEET_STAGE: 'test',
      SLACK_API_URL: harness.thirdParties.slackUrl,
      PAGERDUTY_EVENTS_URL: harness.thirdParties.pagerDutyUrl,
      REPORTS_BASE_URL: 'https://reports.fleet.test',
      AWS_ENDPOINT_URL_DYNAMODB: harness.dynamo.endpoint,
      AWS_ENDPOINT_URL_SSM: harness.ssm.url,
    };
    process.env = harness.env;
    resetFleetConfig();
    const options = {
      clock: harness.clock,
      maxAttempts: 1,
      sleep: async (ms: number) => {
        harness.sleeps.push(ms);
      },
    };
    const slack = { ...slackDependencies(harness.env, options), scheduler: harness.scheduler };
    const pagerduty = pagerDutyDependencies(harness.env, options);
    harness.slackPorts = () => slack;
    harness.pagerDutyPorts = () => pagerduty;
  });
  afterEach(async () => {
    await harness.thirdParties.stop();
  });
  return harness;
};
