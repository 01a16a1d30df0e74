import {
  type FleetRecord,
  type LeaseKey,
  Leases,
  partitionKey,
  type RecordsRepositoryPort,
  sortKey,
} from '@fleet/shared';
import { approvalRecordKeys, approvalTtlDays, ttlAfter } from '../app/recordKeys.js';
import type {
  ApprovalRecord,
  ApprovalRequest,
  ApprovalStore,
  CurrentApproval,
  DecisionValue,
  Lineage,
} from '../app/records.js';
import type { DeploymentSummary } from '../domain/chooseChampion.js';

const KEY_FIELDS = new Set(['pk', 'sk', 'kind', 'gsi1pk', 'gsi1sk', 'ttl']);

/** The payload of a record: the record without its table keys. */
const payload = <T>(record: FleetRecord): T =>
  Object.fromEntries(Object.entries(record).filter(([field]) => !KEY_FIELDS.has(field))) as T;

/**
 * The approval's records on the fleet's records table, through the shared repository and leases.
 *
 * Every write that must happen once is conditional (`putIfAbsent`, `update` with `ifExists`);
 * the decisions themselves go through the shared `Leases`.
 */
export class RecordsApprovalStore implements ApprovalStore {
  readonly #records: RecordsRepositoryPort;
  readonly leases: Leases;

  constructor(records: RecordsRepositoryPort) {
    this.#records = records;
    this.leases = new Leases(records);
  }

  startKey(modelPackageArn: string, attempt: number): LeaseKey {
    return approvalRecordKeys.start(modelPackageArn, attempt);
  }

  requestKey(approvalId: string): LeaseKey {
    return approvalRecordKeys.requestClaim(approvalId);
  }

  decisionKey(approvalId: string): LeaseKey {
    return approvalRecordKeys.decision(approvalId);
  }

  async getCurrent(model: string): Promise<CurrentApproval | undefined> {
    const { pk, sk } = approvalRecordKeys.current(model);
    const record = await this.#records.get(pk, sk);
    return record === undefined ? undefined : payload<CurrentApproval>(record);
  }

  async putCurrent(current: CurrentApproval): Promise<void> {
    await this.#records.put({
      ...approvalRecordKeys.current(current.model),
      kind: 'approval',
      id: current.approvalId,
      at: current.startedAt,
      gsi1sk: sortKey(current.startedAt, 'approval', `current-${current.approvalId}`),
      ...current,
    });
  }

  putRequest(request: ApprovalRequest): Promise<boolean> {
    return this.#records.putIfAbsent({
      ...approvalRecordKeys.request(request.approvalId),
      kind: 'approval',
      id: request.approvalId,
      at: request.requestedAt,
      gsi1sk: sortKey(request.requestedAt, 'approval', `request-${request.approvalId}`),
      ttl: ttlAfter(request.requestedAt, approvalTtlDays),
      ...request,
    });
  }

  async getRequest(approvalId: string): Promise<ApprovalRequest | undefined> {
    const { pk, sk } = approvalRecordKeys.request(approvalId);
    const record = await this.#records.get(pk, sk);
    return record === undefined ? undefined : payload<ApprovalRequest>(record);
  }

  async closeRequest(approvalId: string, closedAs: { decision: DecisionValue; at: string }): Promise<void> {
    const { pk, sk } = approvalRecordKeys.request(approvalId);
    await this.#records.update(pk, sk, { closedAs }, { ifExists: true });
  }

  putApproval(record: ApprovalRecord): Promise<boolean> {
    return this.#records.putIfAbsent({
      ...approvalRecordKeys.approval(record.model, record.at, record.approvalId),
      kind: 'approval',
      id: record.approvalId,
      ...record,
    });
  }

  async getApproval(model: string, at: string, approvalId: string): Promise<ApprovalRecord | undefined> {
    const { pk, sk } = approvalRecordKeys.approval(model, at, approvalId);
    const record = await this.#records.get(pk, sk);
    return record === undefined ? undefined : payload<ApprovalRecord>(record);
  }

  updateApproval(model: string, at: string, approvalId: string, changes: Partial<ApprovalRecord>): Promise<boolean> {
    const { pk, sk } = approvalRecordKeys.approval(model, at, approvalId);
    const { approvalId: _id, at: _at, model: _model, ...fields } = changes;
    return this.#records.update(pk, sk, fields, { ifExists: true });
  }

  async lineage(executionArn: string): Promise<Lineage | undefined> {
    const pointer = await this.#records.get(partitionKey('EXECUTION', executionArn), 'pointer');
    if (pointer === undefined) return undefined;
    const { pipeline, decisionAt, decisionId } = pointer as {
      pipeline?: string;
      decisionAt?: string;
      decisionId?: string;
    };
    if (pipeline === undefined || decisionAt === undefined || decisionId === undefined) {
      return { correlationId: pointer.correlationId, executionArn };
    }
    // The trigger decision holds the run's lineage; its correlation id is the chain's.
    const decisionKey = { pk: partitionKey('PIPELINE', pipeline), sk: sortKey(decisionAt, 'trigger', decisionId) };
    const decision = await this.#records.get(decisionKey.pk, decisionKey.sk);
    return { correlationId: decision?.correlationId ?? pointer.correlationId, executionArn, decisionKey };
  }

  async deployments(model: string): Promise<DeploymentSummary[]> {
    const history = await this.#records.history(partitionKey('MODEL', model), { newestFirst: true });
    return history
      .filter((record) => record.kind === 'deployment' && typeof record.modelPackageArn === 'string')
      .map((record) => ({
        at: record.at,
        decision: String(record.decision),
        modelPackageArn: String(record.modelPackageArn),
      }));
  }
}
