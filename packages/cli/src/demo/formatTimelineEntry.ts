import type { TimelineEntry } from './TimelineEntry.js';

/** `hh:mm:ss` of an ISO time, in UTC (the local cloud's clock runs in UTC). */
export const clockTime = (iso: string): string => new Date(iso).toISOString().slice(11, 19);

const SERVICE_WIDTH = 19;
const EVENT_WIDTH = 22;
const DECISION_WIDTH = 19;

/**
 * Formats a timeline entry as aligned text: time, service, event, decision, why; details
 * (such as a rejected dataset's issues) follow on their own indented lines.
 *
 * @example
 * formatTimelineEntry({ at: '2025-06-02T09:00:00Z', service: 's3', event: 'Object Created', decision: 'delivered', why: 'raw/a.csv' })
 * // ['09:00:00  s3                   Object Created          delivered            raw/a.csv']
 */
export const formatTimelineEntry = (entry: TimelineEntry, indent = ''): string[] => {
  const line = [
    clockTime(entry.at),
    entry.service.padEnd(SERVICE_WIDTH),
    entry.event.padEnd(EVENT_WIDTH),
    (entry.decision ?? '').padEnd(DECISION_WIDTH),
    entry.why,
  ].join('  ');
  const pad = ' '.repeat(8 + 2 + SERVICE_WIDTH + 2);
  return [`${indent}${line}`, ...(entry.details ?? []).map((detail) => `${indent}${pad}· ${detail}`)];
};
