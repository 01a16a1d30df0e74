import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
  ResourceNotFoundException,
} from '@aws-sdk/client-eventbridge';
import type { AcceptedEvent } from '../../src/eventbridge/handlePutEvents.js';
import { type PutEventsEndpoint, startPutEventsEndpoint } from '../../src/eventbridge/putEventsEndpoint.js';

const entry = (overrides: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry => ({
  Source: 'shop.order-rollups',
  DetailType: 'Rollup Started',
  Detail: JSON.stringify({ pipeline: 'orders-rollup', correlationId: 'c-1' }),
  EventBusName: 'shop-test',
  ...overrides,
});

describe('startPutEventsEndpoint (real EventBridgeClient over HTTP)', () => {
  let endpoint: PutEventsEndpoint;
  let client: EventBridgeClient;
  const received: AcceptedEvent[] = [];

  beforeAll(async () => {
    endpoint = await startPutEventsEndpoint({
      resolveBus: (name) =>
        name === undefined || name === 'default' ? 'default' : name === 'shop-test' ? 'shop-test' : undefined,
      region: 'eu-west-1',
      accountId: '123456789012',
      now: () => new Date('2024-05-01T10:00:00Z'),
      onAccepted: (accepted) => received.push(...accepted),
    });
    client = new EventBridgeClient({
      endpoint: endpoint.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  beforeEach(() => {
    received.length = 0;
  });

  afterAll(async () => {
    client.destroy();
    await endpoint.close();
  });

  it('returns event ids and hands the events to the bus', async () => {
    // Act
    const output = await client.send(
      new PutEventsCommand({
        Entries: [entry(), entry({ EventBusName: undefined, Time: new Date('2024-04-30T08:00:00Z') })],
      }),
    );

    // Assess
    expect(output.FailedEntryCount).toBe(0);
    expect(output.Entries?.every((result) => typeof result.EventId === 'string')).toBe(true);
    expect(received.map(({ bus, event }) => [bus, event.id, event.time])).toEqual([
      ['shop-test', output.Entries?.[0].EventId, '2024-05-01T10:00:00Z'],
      ['default', output.Entries?.[1].EventId, '2024-04-30T08:00:00Z'],
    ]);
  });

  it('returns partial failures as the real service does', async () => {
    // Act
    const output = await client.send(
      new PutEventsCommand({
        Entries: [entry(), entry({ Detail: '[1, 2, 3]' }), entry({ Source: undefined }), entry()],
      }),
    );

    // Assess
    expect(output.FailedEntryCount).toBe(2);
    expect(output.Entries?.[1]).toEqual({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' });
    expect(output.Entries?.[2]).toEqual({
      ErrorCode: 'InvalidArgument',
      ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.',
    });
    expect(received).toHaveLength(2);
  });

  it('throws ValidationException for more than 10 entries', async () => {
    // Act
    const act = client.send(new PutEventsCommand({ Entries: Array.from({ length: 11 }, () => entry()) }));

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining(
        "at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10",
      ),
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    });
    expect(received).toHaveLength(0);
  });

  it('throws ValidationException for more than 256 KiB of entries', async () => {
    // Prepare
    const big = JSON.stringify({ blob: 'x'.repeat(200 * 1024) });

    // Act
    const act = client.send(new PutEventsCommand({ Entries: [entry({ Detail: big }), entry({ Detail: big })] }));

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });

  it('throws the SDK ResourceNotFoundException for an unknown bus', async () => {
    // Act
    const act = client.send(new PutEventsCommand({ Entries: [entry({ EventBusName: 'shop-typo' })] }));

    // Assess
    await expect(act).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(act).rejects.toMatchObject({ message: 'Event bus shop-typo does not exist.' });
  });

  it('serves a client configured only through AWS_ENDPOINT_URL_EVENTBRIDGE', async () => {
    // Prepare
    const previous = process.env.AWS_ENDPOINT_URL_EVENTBRIDGE;
    process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = endpoint.endpoint;
    const envClient = new EventBridgeClient({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });

    // Act
    const output = await envClient.send(new PutEventsCommand({ Entries: [entry()] })).finally(() => {
      envClient.destroy();
      if (previous === undefined) delete process.env.AWS_ENDPOINT_URL_EVENTBRIDGE;
      else process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = previous;
    });

    // Assess
    expect(output.FailedEntryCount).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('answers other operations with UnknownOperationException', async () => {
    // Act
    const response = await fetch(endpoint.endpoint, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSEvents.ListRules', 'content-type': 'application/x-amz-json-1.1' },
      body: '{}',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });
});
