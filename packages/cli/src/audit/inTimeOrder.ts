import type { FleetRecord } from '@fleet/shared';

/**
 * Orders records by time, then by sort key (kind and id, which breaks ties the same way on
 * every run). Records from several partitions or from the correlation index (whose sort key is
 * the record's own) then read as one story.
 */
export const inTimeOrder = (records: FleetRecord[]): FleetRecord[] =>
  [...records].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.sk.localeCompare(b.sk));
