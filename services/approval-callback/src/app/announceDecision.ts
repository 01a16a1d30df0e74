import { eventKey, FleetMetric } from '@fleet/shared';
import type { ApprovalPorts } from './ApprovalPorts.js';
import type { Decision, Metrics } from './records.js';

/** What `Approval Decided` says about one approval. */
export type DecidedAnnouncement = {
  approvalId: string;
  correlationId: string;
  model: string;
  modelPackageArn: string;
  modelPackageVersion?: number;
  attempt?: number;
  metrics: Metrics;
  championMetrics: Metrics | null;
  /** Null when nobody was ever asked (a quality-gate rejection). */
  expiresAt: string | null;
  decision: Decision;
};

/**
 * Emits `Approval Decided`, validated against the catalog. Its `eventKey` derives from the
 * approval id, so a re-publish by a retried task is the same event to every consumer.
 */
export const announceDecision = async (
  announcement: DecidedAnnouncement,
  ports: Pick<ApprovalPorts, 'events' | 'metrics'>,
): Promise<void> => {
  const { decision } = announcement;
  await ports.events.publish('Approval Decided', {
    correlationId: announcement.correlationId,
    eventKey: eventKey('Approval Decided', announcement.approvalId),
    approvalId: announcement.approvalId,
    model: announcement.model,
    modelPackageArn: announcement.modelPackageArn,
    ...(announcement.modelPackageVersion === undefined
      ? {}
      : { modelPackageVersion: announcement.modelPackageVersion }),
    ...(announcement.attempt === undefined ? {} : { attempt: announcement.attempt }),
    metrics: announcement.metrics,
    championMetrics: announcement.championMetrics,
    expiresAt: announcement.expiresAt,
    decision: decision.decision,
    decidedBy: decision.decidedBy,
    ...(decision.decidedByName === undefined ? {} : { decidedByName: decision.decidedByName }),
    decidedAt: decision.decidedAt,
    reason: decision.reason.slice(0, 1024),
  });
  ports.metrics.addMetric(FleetMetric.ApprovalsDecided, 'Count', 1);
};
