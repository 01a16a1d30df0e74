import 'aws-sdk-client-mock-jest';
import {
  EventBridgeClient,
  EventBridgeServiceException,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import {
  EventPublisher,
  entrySize,
  type FleetDetailInput,
  MAX_PUT_EVENTS_BYTES,
  PublishError,
  ValidationError,
} from '../../src/index.js';
import { loadFixture } from '../loadFixture.js';

const eventBridge = mockClient(EventBridgeClient);
const skipped = (): FleetDetailInput<'Retraining Skipped'> =>
  loadFixture<{ detail: FleetDetailInput<'Retraining Skipped'> }>('fleet/retraining-skipped.json').detail;
const sentEntries = (call: number): PutEventsRequestEntry[] =>
  (eventBridge.commandCalls(PutEventsCommand)[call].args[0].input.Entries ?? []) as PutEventsRequestEntry[];
const accepted = (n: number) => ({
  FailedEntryCount: 0,
  Entries: Array.from({ length: n }, (_, i) => ({ EventId: `e${i}` })),
});

describe('EventPublisher', () => {
  const sleeps: number[] = [];
  const publisher = () =>
    new EventPublisher({
      client: new EventBridgeClient({}),
      eventBusName: 'fleet-test',
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });

  beforeEach(() => {
    eventBridge.reset();
    sleeps.length = 0;
  });

  it('sends a validated detail as JSON with the source from the catalog', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves(accepted(1));
    const time = new Date('2024-05-01T10:00:00Z');

    // Act
    await publisher().publish('Retraining Skipped', skipped(), { resources: ['arn:aws:sagemaker:x'], time });

    // Assess
    expect(eventBridge).toHaveReceivedCommandWith(PutEventsCommand, {
      Entries: [
        {
          EventBusName: 'fleet-test',
          Source: 'fleet.trigger-retraining',
          DetailType: 'Retraining Skipped',
          Detail: JSON.stringify(skipped()),
          Resources: ['arn:aws:sagemaker:x'],
          Time: time,
        },
      ],
    });
  });

  it('applies schema defaults before sending', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves(accepted(1));
    const { parameters: _omitted, ...detail } = loadFixture<{ detail: Record<string, unknown> }>(
      'fleet/retraining-started.json',
    ).detail;

    // Act
    await publisher().publish('Retraining Started', detail as FleetDetailInput<'Retraining Started'>);

    // Assess
    expect(JSON.parse(sentEntries(0)[0].Detail!)).toMatchObject({ parameters: {} });
  });

  it('batches 23 entries as 10, 10 and 3', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).callsFake((input) => accepted(input.Entries.length));
    const entries = Array.from({ length: 23 }, () => ({
      detailType: 'Retraining Skipped' as const,
      detail: skipped(),
    }));

    // Act
    await publisher().publishAll(entries);

    // Assess
    expect(eventBridge.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries?.length)).toEqual([10, 10, 3]);
  });

  it('starts a new batch before the request would pass 256 KiB', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).callsFake((input) => accepted(input.Entries.length));
    const big = { ...skipped(), reason: 'x'.repeat(100 * 1024) };
    const entries = Array.from({ length: 3 }, () => ({ detailType: 'Retraining Skipped' as const, detail: big }));

    // Act
    await publisher().publishAll(entries);

    // Assess
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls.map((c) => c.args[0].input.Entries?.length)).toEqual([2, 1]);
    for (const call of calls) {
      const bytes = (call.args[0].input.Entries ?? []).reduce((sum, e) => sum + entrySize(e), 0);
      expect(bytes).toBeLessThanOrEqual(MAX_PUT_EVENTS_BYTES);
    }
  });

  it('throws PublishError before any call when one entry is over 256 KiB', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves(accepted(2));
    const huge = { ...skipped(), reason: 'x'.repeat(MAX_PUT_EVENTS_BYTES) };

    // Act
    const publishing = publisher().publishAll([
      { detailType: 'Retraining Skipped', detail: skipped() },
      { detailType: 'Retraining Skipped', detail: huge },
    ]);

    // Assess
    await expect(publishing).rejects.toThrow(/#1 "Retraining Skipped": EntryTooLarge/);
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 0);
  });

  it('resends only the failed entries of a partial failure', async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 2,
        Entries: [
          { EventId: 'a' },
          { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' },
          { EventId: 'c' },
          { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' },
        ],
      })
      .resolves(accepted(2));
    const entries = ['r0', 'r1', 'r2', 'r3'].map((reason) => ({
      detailType: 'Retraining Skipped' as const,
      detail: { ...skipped(), reason },
    }));

    // Act
    await publisher().publishAll(entries);

    // Assess
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 2);
    expect(sentEntries(1).map((e) => JSON.parse(e.Detail!).reason)).toEqual(['r1', 'r3']);
    expect(sleeps).toHaveLength(1);
  });

  it('retries a retryable code with growing backoff until it succeeds', async () => {
    // Prepare
    const throttled = {
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }],
    };
    eventBridge.on(PutEventsCommand).resolvesOnce(throttled).resolvesOnce(throttled).resolves(accepted(1));

    // Act
    await publisher().publish('Retraining Skipped', skipped());

    // Assess
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 3);
    expect(sleeps[0]).toBeGreaterThanOrEqual(50);
    expect(sleeps[0]).toBeLessThanOrEqual(100);
    expect(sleeps[1]).toBeGreaterThanOrEqual(100);
    expect(sleeps[1]).toBeLessThanOrEqual(200);
  });

  it('throws PublishError listing the entry when retries are exhausted', async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'boom' }] });

    // Act
    const publishing = publisher().publish('Retraining Skipped', skipped());

    // Assess
    await expect(publishing).rejects.toThrow(PublishError);
    await expect(publishing).rejects.toThrow('"Retraining Skipped": InternalFailure: boom');
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 4);
  });

  it('fails loudly without retrying a non-retryable code, keeping the accepted entries sent', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [
        { EventId: 'a' },
        { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'not allowed for source' },
      ],
    });

    // Act
    const error = await publisher()
      .publishAll([
        { detailType: 'Retraining Skipped', detail: skipped() },
        {
          detailType: 'Retraining Started',
          detail: loadFixture<{ detail: unknown }>('fleet/retraining-started.json').detail,
        },
      ])
      .catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).failures).toEqual([
      {
        index: 1,
        detailType: 'Retraining Started',
        errorCode: 'NotAuthorizedForSourceException',
        errorMessage: 'not allowed for source',
      },
    ]);
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 1);
  });

  it('retries an SDK-level throttling error', async () => {
    // Prepare
    const throttling = new EventBridgeServiceException({
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      message: 'Rate exceeded',
    });
    eventBridge.on(PutEventsCommand).rejectsOnce(throttling).resolves(accepted(1));

    // Act
    await publisher().publish('Retraining Skipped', skipped());

    // Assess
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 2);
  });

  it('does not retry an SDK-level access error and keeps it as the cause', async () => {
    // Prepare
    const denied = new EventBridgeServiceException({
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      message: 'not authorized to perform events:PutEvents',
    });
    eventBridge.on(PutEventsCommand).rejects(denied);

    // Act
    const error = await publisher()
      .publish('Retraining Skipped', skipped())
      .catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).cause).toBe(denied);
    expect((error as PublishError).message).toContain('AccessDeniedException');
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 1);
  });

  it('sends nothing when any entry is invalid, naming the detail-type and field', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves(accepted(2));
    const broken = { ...skipped(), skipReason: 'bored' };

    // Act
    const publishing = publisher().publishAll([
      { detailType: 'Retraining Skipped', detail: skipped() },
      { detailType: 'Retraining Skipped', detail: broken },
    ]);

    // Assess
    await expect(publishing).rejects.toThrow(ValidationError);
    await expect(publishing).rejects.toThrow(/"Retraining Skipped" detail \(entry 1\) is invalid: skipReason:/);
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 0);
  });

  it('rejects an unknown detail-type', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves(accepted(1));

    // Act
    const publishing = publisher().publishAll([{ detailType: 'Model Exploded' as never, detail: {} }]);

    // Assess
    await expect(publishing).rejects.toThrow(/detail-type: unknown detail-type "Model Exploded"/);
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 0);
  });

  it('makes no call for an empty list', async () => {
    // Act
    await publisher().publishAll([]);

    // Assess
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 0);
  });
});
