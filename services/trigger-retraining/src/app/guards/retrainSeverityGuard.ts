import type { DriftSeverityValue } from '@fleet/shared';
import type { Guard } from './Guard.js';

const rank: Record<DriftSeverityValue, number> = { warning: 1, critical: 2 };

/**
 * The retrain-severity guard: stops a drift below its model's `drift.retrainOn` (a warning when
 * the model retrains on critical drift only). Other triggers pass.
 */
export const retrainSeverityGuard = (): Guard => ({
  reason: 'below-retrain-severity',
  stops: ({ request }) => request.drift !== undefined && rank[request.drift.severity] < rank[request.drift.retrainOn],
});
