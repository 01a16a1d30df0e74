import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { FleetCloud } from '@fleet/cli/local';
import type { LocalCloud } from '@fleet/local-cloud';
import { type FleetCli, startFleetCli } from './support/fleetCli.js';
import { churnBaseline, eventsOf, passDebounceWindow } from './support/loop.js';

// A retrain that fails for good lands in the fleet's dead-letter queue, a real SQS queue of the
// local cloud, as Lambda's on-failure destination record; once the cause is gone, `fleet redrive
// dlq` re-sends it, the trigger runs again, the queue empties and the redrive is recorded.

const SCENARIO_MS = 240_000;

describe('fleet redrive on the local cloud', () => {
  let fleet: FleetCloud;
  let cloud: LocalCloud;
  let sqs: SQSClient;
  let queueUrl: string;
  let cli: FleetCli;

  /** Runs `fleet <args>` in this process, with the environment a client of the local cloud gets. */
  const fleetCli = (...args: string[]) => cli.run(...args);

  const depth = async () => {
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return Attributes;
  };

  /** The dead letters now in the queue, read without hiding them. */
  const peek = async () => {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 0,
        MessageAttributeNames: ['All'],
      }),
    );
    return Messages;
  };

  beforeAll(async () => {
    cli = await startFleetCli();
    fleet = cli.fleet;
    cloud = fleet.cloud;
    sqs = new SQSClient({});
    ({ QueueUrl: queueUrl = '' } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'fleet-local-dlq' })));
    // The account is at its limit of concurrent pipeline executions: the trigger's first attempt
    // and Lambda's two retries all fail, and the invocation goes to its on-failure destination.
    cloud.sageMaker.failNext(
      'StartPipelineExecution',
      {
        code: 'ResourceLimitExceeded',
        message: 'The account-level service limit for concurrent pipeline executions is exceeded',
        statusCode: 400,
      },
      3,
    );
    await cloud.land('raw/churn/2025-06-02.csv', churnBaseline());
    await passDebounceWindow(fleet);
  }, SCENARIO_MS);

  afterAll(async () => {
    sqs?.destroy();
    await cli?.stop();
  });

  it("keeps the failed trigger in the dead-letter queue as Lambda's invocation record", async () => {
    // Assess
    expect(cloud.executions()).toEqual([]);
    expect(eventsOf(cloud, 'Retraining Failed').length).toBeGreaterThan(0);
    expect(await depth()).toEqual({ ApproximateNumberOfMessages: '1', ApproximateNumberOfMessagesNotVisible: '0' });
    const [message] = await peek();
    const record = JSON.parse(message.Body ?? '');
    expect(record).toMatchObject({
      version: '1.0',
      requestContext: {
        functionArn: expect.stringMatching(/:function:fleet-trigger-retraining-local-\w+:\$LATEST$/),
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      responseContext: { functionError: 'Unhandled' },
      responsePayload: { errorType: 'PipelineStartError' },
    });
  });

  it("puts the core stack's dead-letter alarm in ALARM within its period", async () => {
    // Act
    await cloud.tick('5m');

    // Assess
    expect(cloud.cloudWatch.state('fleet-local-dead-letters')).toBe('ALARM');
  });

  it('prints the plan of a dry run and changes nothing', async () => {
    // Act
    const { code, stdout, stderr } = await fleetCli('redrive', 'dlq', '--stage', 'local', '--dry-run');

    // Assess
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/would send\s+\S+\s+lambda-destination → arn:aws:lambda:.*fleet-trigger-retraining-local-/);
    expect(await depth()).toEqual({ ApproximateNumberOfMessages: '1', ApproximateNumberOfMessagesNotVisible: '0' });
    await cloud.settle();
    expect(cloud.executions()).toEqual([]);
  });

  it('re-sends the trigger once the limit is freed: the pipeline starts, the queue empties and the redrive is recorded', async () => {
    // Arrange: the injected failures are used up, as the account's executions finish.
    const [deadLetter] = await peek();
    const failed = JSON.parse(deadLetter.Body ?? '');

    // Act
    const { code, stdout, stderr } = await fleetCli('redrive', 'dlq', '--stage', 'local', '--by', 'ops@example.com');
    await cloud.settle();

    // Assess
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('1 redriven and recorded, 0 kept in the queue');
    expect(cloud.executions().map((execution) => execution.status)).toEqual(['Executing']);
    expect(eventsOf(cloud, 'Retraining Started')).toHaveLength(1);
    expect(await depth()).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
    await cloud.tick('5m');
    expect(cloud.cloudWatch.state('fleet-local-dead-letters')).toBe('OK');
    const records = await cloud.scanTable<Record<string, unknown>>(fleet.resources.recordsTable);
    const redrives = records.filter((record) => record.pk === 'QUEUE#fleet-local-dlq');
    expect(redrives).toEqual([
      expect.objectContaining({
        kind: 'redrive',
        id: deadLetter.MessageId,
        decision: 'redriven',
        source: 'lambda-destination',
        target: failed.requestContext.functionArn,
        errorCode: 'PipelineStartError',
        errorMessage: expect.stringContaining('ResourceLimitExceeded'),
        by: 'ops@example.com',
        // A debounce fire starts a chain of its own and carries no correlation id: the redrive's own.
        correlationId: expect.stringMatching(/^redrive-/),
      }),
    ]);
  });

  it('leaves a message it cannot understand in the queue, saying why', async () => {
    // Arrange
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'not a dead letter' }));

    // Act
    const { code, stdout } = await fleetCli('redrive', 'dlq', '--stage', 'local');

    // Assess
    expect(code).toBe(1);
    expect(stdout).toMatch(/kept\s+\S+\s+the body is not JSON/);
    expect(await depth()).toEqual({ ApproximateNumberOfMessages: '1', ApproximateNumberOfMessagesNotVisible: '0' });
    const asJson = await fleetCli('redrive', 'dlq', '--stage', 'local', '--json');
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.stdout)).toEqual([
      { messageId: expect.any(String), outcome: 'kept', reason: expect.stringContaining('not JSON') },
    ]);
  });
});
