import { decodeS3Key, S3ObjectCreatedEvent } from '@fleet/shared';
import { encodeS3EventKey } from '../../src/s3/encodeS3EventKey.js';
import { objectCreatedEvent, type S3NotificationRecord } from '../../src/s3/objectCreatedEvent.js';

const record = (overrides: Partial<S3NotificationRecord['s3']['object']> = {}, eventName = 'ObjectCreated:Put') => ({
  eventName,
  requestParameters: { sourceIPAddress: '127.0.0.1' },
  responseElements: { 'x-amz-request-id': 'N4N7GDK58NMKJ12R' },
  s3: {
    bucket: { name: 'example-bucket' },
    object: { key: 'incoming/orders/2024-01-01.csv', size: 5, eTag: 'b1946ac92492d2347c6235b4d2611184', ...overrides },
  },
});

describe('encodeS3EventKey', () => {
  it.each([
    ['incoming/orders/red flower.csv', 'incoming/orders/red+flower.csv'],
    ['incoming/orders/a+b.csv', 'incoming/orders/a%2Bb.csv'],
    ['incoming/orders/2024-01-01T00:00:00.csv', 'incoming/orders/2024-01-01T00%3A00%3A00.csv'],
    ['incoming/orders/données é.csv', 'incoming/orders/donn%C3%A9es+%C3%A9.csv'],
    ['incoming/orders/(copy) ~1.csv', 'incoming/orders/%28copy%29+%7E1.csv'],
  ])('encodes %s as S3 writes it in events', (key, encoded) => {
    // Act
    const result = encodeS3EventKey(key);

    // Assess
    expect(result).toBe(encoded);
    expect(decodeS3Key(result)).toBe(key);
  });
});

describe('objectCreatedEvent', () => {
  it('builds the Object Created event S3 sends to EventBridge, as AWS documents it', () => {
    // Act
    const event = objectCreatedEvent(record(), {
      region: 'ca-central-1',
      accountId: '111122223333',
      time: new Date('2021-11-12T00:00:00.000Z'),
      id: '17793124-05d4-b198-2fde-7ededc63b103',
      sequencer: '617F08299329D189',
      versionId: 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e',
    });

    // Assess: the documented example event, field for field.
    expect(event).toEqual({
      version: '0',
      id: '17793124-05d4-b198-2fde-7ededc63b103',
      'detail-type': 'Object Created',
      source: 'aws.s3',
      account: '111122223333',
      time: '2021-11-12T00:00:00Z',
      region: 'ca-central-1',
      resources: ['arn:aws:s3:::example-bucket'],
      detail: {
        version: '0',
        bucket: { name: 'example-bucket' },
        object: {
          key: 'incoming/orders/2024-01-01.csv',
          size: 5,
          etag: 'b1946ac92492d2347c6235b4d2611184',
          'version-id': 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e',
          sequencer: '00617F08299329D189',
        },
        'request-id': 'N4N7GDK58NMKJ12R',
        requester: '111122223333',
        'source-ip-address': '127.0.0.1',
        reason: 'PutObject',
      },
    });
    expect(S3ObjectCreatedEvent.safeParse(event).success).toBe(true);
  });

  it('leaves version-id out for an unversioned object and names copies CopyObject', () => {
    // Act
    const event = objectCreatedEvent(record({ eTag: undefined }, 'ObjectCreated:Copy'), {
      region: 'eu-west-1',
      accountId: '123456789012',
      etag: '"d41d8cd98f00b204e9800998ecf8427e"',
    });

    // Assess
    expect(event.detail.reason).toBe('CopyObject');
    expect(event.detail.object).toEqual({
      key: 'incoming/orders/2024-01-01.csv',
      size: 5,
      etag: 'd41d8cd98f00b204e9800998ecf8427e',
    });
  });
});
