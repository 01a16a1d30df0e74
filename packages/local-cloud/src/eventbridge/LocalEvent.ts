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

/** Formats a time as EventBridge does in events: ISO 8601 in UTC, to the second. */
export const eventTime = (time: Date): string => time.toISOString().replace(/\.\d{3}Z$/, 'Z');
