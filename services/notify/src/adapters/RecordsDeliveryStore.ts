import { LEASE_ATTRIBUTES, type Lease, Leases, type RecordsRepositoryPort, sortKey } from '@fleet/shared';
import type { DeliveryClaim, DeliveryFields, DeliveryKey, DeliveryStore, Incident } from '../app/ports.js';
import { deliveryTtlDays, notifyRecordKeys, ttlAfter } from '../app/recordKeys.js';
import type { IncidentScope } from '../domain/pagerduty/incidents.js';

/** The record's keys and index fields, and the lease's own attributes: not part of its payload. */
const LEASE_AND_KEY_FIELDS: ReadonlySet<string> = new Set([
  'pk',
  'sk',
  'kind',
  'id',
  'at',
  'gsi1pk',
  'gsi1sk',
  'ttl',
  ...LEASE_ATTRIBUTES,
]);

/**
 * Fields an attempt writes on its delivery record before it completes, which a later attempt
 * needs: `digest` (the items a digest fire took from its window) and `posted` (a Slack message
 * already posted, whose bookkeeping did not finish).
 */
export const WORK_IN_PROGRESS = ['digest', 'posted'] as const;

/**
 * notify's records over the fleet's records table: delivery records are leases of the shared
 * `Leases` (one vocabulary of states, conditional writes, takeover with a fencing token); this
 * store chooses their keys, owners and payloads. Every record is in the correlation index.
 */
export class RecordsDeliveryStore implements DeliveryStore {
  readonly #records: RecordsRepositoryPort;
  readonly #leases: Leases;
  readonly #onTakeover: (lease: Lease, previous: Lease) => void;

  constructor(records: RecordsRepositoryPort, options: { onTakeover?: (lease: Lease, previous: Lease) => void } = {}) {
    this.#records = records;
    this.#leases = new Leases(records);
    this.#onTakeover = options.onTakeover ?? (() => undefined);
  }

  async claim(
    key: DeliveryKey,
    fields: DeliveryFields,
    owner: string,
    now: Date,
    durationMs: number,
  ): Promise<DeliveryClaim> {
    const at = now.toISOString();
    const id = `${key.eventKey}:${key.destination}`;
    const acquisition = await this.#leases.acquire({
      key: notifyRecordKeys.delivery(key),
      owner,
      now,
      durationMs,
      record: {
        kind: 'delivery',
        id,
        gsi1sk: sortKey(at, 'delivery', id),
        ttl: ttlAfter(at, deliveryTtlDays),
        eventKey: key.eventKey,
        destination: key.destination,
        ...fields,
      },
    });
    if (acquisition.outcome === 'completed') return { outcome: 'completed', result: acquisition.lease.result };
    if (acquisition.outcome === 'held') return { outcome: 'held' };
    const { previous } = acquisition;
    // Re-entered: this owner's live lease from an earlier attempt (a Lambda retry keeps the request id).
    if (previous === undefined)
      return acquisition.lease.acquiredAt === at ? { outcome: 'acquired' } : { outcome: 'acquired', retried: true };
    if (previous.state === 'held') this.#onTakeover(acquisition.lease, previous);
    // A takeover starts the record afresh; what the earlier attempt already did must survive it.
    const carried = Object.fromEntries(
      WORK_IN_PROGRESS.filter((field) => previous.record[field] !== undefined).map((field) => [
        field,
        previous.record[field],
      ]),
    );
    if (Object.keys(carried).length > 0) await this.#leases.annotate(acquisition.lease, carried);
    return previous.failure === undefined
      ? { outcome: 'acquired', retried: true }
      : { outcome: 'acquired', retried: true, previousFailure: previous.failure };
  }

  async #heldBy(key: DeliveryKey, owner: string): Promise<Lease | undefined> {
    const lease = await this.#leases.get(notifyRecordKeys.delivery(key));
    return lease?.state === 'held' && lease.owner === owner ? lease : undefined;
  }

  async annotate(key: DeliveryKey, owner: string, changes: Record<string, unknown>): Promise<boolean> {
    const lease = await this.#heldBy(key, owner);
    return lease !== undefined && this.#leases.annotate(lease, changes);
  }

  async read(key: DeliveryKey): Promise<Record<string, unknown> | undefined> {
    const lease = await this.#leases.get(notifyRecordKeys.delivery(key));
    if (lease === undefined) return undefined;
    return Object.fromEntries(Object.entries(lease.record).filter(([field]) => !LEASE_AND_KEY_FIELDS.has(field)));
  }

  async complete(key: DeliveryKey, owner: string, now: Date, result: Record<string, unknown>): Promise<boolean> {
    const lease = await this.#heldBy(key, owner);
    return lease !== undefined && this.#leases.complete(lease, now, result);
  }

  async fail(key: DeliveryKey, owner: string, now: Date, error: unknown): Promise<boolean> {
    const lease = await this.#heldBy(key, owner);
    return lease !== undefined && this.#leases.fail(lease, now, error);
  }

  async approvalMessage(approvalId: string, channel: string): Promise<{ channel: string; ts: string } | undefined> {
    const { pk, sk } = notifyRecordKeys.approvalMessage(approvalId, channel);
    const record = await this.#records.get(pk, sk);
    return record === undefined ? undefined : { channel: String(record.channel), ts: String(record.ts) };
  }

  async putApprovalMessage(input: {
    approvalId: string;
    channel: string;
    ts: string;
    correlationId: string;
    at: string;
  }) {
    await this.#records.put({
      ...notifyRecordKeys.approvalMessage(input.approvalId, input.channel),
      kind: 'delivery',
      id: `approval-message-${input.approvalId}`,
      at: input.at,
      correlationId: input.correlationId,
      gsi1sk: sortKey(input.at, 'delivery', `approval-message-${input.approvalId}`),
      ttl: ttlAfter(input.at, deliveryTtlDays),
      approvalId: input.approvalId,
      channel: input.channel,
      ts: input.ts,
    });
  }

  async openIncidents(scope: IncidentScope): Promise<Incident[]> {
    const records = await this.#records.history(notifyRecordKeys.incidents(scope));
    return records
      .filter((record) => record.state === 'open')
      .map((record) => ({
        scope,
        dedupKey: String(record.dedupKey),
        parameterName: String(record.parameterName),
        state: 'open' as const,
        openedAt: String(record.openedAt),
        correlationId: record.correlationId,
      }));
  }

  async putIncident(incident: Incident): Promise<void> {
    await this.#records.put({
      ...notifyRecordKeys.incident(incident.scope, incident.dedupKey),
      kind: 'delivery',
      id: `incident-${incident.dedupKey}`,
      at: incident.openedAt,
      gsi1sk: sortKey(incident.openedAt, 'delivery', `incident-${incident.dedupKey}`),
      ...incident,
    });
  }

  async resolveIncident(scope: IncidentScope, dedupKey: string, at: string): Promise<void> {
    const { pk, sk } = notifyRecordKeys.incident(scope, dedupKey);
    await this.#records.update(pk, sk, { state: 'resolved', resolvedAt: at }, { ifExists: true });
  }
}
