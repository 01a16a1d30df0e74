import path from 'node:path';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { LocalCloud } from '@fleet/local-cloud';
import { runCommand } from '../support/runCommand.js';

// `fleet redrive` against a local cloud of neutral stacks (the local cloud's own dead-letter
// fixture: a records table, a dead-letter queue, a function and a state machine), for the
// EventBridge target dead letters the fleet's own stacks have no legitimate way to produce.
const rootDir = path.join(__dirname, '..', '..', '..', 'local-cloud', 'tests', 'fixtures', 'deadletters');
const { processed } = require(path.join(rootDir, 'services', 'jobs', 'src', 'jobs.ts')) as { processed: unknown[] };

const stateMachineArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:shop-jobs-local-flow';
const functionArn = 'arn:aws:lambda:eu-west-1:123456789012:function:shop-jobs-local-process';

describe('fleet redrive of EventBridge target dead letters on a local cloud', () => {
  let cloud: LocalCloud;
  let sqs: SQSClient;
  let queueUrl: string;

  beforeAll(async () => {
    cloud = await LocalCloud.start({ rootDir });
    sqs = new SQSClient({});
    ({ QueueUrl: queueUrl = '' } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'shop-local-dlq' })));
  });

  afterAll(async () => {
    sqs.destroy();
    await cloud.stop();
  });

  beforeEach(() => {
    processed.length = 0;
  });

  const fleet = (...args: string[]) => runCommand(args, rootDir);

  const deadLetter = async (event: Record<string, unknown>, target: string) =>
    sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(event),
        MessageAttributes: {
          RULE_ARN: { DataType: 'String', StringValue: 'arn:aws:events:eu-west-1:123456789012:rule/shop-local/jobs' },
          TARGET_ARN: { DataType: 'String', StringValue: target },
          ERROR_CODE: { DataType: 'String', StringValue: 'SDK_CLIENT_ERROR' },
          ERROR_MESSAGE: { DataType: 'String', StringValue: 'Rate exceeded' },
        },
      }),
    );

  const event = (job: number) => ({
    version: '0',
    id: `evt-${job}`,
    'detail-type': 'Job Submitted',
    source: 'shop.jobs',
    account: '123456789012',
    time: '2025-06-02T09:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail: { job, correlationId: `chain-${job}` },
  });

  it('starts a state machine target again with the event, and records it', async () => {
    // Arrange
    const sent = await deadLetter(event(1), stateMachineArn);

    // Act
    const { code, stdout, stderr } = await fleet(
      'redrive',
      'shop-local-dlq',
      '--table',
      'shop-local-records',
      '--by',
      'ops',
    );
    await cloud.settle();

    // Assess
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(`eventbridge-target → ${stateMachineArn}`);
    const [execution] = cloud.stepFunctions.executions();
    expect(JSON.parse(execution.input)).toEqual(event(1));
    expect(processed).toEqual([event(1)]);
    const records = await cloud.scanTable<Record<string, unknown>>('shop-local-records');
    expect(records).toEqual([
      expect.objectContaining({
        pk: 'QUEUE#shop-local-dlq',
        id: sent.MessageId,
        decision: 'redriven',
        source: 'eventbridge-target',
        target: stateMachineArn,
        errorCode: 'SDK_CLIENT_ERROR',
        errorMessage: 'Rate exceeded',
        correlationId: 'chain-1',
        by: 'ops',
      }),
    ]);
  });

  it('invokes a Lambda target again with the event and empties the queue', async () => {
    // Arrange
    await deadLetter(event(2), functionArn);

    // Act
    const { code } = await fleet('redrive', queueUrl, '--table', 'shop-local-records', '--by', 'ops');
    await cloud.settle();

    // Assess
    expect(code).toBe(0);
    expect(processed).toEqual([event(2)]);
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    expect(Attributes?.ApproximateNumberOfMessages).toBe('0');
  });
});
