import type { EventBridgeApiError } from '../../src/eventbridge/EventBridgeApiError.js';
import { handlePutEvents, type PutEventsContext } from '../../src/eventbridge/handlePutEvents.js';
import { putEventsEntrySize } from '../../src/eventbridge/putEventsEntrySize.js';

const context = (overrides: Partial<PutEventsContext> = {}): PutEventsContext => {
  let next = 0;
  return {
    resolveBus: (name) =>
      name === undefined || name === 'default' ? 'default' : name === 'shop-test' ? 'shop-test' : undefined,
    region: 'eu-west-1',
    accountId: '123456789012',
    now: () => new Date('2024-05-01T10:00:00.123Z'),
    newEventId: () => `event-${++next}`,
    ...overrides,
  };
};

const entry = (overrides: Record<string, unknown> = {}) => ({
  Source: 'shop.upload-checks',
  DetailType: 'Upload Checked',
  Detail: JSON.stringify({ dataset: 'orders' }),
  ...overrides,
});

const thrown = (act: () => unknown): EventBridgeApiError => {
  try {
    act();
  } catch (error) {
    return error as EventBridgeApiError;
  }
  throw new Error('expected an error');
};

describe('putEventsEntrySize', () => {
  it('counts 14 bytes for Time and the UTF-8 bytes of the other fields', () => {
    // Prepare
    const sized = { Time: 1_700_000_000, Source: 'a.b', DetailType: 'Ünï', Detail: '{}', Resources: ['r1', 'r22'] };

    // Act
    const size = putEventsEntrySize(sized);

    // Assess
    expect(size).toBe(14 + 3 + 5 + 2 + 2 + 3);
  });
});

describe('handlePutEvents', () => {
  it('returns an event id per entry and builds the delivered event', () => {
    // Prepare
    const request = {
      Entries: [entry({ Resources: ['arn:x'], Time: 1_714_557_600 }), entry({ EventBusName: 'shop-test' })],
    };

    // Act
    const { response, accepted } = handlePutEvents(request, context());

    // Assess
    expect(response).toEqual({ FailedEntryCount: 0, Entries: [{ EventId: 'event-1' }, { EventId: 'event-2' }] });
    expect(accepted).toEqual([
      {
        bus: 'default',
        event: {
          version: '0',
          id: 'event-1',
          'detail-type': 'Upload Checked',
          source: 'shop.upload-checks',
          account: '123456789012',
          time: '2024-05-01T10:00:00Z',
          region: 'eu-west-1',
          resources: ['arn:x'],
          detail: { dataset: 'orders' },
        },
      },
      expect.objectContaining({ bus: 'shop-test', event: expect.objectContaining({ time: '2024-05-01T10:00:00Z' }) }),
    ]);
  });

  it('returns per-entry failures in place and accepts the rest', () => {
    // Prepare
    const request = {
      Entries: [
        entry(),
        entry({ Detail: 'not json' }),
        entry({ Detail: '[1, 2]' }),
        entry({ Detail: '"a string"' }),
        entry({ Source: undefined }),
        entry({ DetailType: '' }),
        entry({ Detail: undefined }),
      ],
    };

    // Act
    const { response, accepted } = handlePutEvents(request, context());

    // Assess
    expect(response.FailedEntryCount).toBe(6);
    expect(response.Entries).toEqual([
      { EventId: 'event-1' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.',
      },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.',
      },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.',
      },
    ]);
    expect(accepted).toHaveLength(1);
  });

  it('throws ValidationException when Entries is missing', () => {
    // Act
    const error = thrown(() => handlePutEvents({}, context()));

    // Assess
    expect(error).toMatchObject({ code: 'ValidationException', statusCode: 400 });
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null",
    );
  });

  it('throws ValidationException when there are no entries', () => {
    // Act
    const error = thrown(() => handlePutEvents({ Entries: [] }, context()));

    // Assess
    expect(error.code).toBe('ValidationException');
    expect(error.message).toBe(
      "1 validation error detected: Value '[]' at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('throws ValidationException when there are more than 10 entries', () => {
    // Prepare
    const request = { Entries: Array.from({ length: 11 }, () => entry()) };

    // Act
    const error = thrown(() => handlePutEvents(request, context()));

    // Assess
    expect(error.code).toBe('ValidationException');
    expect(error.message).toMatch(
      /^1 validation error detected: Value '\[PutEventsRequestEntry\(time=null, source=shop\.upload-checks, resources=null, detailType=Upload Checked, detail=\{"dataset":"orders"\}, eventBusName=null, traceHeader=null, kmsKeyIdentifier=null, internalMetadata=null\), .*\]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10$/,
    );
  });

  it('accepts entries totalling exactly 256 KiB', () => {
    // Prepare
    const base = entry({ Detail: '{"x":""}' });
    const padding = 256 * 1024 - putEventsEntrySize(base);
    const request = { Entries: [entry({ Detail: `{"x":"${'a'.repeat(padding)}"}` })] };

    // Act
    const { response } = handlePutEvents(request, context());

    // Assess
    expect(response.FailedEntryCount).toBe(0);
  });

  it('throws ValidationException when the entries total more than 256 KiB', () => {
    // Prepare
    const half = 'a'.repeat(128 * 1024);
    const request = { Entries: [entry({ Detail: `{"x":"${half}"}` }), entry({ Detail: `{"y":"${half}"}` })] };

    // Act
    const error = thrown(() => handlePutEvents(request, context()));

    // Assess
    expect(error).toMatchObject({
      code: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });

  it('throws ResourceNotFoundException for an unknown bus by default', () => {
    // Prepare
    const request = {
      Entries: [entry(), entry({ EventBusName: 'arn:aws:events:eu-west-1:123456789012:event-bus/shop-prod' })],
    };

    // Act
    const error = thrown(() => handlePutEvents(request, context()));

    // Assess
    expect(error).toMatchObject({ code: 'ResourceNotFoundException', message: 'Event bus shop-prod does not exist.' });
  });

  it('accepts and drops events for an unknown bus when told to behave as AWS does', () => {
    // Prepare
    const request = { Entries: [entry({ EventBusName: 'nowhere' }), entry()] };

    // Act
    const { response, accepted } = handlePutEvents(request, context({ unknownBus: 'accept' }));

    // Assess
    expect(response).toEqual({ FailedEntryCount: 0, Entries: [{ EventId: 'event-1' }, { EventId: 'event-2' }] });
    expect(accepted.map((item) => item.bus)).toEqual(['default']);
  });
});
