import type { DriftResult } from '@fleet/drift';
import { eventKey, FleetMetric } from '@fleet/shared';
import { type DriftWindow, windowIso } from '../domain/driftWindow.js';
import type { WindowVerdict } from '../domain/judgeWindow.js';
import type { MonitorSettings } from '../domain/MonitorSettings.js';
import { modelMonitorEmf } from '../domain/modelMonitorEmf.js';
import type { ReportKeys } from '../domain/reportKeys.js';
import { topFeatures } from '../domain/topFeatures.js';
import type { CheckOutcome } from './CheckOutcome.js';
import type { DriftPorts } from './ports.js';

/** What a judged window announces and counts. */
export type VerdictToAnnounce = {
  settings: MonitorSettings;
  correlationId: string;
  window: DriftWindow;
  result: DriftResult;
  verdict: WindowVerdict;
  keys: ReportKeys;
  recordKey: string;
  /** Model Monitor's L-infinity distance per feature. */
  distances: Record<string, number>;
  /** Predictions compared (the sample). */
  rows: number;
  labelledShare: number;
};

/**
 * Announces a judged window once its report and record are written: `Drift Detected` with its
 * severity and top features, or `Drift Cleared` after drift, under an `eventKey` of the model and
 * window (the same on a re-publish); then the fleet's metrics and Model Monitor's
 * `feature_baseline_drift_<feature>` document.
 */
export const announceVerdict = async (
  input: VerdictToAnnounce,
  ports: Pick<DriftPorts, 'events' | 'metrics' | 'emf'>,
): Promise<CheckOutcome> => {
  const { settings, correlationId, window, result, verdict, keys, recordKey, distances, rows, labelledShare } = input;
  const drifted = result.features.filter((f) => f.drifted).map((f) => f.name);
  const iso = windowIso(window);
  const detail = {
    correlationId,
    model: settings.model,
    pipeline: settings.pipeline,
    window: iso,
    status: result.status,
    driftedFeatures: drifted,
    driftShare: result.driftShare,
    reportKey: keys.html,
  };
  const idempotencyKey = `${settings.model}#${iso.start}/${iso.end}`;
  if (verdict.announce === 'detected' && verdict.severity !== undefined) {
    await ports.events.publish('Drift Detected', {
      ...detail,
      eventKey: eventKey('Drift Detected', idempotencyKey),
      severity: verdict.severity,
      reportJsonKey: keys.json,
      topFeatures: topFeatures(result.features),
      recordKey,
    });
  } else if (verdict.announce === 'cleared' && verdict.previousSeverity !== undefined) {
    await ports.events.publish('Drift Cleared', {
      ...detail,
      eventKey: eventKey('Drift Cleared', idempotencyKey),
      previousSeverity: verdict.previousSeverity,
    });
  }

  ports.metrics.addMetric(
    result.status === 'insufficient_data' ? FleetMetric.DriftInsufficientData : FleetMetric.DriftDetected,
    'Count',
    result.status === 'no_drift' ? 0 : 1,
  );
  ports.metrics.addMetric(FleetMetric.DriftShare, 'None', result.driftShare);
  ports.metrics.addMetric(FleetMetric.DriftedFeatures, 'Count', drifted.length);
  ports.metrics.addMetric(FleetMetric.RowsChecked, 'Count', rows);
  ports.metrics.addMetric(FleetMetric.LabelledShare, 'None', labelledShare);
  if (result.features.length > 0) {
    // The correlation id rides along as a plain field (not a dimension), so the EMF log line is
    // found by the same Logs Insights query as the check's other lines.
    ports.emf.write({
      ...modelMonitorEmf({
        namespace: settings.modelMonitor.namespace,
        endpoint: settings.capture.endpoint,
        monitoringSchedule: settings.modelMonitor.monitoringSchedule,
        at: window.end,
        distances,
      }),
      correlationId,
    });
  }
  return {
    status: result.status,
    model: settings.model,
    window: iso,
    ...(verdict.severity === undefined ? {} : { severity: verdict.severity }),
    announced: verdict.announce,
    recordKey,
    reportKey: keys.html,
    rows: rows,
  };
};
