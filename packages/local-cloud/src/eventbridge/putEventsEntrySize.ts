/** The fields of a PutEvents entry that count towards the request size limit. */
export type SizedEntry = {
  Time?: unknown;
  Source?: unknown;
  DetailType?: unknown;
  Detail?: unknown;
  Resources?: unknown;
};

const utf8Length = (value: unknown) => (typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : 0);

/**
 * The size of one PutEvents entry as EventBridge computes it for the 256 KiB request limit.
 *
 * From "Calculating PutEvents event entry size": 14 bytes for `Time` when given, plus the UTF-8
 * length of `Source`, `DetailType`, `Detail` and each of `Resources`. The JSON around them and
 * `EventBusName` do not count.
 *
 * @example putEventsEntrySize({ Source: 'shop.a', DetailType: 'X', Detail: '{}' }) // 9
 */
export const putEventsEntrySize = (entry: SizedEntry): number => {
  let size = entry.Time !== undefined && entry.Time !== null ? 14 : 0;
  size += utf8Length(entry.Source) + utf8Length(entry.DetailType) + utf8Length(entry.Detail);
  if (Array.isArray(entry.Resources)) {
    for (const resource of entry.Resources) size += utf8Length(resource);
  }
  return size;
};
