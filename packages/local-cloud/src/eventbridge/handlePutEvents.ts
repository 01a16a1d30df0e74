import { randomUUID } from 'node:crypto';
import { isPlainObject } from '../isPlainObject.js';
import { EventBridgeApiError } from './EventBridgeApiError.js';
import { eventTime, type LocalEvent } from './LocalEvent.js';
import { putEventsEntrySize } from './putEventsEntrySize.js';

/** The most entries one PutEvents request may carry. */
export const MAX_PUT_EVENTS_ENTRIES = 10;

/** The most bytes (as `putEventsEntrySize` counts them) one PutEvents request may carry. */
export const MAX_PUT_EVENTS_BYTES = 256 * 1024;

/** One `PutEventsResultEntry`: an event id, or an error code and message. */
export type PutEventsResultEntry = { EventId?: string; ErrorCode?: string; ErrorMessage?: string };

/** The `PutEvents` response body. */
export type PutEventsResponse = { FailedEntryCount: number; Entries: PutEventsResultEntry[] };

/** An entry that passed validation, as an event on a known bus. */
export type AcceptedEvent = { bus: string; event: LocalEvent };

/** What handling a PutEvents request needs from the bus it feeds. */
export type PutEventsContext = {
  /** The bus name an entry's `EventBusName` (a name, an ARN, or absent for `default`) refers to; undefined when unknown. */
  resolveBus: (nameOrArn: string | undefined) => string | undefined;
  /**
   * `reject` (default here) answers a request naming an unknown bus with ResourceNotFoundException,
   * so a misspelt bus name fails loudly. `accept` does what AWS does: the entry gets an event id
   * and the event goes nowhere.
   */
  unknownBus?: 'reject' | 'accept';
  region: string;
  accountId: string;
  now: () => Date;
  newEventId?: () => string;
};

type RawEntry = Record<string, unknown>;

/** Renders entries the way EventBridge echoes them in a validation message. */
const describeEntries = (entries: RawEntry[]) =>
  `[${entries
    .map(
      (entry) =>
        `PutEventsRequestEntry(time=${entry.Time ?? 'null'}, source=${entry.Source ?? 'null'}, resources=${
          Array.isArray(entry.Resources) ? `[${entry.Resources.join(', ')}]` : 'null'
        }, detailType=${entry.DetailType ?? 'null'}, detail=${entry.Detail ?? 'null'}, eventBusName=${
          entry.EventBusName ?? 'null'
        }, traceHeader=${entry.TraceHeader ?? 'null'}, kmsKeyIdentifier=null, internalMetadata=null)`,
    )
    .join(', ')}]`;

const entryTime = (time: unknown, now: Date): Date => {
  // The SDK sends Time as epoch seconds; other clients may send an ISO string.
  if (typeof time === 'number') return new Date(time * 1000);
  if (typeof time === 'string' && !Number.isNaN(Date.parse(time))) return new Date(time);
  return now;
};

const validateEntry = (entry: RawEntry): PutEventsResultEntry | undefined => {
  for (const field of ['Source', 'DetailType', 'Detail'] as const) {
    if (typeof entry[field] !== 'string' || entry[field] === '') {
      return {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.`,
      };
    }
  }
  try {
    if (isPlainObject(JSON.parse(entry.Detail as string))) return undefined;
  } catch {
    // Falls through to MalformedDetail, as for valid JSON that is not an object.
  }
  return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
};

/**
 * Handles the body of an `AWSEvents.PutEvents` request the way EventBridge does.
 *
 * Request-level problems throw (the endpoint turns them into JSON 1.1 errors): no entries or
 * more than 10 (`ValidationException`), more than 256 KiB of entries (`ValidationException`),
 * an unknown bus (`ResourceNotFoundException`, see `unknownBus`). Entry-level problems are
 * partial failures in the response, in the entry's place: a missing Source, DetailType or
 * Detail (`InvalidArgument`) or a Detail that is not a JSON object (`MalformedDetail`). Each
 * accepted entry becomes an event with a fresh id.
 *
 * @throws EventBridgeApiError for request-level problems.
 */
export const handlePutEvents = (
  request: unknown,
  context: PutEventsContext,
): { response: PutEventsResponse; accepted: AcceptedEvent[] } => {
  const entries = isPlainObject(request) ? request.Entries : undefined;
  if (entries === undefined || entries === null) {
    throw new EventBridgeApiError(
      'ValidationException',
      "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null",
    );
  }
  if (!Array.isArray(entries) || !entries.every(isPlainObject)) {
    throw new EventBridgeApiError('SerializationException', 'Start of list found where not expected');
  }
  if (entries.length < 1 || entries.length > MAX_PUT_EVENTS_ENTRIES) {
    const constraint =
      entries.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_PUT_EVENTS_ENTRIES}`;
    throw new EventBridgeApiError(
      'ValidationException',
      `1 validation error detected: Value '${describeEntries(entries)}' at 'entries' failed to satisfy constraint: Member must have length ${constraint}`,
    );
  }
  const size = entries.reduce((total, entry) => total + putEventsEntrySize(entry), 0);
  if (size > MAX_PUT_EVENTS_BYTES) {
    throw new EventBridgeApiError('ValidationException', 'Total size of the entries in the request is over the limit.');
  }
  const buses = entries.map((entry) => {
    const name = typeof entry.EventBusName === 'string' && entry.EventBusName !== '' ? entry.EventBusName : undefined;
    const bus = context.resolveBus(name);
    if (bus === undefined && context.unknownBus !== 'accept') {
      const shortName = (name ?? 'default').replace(/^arn:[^:]+:events:[^:]*:[^:]*:event-bus\//, '');
      throw new EventBridgeApiError('ResourceNotFoundException', `Event bus ${shortName} does not exist.`);
    }
    return bus;
  });

  const now = context.now();
  const newEventId = context.newEventId ?? randomUUID;
  const accepted: AcceptedEvent[] = [];
  const results = entries.map((entry, index): PutEventsResultEntry => {
    const failure = validateEntry(entry);
    if (failure) return failure;
    const id = newEventId();
    const bus = buses[index];
    if (bus !== undefined) {
      accepted.push({
        bus,
        event: {
          version: '0',
          id,
          'detail-type': entry.DetailType as string,
          source: entry.Source as string,
          account: context.accountId,
          time: eventTime(entryTime(entry.Time, now)),
          region: context.region,
          resources: Array.isArray(entry.Resources) ? entry.Resources.map(String) : [],
          detail: JSON.parse(entry.Detail as string),
        },
      });
    }
    return { EventId: id };
  });
  return {
    response: { FailedEntryCount: results.filter((result) => result.ErrorCode).length, Entries: results },
    accepted,
  };
};
