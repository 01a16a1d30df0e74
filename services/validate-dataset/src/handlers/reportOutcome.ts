import { type FleetHandlerContext, FleetMetric } from '@fleet/shared';
import type { ValidationOutcome } from '../app/ValidationOutcome.js';

const COUNTERS = {
  validated: FleetMetric.DatasetsValidated,
  rejected: FleetMetric.DatasetsRejected,
  duplicate: FleetMetric.DuplicateDeliveries,
  'in-progress': FleetMetric.ConcurrentDeliveries,
  skipped: FleetMetric.ObjectsSkipped,
} as const;

/**
 * Logs one outcome and records its metrics: one counter per status, and rows, bytes and duration
 * of a validation that ran.
 *
 * Every handler reports the same way, so a dashboard and a log query see both entry points alike.
 * Only names, keys, counts and codes are logged, never data values.
 */
export const reportOutcome = (outcome: ValidationOutcome, context: Pick<FleetHandlerContext, 'logger' | 'metrics'>) => {
  const { logger, metrics } = context;
  metrics.addMetric(COUNTERS[outcome.status], 'Count', 1);
  const object = { bucket: outcome.bucket, key: outcome.key, versionId: outcome.versionId, etag: outcome.etag };
  switch (outcome.status) {
    case 'validated':
    case 'rejected':
      metrics.addMetric(FleetMetric.RowsValidated, 'Count', outcome.rows);
      metrics.addMetric(FleetMetric.BytesValidated, 'Bytes', outcome.bytes);
      metrics.addMetric(FleetMetric.ValidationDuration, 'Milliseconds', outcome.durationMs);
      logger.info(`dataset ${outcome.status}`, {
        ...object,
        dataset: outcome.dataset,
        contract: outcome.contract,
        rows: outcome.rows,
        issueCounts: outcome.issueCounts,
        recordKey: outcome.recordKey,
        profileKey: outcome.profileKey,
        durationMs: outcome.durationMs,
      });
      break;
    case 'duplicate':
      logger.info('already validated: nothing written or emitted', {
        ...object,
        verdict: outcome.verdict,
        recordKey: outcome.recordKey,
      });
      break;
    case 'in-progress':
      logger.info('being validated by another invocation: nothing written or emitted', {
        ...object,
        why: outcome.message,
      });
      break;
    case 'skipped':
      logger.info('skipped: nothing written or emitted', { ...object, reason: outcome.reason, why: outcome.message });
      break;
  }
};
