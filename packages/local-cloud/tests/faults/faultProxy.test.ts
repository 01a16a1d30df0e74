import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeModelPackageCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { FaultInjector } from '../../src/faults/FaultInjector.js';
import { startFaultProxy } from '../../src/faults/startFaultProxy.js';
import { type RunningHttpServer, startHttpServer } from '../../src/http/startHttpServer.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const region = 'eu-west-1';

type Sender = { send: (command: never) => Promise<unknown>; destroy: () => void };

/** Each service: a client at `endpoint` with one attempt, a call, and the names of the errors its SDK throws for the faults. */
const SERVICES: {
  service: string;
  call: (endpoint: string) => { client: Sender; command: unknown };
  names: string[];
}[] = [
  {
    service: 'dynamodb',
    call: (endpoint) => ({
      client: new DynamoDBClient({ endpoint, region, credentials, maxAttempts: 1 }),
      command: new DescribeTableCommand({ TableName: 'records' }),
    }),
    names: ['ThrottlingException', 'ProvisionedThroughputExceededException', 'InternalServerError'],
  },
  {
    service: 's3',
    call: (endpoint) => ({
      client: new S3Client({ endpoint, region, credentials, forcePathStyle: true, maxAttempts: 1 }),
      command: new GetObjectCommand({ Bucket: 'data', Key: 'raw/a.csv' }),
    }),
    names: ['SlowDown', 'InternalError'],
  },
  {
    service: 'eventbridge',
    call: (endpoint) => ({
      client: new EventBridgeClient({ endpoint, region, credentials, maxAttempts: 1 }),
      command: new PutEventsCommand({ Entries: [{ Source: 'fleet', DetailType: 'x', Detail: '{}' }] }),
    }),
    names: ['ThrottlingException', 'InternalException'],
  },
  {
    service: 'scheduler',
    call: (endpoint) => ({
      client: new SchedulerClient({ endpoint, region, credentials, maxAttempts: 1 }),
      command: new GetScheduleCommand({ Name: 'debounce' }),
    }),
    names: ['ThrottlingException', 'InternalServerException'],
  },
  {
    service: 'sfn',
    call: (endpoint) => ({
      client: new SFNClient({ endpoint, region, credentials, maxAttempts: 1 }),
      command: new DescribeExecutionCommand({ executionArn: 'arn:aws:states:eu-west-1:123456789012:execution:m:e' }),
    }),
    names: ['ThrottlingException', 'ServiceUnavailable', 'InternalFailure'],
  },
  {
    service: 'sagemaker',
    call: (endpoint) => ({
      client: new SageMakerClient({ endpoint, region, credentials, maxAttempts: 1 }),
      command: new DescribeModelPackageCommand({ ModelPackageName: 'churn/1' }),
    }),
    names: ['ThrottlingException', 'InternalFailure'],
  },
  {
    service: 'sagemaker_runtime',
    call: (endpoint) => ({
      client: new SageMakerRuntimeClient({ endpoint, region, credentials, maxAttempts: 1 }),
      command: new InvokeEndpointCommand({ EndpointName: 'churn', ContentType: 'text/csv', Body: Buffer.from('1,2') }),
    }),
    names: ['ThrottlingException', 'ServiceUnavailable', 'InternalFailure'],
  },
  {
    service: 'ssm',
    call: (endpoint) => ({
      client: new SSMClient({ endpoint, region, credentials, maxAttempts: 1 }),
      command: new GetParameterCommand({ Name: '/fleet/slack/bot-token' }),
    }),
    names: ['ThrottlingException', 'InternalServerError'],
  },
  {
    service: 'sns',
    call: (endpoint) => ({
      client: new SNSClient({ endpoint, region, credentials, maxAttempts: 1 }),
      command: new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:123456789012:t', Message: 'm' }),
    }),
    names: ['Throttling', 'InternalErrorException'],
  },
  {
    service: 'cloudwatch',
    call: (endpoint) => ({
      client: new CloudWatchClient({ endpoint, region, credentials, maxAttempts: 1 }),
      command: new DescribeAlarmsCommand({}),
    }),
    names: ['Throttling', 'InternalServiceFault'],
  },
  {
    service: 'lambda',
    call: (endpoint) => ({
      client: new LambdaClient({ endpoint, region, credentials, maxAttempts: 1 }),
      command: new InvokeCommand({ FunctionName: 'fleet-notify-local-slackDelivery', Payload: Buffer.from('{}') }),
    }),
    names: ['TooManyRequestsException', 'ServiceException'],
  },
  {
    service: 'sqs',
    call: (endpoint) => ({
      client: new SQSClient({ endpoint, region, credentials, maxAttempts: 1 }),
      command: new GetQueueUrlCommand({ QueueName: 'fleet-local-dlq' }),
    }),
    names: ['RequestThrottled', 'InternalFailure'],
  },
];

describe('the fault proxy', () => {
  let origin: RunningHttpServer;
  let reached = 0;
  const proxies: RunningHttpServer[] = [];

  beforeAll(async () => {
    origin = await startHttpServer(async (request) => {
      reached += 1;
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ echo: request.path }),
      };
    });
  });

  afterEach(async () => {
    for (const proxy of proxies.splice(0)) await proxy.close();
  });

  afterAll(async () => {
    await origin.close();
  });

  it.each(SERVICES)(
    'answers $service calls with errors its SDK client names, without passing them on',
    async (entry) => {
      // Prepare
      const injector = new FaultInjector({ seed: 3, rate: 1, maxConsecutive: 100 });
      const proxy = await startFaultProxy({ service: entry.service, origin: origin.endpoint, injector });
      proxies.push(proxy);
      const before = reached;
      const seen = new Set<string>();

      // Act
      for (let index = 0; index < 6; index++) {
        const { client, command } = entry.call(proxy.endpoint);
        try {
          await client.send(command as never);
          seen.add('no error 200');
        } catch (error) {
          const { name, $metadata } = error as { name: string; $metadata?: { httpStatusCode?: number } };
          seen.add(`${name} ${$metadata?.httpStatusCode}`);
        } finally {
          client.destroy();
        }
      }

      // Assess
      expect(reached).toBe(before);
      const statuses = Object.fromEntries(Object.values(injector.summary().services).flatMap(() => []));
      expect(statuses).toEqual({});
      for (const key of seen) {
        const [name, status] = key.split(' ');
        expect(entry.names).toContain(name);
        expect(Number(status)).toBeGreaterThanOrEqual(400);
      }
      expect(injector.summary().services[entry.service]?.faults).toBe(6);
    },
  );

  it('passes calls through unchanged when it does not fail them, and lets a request through after its faults in a row', async () => {
    // Prepare
    const injector = new FaultInjector({ seed: 3, rate: 1, maxConsecutive: 3 });
    const proxy = await startFaultProxy({ service: 'dynamodb', origin: origin.endpoint, injector });
    proxies.push(proxy);
    const before = reached;
    const client = new DynamoDBClient({ endpoint: proxy.endpoint, region, credentials, maxAttempts: 4 });

    // Act
    const answer = await client.send(new DescribeTableCommand({ TableName: 'records' }));
    client.destroy();

    // Assess: three faults, then the fourth attempt reached the origin once.
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(answer.$metadata.attempts).toBe(4);
    expect(reached - before).toBe(1);
  });
});
