import { type FleetHandlerContext, FleetMetric, skippedMetricName } from '@fleet/shared';
import type { TriggerOutcome } from '../app/decideTrigger.js';
import type { FollowOutcome } from '../app/followExecution.js';

const metricNames = {
  started: FleetMetric.RetrainingStarted,
  skipped: FleetMetric.RetrainingSkipped,
  ignored: FleetMetric.TriggerIgnored,
  announced: FleetMetric.RetrainingFinished,
} as const;

/**
 * Logs what an invocation decided and counts it as a metric (`RetrainingStarted`,
 * `RetrainingSkipped` with its reason, ...), so a dashboard shows skips by reason.
 */
export const reportOutcome = (
  outcome: TriggerOutcome | FollowOutcome,
  context: Pick<FleetHandlerContext, 'logger' | 'metrics'>,
): void => {
  context.metrics.addMetric(metricNames[outcome.status], 'Count', 1);
  if (outcome.status === 'skipped') context.metrics.addMetric(skippedMetricName(outcome.skipReason), 'Count', 1);
  context.logger.info(`trigger ${outcome.status}`, { outcome });
};
