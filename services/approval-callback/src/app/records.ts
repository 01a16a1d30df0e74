import type { LeaseKey, Leases } from '@fleet/shared';
import type { DeploymentSummary } from '../domain/chooseChampion.js';

/** Where an approval stands, in the approval record: asked, being decided, answered, or closed without an answer. */
export type ApprovalState = 'pending' | 'deciding' | 'sent' | 'closed';

/** What an approval came to. */
export type DecisionValue = 'approved' | 'rejected' | 'expired' | 'superseded';

/** Who decided what, when and why: what the decision lease holds and the task token is answered with. */
export type Decision = {
  decision: DecisionValue;
  /** A Slack user id, an operator, or `fleet:quality-gate`, `fleet:timeout`, `fleet:supersede`. */
  decidedBy: string;
  /** The Slack user name, when decided in Slack. */
  decidedByName?: string;
  decidedAt: string;
  reason: string;
};

/** Metrics by name, as the evaluation JSON gives them. */
export type Metrics = Record<string, number>;

/**
 * The request behind one approval id (`APPROVAL#<approvalId>` / `request`): the task token,
 * kept here and never in Slack, and where the approval record is.
 */
export type ApprovalRequest = {
  approvalId: string;
  model: string;
  modelPackageArn: string;
  modelPackageVersion: number;
  attempt: number;
  correlationId: string;
  executionArn: string;
  taskToken: string;
  requestedAt: string;
  expiresAt: string;
  metrics: Metrics;
  championMetrics: Metrics | null;
  /** How it closed without a person's answer (`expired`, `superseded`), once it did. */
  closedAs?: { decision: DecisionValue; at: string };
};

/** The approval record in the model's history (`MODEL#<model>` / `<ISO>#approval#<approvalId>`). */
export type ApprovalRecord = {
  approvalId: string;
  at: string;
  correlationId: string;
  model: string;
  modelPackageArn: string;
  modelPackageVersion: number;
  attempt: number;
  state: ApprovalState;
  metrics: Metrics;
  championMetrics: Metrics | null;
  expiresAt: string | null;
  executionArn?: string;
  /** The package's `ApprovalDescription`, once the decision was applied to the registry. */
  description?: string;
  appliedAt?: string;
} & Partial<Decision>;

/** The approval of a model in progress or last started (`APPROVAL#MODEL#<model>` / `current`). */
export type CurrentApproval = {
  model: string;
  modelPackageArn: string;
  modelPackageVersion: number;
  attempt: number;
  approvalId: string;
  executionArn: string;
  correlationId: string;
  startedAt: string;
};

/** What the retraining that registered a package left: its correlation id and its trigger decision. */
export type Lineage = { correlationId: string; executionArn: string; decisionKey?: { pk: string; sk: string } };

/**
 * The records the approval keeps, on the fleet's records table, and the leases that make each
 * step happen once: the start of an attempt, the handling of a request, the decision.
 */
export interface ApprovalStore {
  readonly leases: Leases;
  startKey(modelPackageArn: string, attempt: number): LeaseKey;
  requestKey(approvalId: string): LeaseKey;
  decisionKey(approvalId: string): LeaseKey;
  getCurrent(model: string): Promise<CurrentApproval | undefined>;
  putCurrent(current: CurrentApproval): Promise<void>;
  /** Stores the request unless it is there (conditional write); false when it was. */
  putRequest(request: ApprovalRequest): Promise<boolean>;
  getRequest(approvalId: string): Promise<ApprovalRequest | undefined>;
  closeRequest(approvalId: string, closedAs: { decision: DecisionValue; at: string }): Promise<void>;
  /** Writes the approval record unless it is there (conditional write); false when it was. */
  putApproval(record: ApprovalRecord): Promise<boolean>;
  getApproval(model: string, at: string, approvalId: string): Promise<ApprovalRecord | undefined>;
  /** Sets fields of an existing approval record; false when there is none. */
  updateApproval(model: string, at: string, approvalId: string, changes: Partial<ApprovalRecord>): Promise<boolean>;
  /** Follows a pipeline execution to the trigger that started it, if the fleet started it. */
  lineage(executionArn: string): Promise<Lineage | undefined>;
  /** The model's deployment records. */
  deployments(model: string): Promise<DeploymentSummary[]>;
}
