import path from 'node:path';
import { DeleteMessageCommand, GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { LocalCloud } from '../../src/LocalCloud.js';
import { failures } from '../fixtures/deadletters/services/jobs/src/jobs.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'deadletters');

describe("a dead-letter queue's AWS/SQS alarm", () => {
  let cloud: LocalCloud;
  let client: SQSClient;

  beforeAll(async () => {
    cloud = await LocalCloud.start({ rootDir });
    client = new SQSClient({
      endpoint: cloud.endpoints.sqs,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
  });

  afterAll(async () => {
    failures.failing = false;
    client.destroy();
    await cloud.stop();
  });

  const state = () => cloud.cloudWatch.alarms().find((alarm) => alarm.alarmName === 'shop-local-dead-letters')?.state;

  it('goes to ALARM while a message waits in the queue, and back to OK once it is gone', async () => {
    // Arrange
    await cloud.tick('5m');
    expect(state()).toBe('OK');
    failures.failing = true;

    // Act
    await cloud.inject({ source: 'shop.jobs', 'detail-type': 'Job Submitted', detail: { job: 1 } }, 'custom');
    await cloud.tick('5m');

    // Assess
    expect(state()).toBe('ALARM');
    expect(
      cloud.cloudWatch.alarms().find((alarm) => alarm.alarmName === 'shop-local-dead-letters')?.stateReason,
    ).toContain('Threshold Crossed: 1 datapoint [1.0');
    const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: 'shop-local-dlq' }));
    const { Messages = [] } = await client.send(new ReceiveMessageCommand({ QueueUrl }));
    await client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: Messages[0]?.ReceiptHandle }));
    await cloud.tick('5m');
    expect(state()).toBe('OK');
    const changes = cloud
      .events()
      .filter((entry) => entry.event['detail-type'] === 'CloudWatch Alarm State Change')
      .map((entry) => (entry.event.detail as { state: { value: string } }).state.value);
    expect(changes).toEqual(['OK', 'ALARM', 'OK']);
  });
});
