/**
 * An event as EventBridge delivers it to targets (the envelope plus `detail`).
 *
 * This is what handlers receive when a rule has no input transformation.
 */
export type LocalEvent = {
  version: string;
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
};

/**
 * Formats a time (a `Date` or epoch milliseconds) as EventBridge does in events: ISO 8601 in
 * UTC, to the second.
 *
 * AWS services write event times without milliseconds; the stand-ins use this one format for
 * event envelopes, event details and Scheduler's `<aws.scheduler.scheduled-time>`.
 */
export const eventTime = (time: Date | number): string => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
