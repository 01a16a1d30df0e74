import 'aws-sdk-client-mock-jest';
import path from 'node:path';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { runCommand } from '../support/runCommand.js';

const repoRoot = path.join(__dirname, '..', '..', '..', '..');
const dynamo = mockClient(DynamoDBDocumentClient);

const fleet = (...args: string[]) => runCommand(args, repoRoot);

/** The switch item as the table holds it. */
const switchItem = (fields: Record<string, unknown>) => ({
  pk: 'PAUSE#MODEL#churn',
  sk: 'current',
  kind: 'pause',
  id: 'churn',
  at: '2026-03-02T09:00:00.000Z',
  correlationId: 'change-0',
  model: 'churn',
  by: 'bob',
  version: 1,
  ...fields,
});

describe('fleet pause and fleet resume', () => {
  beforeEach(() => {
    dynamo.reset();
    dynamo.on(GetCommand).resolves({});
    dynamo.on(UpdateCommand).resolves({});
    dynamo.on(PutCommand).resolves({});
  });

  it('pauses both levers when neither flag is given, with who and why, and writes the switch then the record', async () => {
    // Act
    const { code, stdout, stderr } = await fleet(
      'pause',
      'churn',
      '--reason',
      'labels are late',
      '--by',
      'alice',
      '--table',
      'fleet-dev-records',
    );

    // Assess
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^churn: retraining paused, deployment paused \(by alice at \S+Z: labels are late\)\n/);
    expect(stdout).toContain('  before: never set\n');
    expect(stdout).toMatch(/recorded in table fleet-dev-records: MODEL#churn \/ \S+Z#pause#[0-9a-f-]{36}\n/);
    expect(dynamo).toHaveReceivedCommandWith(UpdateCommand, {
      TableName: 'fleet-dev-records',
      Key: { pk: 'PAUSE#MODEL#churn', sk: 'current' },
      ConditionExpression: 'attribute_not_exists(#c0)',
    });
    expect(dynamo).toHaveReceivedCommandWith(PutCommand, {
      TableName: 'fleet-dev-records',
      Item: expect.objectContaining({
        pk: 'MODEL#churn',
        kind: 'pause',
        decision: 'paused',
        retraining: true,
        deployment: true,
        by: 'alice',
        reason: 'labels are late',
      }),
    });
  });

  it('resumes only the deployments and keeps retraining as it was, printing JSON', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({ Item: switchItem({ retraining: true, deployment: true }) });

    // Act
    const { code, stdout } = await fleet('resume', 'churn', '--deployment', '--by', 'alice', '--json', '--table', 't');

    // Assess
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed).toMatchObject({
      table: 't',
      switch: { model: 'churn', retraining: true, deployment: false, by: 'alice', version: 2 },
      previous: { retraining: true, deployment: true, by: 'bob', version: 1 },
      record: { pk: 'MODEL#churn' },
    });
    expect(dynamo).toHaveReceivedCommandWith(UpdateCommand, {
      ConditionExpression: '#c0 = :c0',
      ExpressionAttributeValues: expect.objectContaining({ ':c0': 1 }),
    });
  });

  it.each([
    [['pause', 'churm', '--table', 't'], 'unknown model "churm": the configuration names churn'],
    [['pause', '--table', 't'], 'give exactly one model'],
    [['resume', 'churn', 'fraud', '--table', 't'], 'give exactly one model'],
    [['pause', 'churn'], 'no records table: pass --table <name>, set FLEET_RECORDS_TABLE, or pass --stage <stage>'],
    [['pause', 'churn', '--config', 'missing.yaml', '--table', 't'], 'cannot read configuration: ENOENT'],
    [['pause', 'churn', '--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 for %j, saying %s, and writes nothing', async (args, message) => {
    // Prepare
    const previous = process.env.FLEET_RECORDS_TABLE;
    delete process.env.FLEET_RECORDS_TABLE;

    // Act
    const { code, stdout, stderr } = await fleet(...args);
    if (previous !== undefined) process.env.FLEET_RECORDS_TABLE = previous;

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
    expect(dynamo).not.toHaveReceivedCommand(UpdateCommand);
    expect(dynamo).not.toHaveReceivedCommand(PutCommand);
  });

  it('exits 1 naming the table and region when the table is missing', async () => {
    // Prepare
    dynamo
      .on(GetCommand)
      .rejects(
        Object.assign(new Error('Requested resource not found'), { name: 'ResourceNotFoundException', $metadata: {} }),
      );

    // Act
    const { code, stderr } = await fleet('pause', 'churn', '--table', 'nope', '--region', 'eu-west-1');

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain('fleet pause: no table nope in region eu-west-1 (ResourceNotFoundException');
  });

  it('prints its usage with examples for --help', async () => {
    // Act
    const pause = await fleet('pause', '--help');
    const resume = await fleet('resume', '--help');

    // Assess
    expect(pause.code).toBe(0);
    expect(pause.stdout).toMatch(/^usage: fleet pause <model> \[--retraining\] \[--deployment\]/);
    expect(pause.stdout).toContain('fleet pause churn --deployment --stage prod');
    expect(resume.stdout).toMatch(/^usage: fleet resume <model>/);
  });
});
