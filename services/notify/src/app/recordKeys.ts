import type { IncidentScope } from '../domain/pagerduty/incidents.js';
import type { DeliveryKey } from './ports.js';

/** Days a delivery record, an approval message pointer or a digest window is kept. */
export const deliveryTtlDays = 90;

/** Epoch seconds `days` after an ISO time: the records' `ttl`. */
export const ttlAfter = (at: string, days: number): number => Math.floor(Date.parse(at) / 1000) + days * 86_400;

/**
 * Where notify's records live in the records table.
 *
 * - delivery: `DELIVERY#<eventKey>` / `<destination>` (`slack:<channel>`, `pagerduty:<parameter>`,
 *   `pagerduty:resolve`): the lease that makes each delivery happen once; its result keeps the
 *   Slack `ts` or the PagerDuty dedup key;
 * - approval message: `APPROVAL#<approvalId>` / `slack:<channel>`: where the request was posted,
 *   for the decision's update and thread reply;
 * - incident: `INCIDENT#<scope>` / `<dedupKey>`: an incident the fleet opened, until resolved;
 * - digest window: `DIGEST#<channel>` / `pending`: a channel's gathered posts until its digest fires.
 */
export const notifyRecordKeys = {
  delivery: (key: DeliveryKey) => ({ pk: `DELIVERY#${key.eventKey}`, sk: key.destination }),
  approvalMessage: (approvalId: string, channel: string) => ({ pk: `APPROVAL#${approvalId}`, sk: `slack:${channel}` }),
  incident: (scope: IncidentScope, dedupKey: string) => ({ pk: `INCIDENT#${scope}`, sk: dedupKey }),
  incidents: (scope: IncidentScope) => `INCIDENT#${scope}`,
  digest: (channel: string) => ({ pk: `DIGEST#${channel}`, sk: 'pending' }),
} as const;
