import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDb, startS3 } from '../src/index.js';

describe('startDynamoDb', () => {
  it('serves DynamoDB over HTTP on a loopback port', async () => {
    const db = await startDynamoDb();
    try {
      await db.createTable({
        TableName: 'records',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      });
      await db.documentClient.send(new PutCommand({ TableName: 'records', Item: { pk: 'a', n: 1 } }));
      const got = await db.documentClient.send(new GetCommand({ TableName: 'records', Key: { pk: 'a' } }));
      expect(db.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(got.Item).toEqual({ pk: 'a', n: 1 });
    } finally {
      await db.stop();
    }
  });
});

describe('startS3', () => {
  it('stores objects and reports each write as an event', async () => {
    const s3 = await startS3();
    const events: string[] = [];
    s3.onObjectEvent((record) => events.push(`${record.eventName} ${record.s3.object.key}`));
    try {
      await s3.createBucket('data');
      await s3.client.send(new PutObjectCommand({ Bucket: 'data', Key: 'raw/a b.csv', Body: 'x,y\n1,2\n' }));
      const got = await s3.client.send(new GetObjectCommand({ Bucket: 'data', Key: 'raw/a b.csv' }));
      expect(await got.Body?.transformToString()).toBe('x,y\n1,2\n');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatch(/^ObjectCreated:Put raw\/a/);
    } finally {
      await s3.stop();
    }
  });
});
