import 'aws-sdk-client-mock-jest';
import path from 'node:path';
import { ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { runCommand } from '../support/runCommand.js';

const repoRoot = path.join(__dirname, '..', '..', '..', '..');
const dynamo = mockClient(DynamoDBDocumentClient);

const item = (pk: string, at: string, kind: string, fields: Record<string, unknown> = {}) => ({
  pk,
  sk: `${at}#${kind}#${pk}`,
  kind,
  id: `id-${pk}`,
  at,
  correlationId: 'corr-1',
  ...fields,
});

const landing = item('DATASET#churn', '2025-06-02T08:00:00.000Z', 'validation', {
  verdict: 'validated',
  key: 'raw/churn/a.csv',
  rows: 10,
  issueCounts: {},
  contract: 'churn',
});
const started = item('PIPELINE#churn-retrain', '2025-06-02T08:03:00.000Z', 'trigger', {
  decision: 'started',
  reason: '1 dataset landing',
});
const skipped = item('PIPELINE#churn-retrain', '2025-06-02T08:01:00.000Z', 'trigger', {
  decision: 'skipped',
  skipReason: 'debounced',
  reason: 'waiting for more landings',
});
const deployed = item('MODEL#churn', '2025-06-02T09:00:00.000Z', 'deployment', {
  decision: 'deployed',
  modelPackageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1',
  endpointName: 'churn',
  strategy: 'canary',
});

const history = (...args: string[]) => runCommand(['history', ...args], repoRoot);
const trace = (...args: string[]) => runCommand(['trace', ...args], repoRoot);

describe('fleet history', () => {
  beforeEach(() => {
    dynamo.reset();
  });

  it.each([
    [[], 'give one of --model, --pipeline or --dataset'],
    [['--model', 'churn', '--dataset', 'churn'], 'give only one of --model, --dataset'],
    [['--model', 'churm', '--table', 't'], 'unknown model "churm": the configuration names churn'],
    [['--pipeline', 'nope', '--table', 't'], 'unknown pipeline "nope": the configuration names churn-retrain'],
    [['--model', 'churn', '--since', 'last week', '--table', 't'], '--since "last week" is not a time'],
    [['--model', 'churn', '--config', 'missing.yaml', '--table', 't'], 'cannot read configuration: ENOENT'],
    [['--model', 'churn'], 'no records table: pass --table <name>, set FLEET_RECORDS_TABLE, or pass --stage <stage>'],
    [['--model', 'churn', '--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 for %j, saying %s, and reads nothing', async (args, message) => {
    // Act
    const { code, stdout, stderr } = await history(...args);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
    expect(dynamo).not.toHaveReceivedCommand(QueryCommand);
  });

  it('prints its usage with examples for --help', async () => {
    // Act
    const { code, stdout } = await history('--help');

    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: fleet history \(--model <name> \| --pipeline <name> \| --dataset <name>\)/);
    expect(stdout).toContain('fleet history --model churn --stage prod --since 7d');
  });

  it("queries the model's, its pipeline's and its dataset's partitions from --since, every page, and merges them in time order", async () => {
    // Prepare
    dynamo
      .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'MODEL#churn', ':since': '2025-06-02T00:00:00.000Z' } })
      .resolves({ Items: [deployed] })
      .on(QueryCommand, {
        ExpressionAttributeValues: { ':pk': 'PIPELINE#churn-retrain' },
        ExclusiveStartKey: undefined,
      })
      .resolves({ Items: [skipped], LastEvaluatedKey: { pk: 'PIPELINE#churn-retrain', sk: skipped.sk } })
      .on(QueryCommand, {
        ExpressionAttributeValues: { ':pk': 'PIPELINE#churn-retrain' },
        ExclusiveStartKey: { pk: 'PIPELINE#churn-retrain', sk: skipped.sk },
      })
      .resolves({ Items: [started] })
      .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'DATASET#churn' } })
      .resolves({ Items: [landing] });

    // Act
    const { code, stdout, stderr } = await history(
      '--model',
      'churn',
      '--since',
      '2025-06-02',
      '--table',
      'fleet-test-records',
    );

    // Assess
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(dynamo).toHaveReceivedCommandTimes(QueryCommand, 4);
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, {
      TableName: 'fleet-test-records',
      KeyConditionExpression: 'pk = :pk AND sk >= :since',
      ExpressionAttributeValues: { ':pk': 'MODEL#churn', ':since': '2025-06-02T00:00:00.000Z' },
    });
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'History of model churn (MODEL#churn, PIPELINE#churn-retrain, DATASET#churn) in table fleet-test-records since 2025-06-02T00:00:00.000Z:',
    );
    expect(
      lines.slice(1).map((line) =>
        line
          .trim()
          .split(/\s{2,}/)
          .slice(0, 4),
      ),
    ).toEqual([
      ['2025-06-02T08:00:00.000Z', 'DATASET#churn', 'validation', 'validated'],
      ['2025-06-02T08:01:00.000Z', 'PIPELINE#churn-retrain', 'trigger', 'skipped: debounced'],
      ['2025-06-02T08:03:00.000Z', 'PIPELINE#churn-retrain', 'trigger', 'started'],
      ['2025-06-02T09:00:00.000Z', 'MODEL#churn', 'deployment', 'deployed'],
    ]);
  });

  it('prints the records as stored, each with its summary, with --json', async () => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'DATASET#churn' } }).resolves({ Items: [landing] });

    // Act
    const { code, stdout } = await history('--dataset', 'churn', '--json', '--table', 't');

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { ...landing, summary: 'validated: raw/churn/a.csv: 10 rows, 0 issues against churn' },
    ]);
  });

  it('exits 1 naming the table and the region when the table does not exist', async () => {
    // Prepare
    dynamo
      .on(QueryCommand)
      .rejects(new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} }));

    // Act
    const { code, stderr } = await history(
      '--pipeline',
      'churn-retrain',
      '--table',
      'fleet-nope-records',
      '--region',
      'us-east-2',
    );

    // Assess
    expect(code).toBe(1);
    expect(stderr).toBe(
      'fleet history: no table fleet-nope-records in region us-east-2 (ResourceNotFoundException: Requested resource not found)\n',
    );
  });
});

