import type { DriftDetected, DriftSeverityValue } from '@fleet/shared';
import type { TriggerRequest } from '../../domain/TriggerRequest.js';
import { triggerIdentity } from '../../domain/triggerIdentity.js';

/**
 * The request a `Drift Detected` makes: its identity is the drift record's key.
 *
 * When the event carries no record key, the model and its window stand in for it: one drift
 * measurement of one window is one trigger. `retrainOn` is the model's `drift.retrainOn`, which
 * the retrain-severity guard compares the drift's severity with.
 */
export const driftRequest = (detail: DriftDetected, retrainOn: DriftSeverityValue = 'critical'): TriggerRequest => {
  const recordKey = detail.recordKey ?? `${detail.model}#${detail.window.start}/${detail.window.end}`;
  const features = detail.driftedFeatures.length > 0 ? `: ${detail.driftedFeatures.slice(0, 10).join(', ')}` : '';
  const reason =
    `${detail.severity} drift on model ${detail.model} (share ${detail.driftShare.toFixed(2)}` +
    ` over ${detail.window.start}/${detail.window.end})${features}`;
  return {
    pipeline: detail.pipeline,
    trigger: triggerIdentity({ kind: 'drift', recordKey }),
    reason,
    correlationId: detail.correlationId,
    drift: { model: detail.model, severity: detail.severity, retrainOn },
    requested: {},
    offered: {
      reason,
      model: detail.model,
      severity: detail.severity,
      driftShare: detail.driftShare,
      reportKey: detail.reportKey,
    },
  };
};
