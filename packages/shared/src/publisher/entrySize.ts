import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';

/** The most bytes of entries one PutEvents request may carry (256 KiB). */
export const MAX_PUT_EVENTS_BYTES = 256 * 1024;

/** The most entries one PutEvents request may carry. */
export const MAX_PUT_EVENTS_ENTRIES = 10;

const utf8Bytes = (text: string | undefined): number => (text === undefined ? 0 : Buffer.byteLength(text, 'utf8'));

/**
 * Computes the size EventBridge charges a PutEvents entry against the 256 KiB request limit.
 *
 * Follows "Calculating Amazon EventBridge PutEvents event entry size" in the EventBridge user
 * guide: `Time` counts 14 bytes when set; `Source`, `DetailType`, `Detail` and each of
 * `Resources` count the bytes of their UTF-8 form. `EventBusName` and `TraceHeader` do not count.
 * The event EventBridge delivers is larger (it adds the envelope), but the limit is on this size.
 *
 * @example
 * entrySize({ Source: 'a', DetailType: 'b', Detail: '{}' }) // 4
 */
export const entrySize = (entry: PutEventsRequestEntry): number => {
  let size = entry.Time === undefined ? 0 : 14;
  size += utf8Bytes(entry.Source) + utf8Bytes(entry.DetailType) + utf8Bytes(entry.Detail);
  for (const resource of entry.Resources ?? []) size += utf8Bytes(resource);
  return size;
};