describe('fleet trace', () => {
  beforeEach(() => {
    dynamo.reset();
  });

  it.each([
    [[], 'give a correlation id'],
    [['a', 'b'], 'give exactly one correlation id'],
  ])('exits 2 for %j, saying %s', async (args, message) => {
    // Act
    const { code, stderr } = await trace(...args);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(dynamo).not.toHaveReceivedCommand(QueryCommand);
  });

  it('reads the correlation index and lists the audit records of the chain in time order, without its claims', async () => {
    // Prepare
    const claim = { ...item('IDEMPOTENCY#token', '2025-06-02T08:00:30.000Z', 'idempotency'), sk: 'claim' };
    dynamo.on(QueryCommand).resolves({ Items: [started, landing, claim, deployed] });

    // Act
    const { code, stdout } = await trace('corr-1', '--table', 'fleet-test-records');

    // Assess
    expect(code).toBe(0);
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, {
      TableName: 'fleet-test-records',
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': 'CORR#corr-1' },
    });
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Trace of corr-1 in table fleet-test-records:');
    expect(lines.slice(1).map((line) => line.trim().split(/\s{2,}/)[2])).toEqual([
      'validation',
      'trigger',
      'deployment',
    ]);
  });

  it('says so when nothing has the correlation id', async () => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [] });

    // Act
    const { code, stdout } = await trace('nothing', '--table', 't');

    // Assess
    expect(code).toBe(0);
    expect(stdout).toBe('Trace of nothing in table t:\n  no records with this correlation id\n');
  });
});
