import type { FleetDetail, FleetDetailType, SeverityValue } from '@fleet/shared';

/** The severity of the events that carry none of their own. */
const FIXED_SEVERITY = {
  'Dataset Validated': 'info',
  'Dataset Rejected': 'warning',
  'Retraining Started': 'info',
  'Retraining Skipped': 'info',
  'Retraining Succeeded': 'info',
  'Retraining Failed': 'error',
  'Drift Cleared': 'info',
  'Approval Requested': 'info',
  'Approval Decided': 'info',
  'Model Deployed': 'info',
} as const satisfies Record<Exclude<FleetDetailType, 'Drift Detected' | 'Deployment Failed'>, SeverityValue>;

/**
 * The severity notify routes an event by: its own `severity` when it carries one (`Drift
 * Detected`, `Deployment Failed`, whose severity the catalog derives from `failure.code`), else
 * the fixed severity of its kind.
 */
export const severityOf = <T extends FleetDetailType>(detailType: T, detail: FleetDetail<T>): SeverityValue => {
  if (detailType === 'Drift Detected' || detailType === 'Deployment Failed') {
    return (detail as { severity: SeverityValue }).severity;
  }
  return FIXED_SEVERITY[detailType as keyof typeof FIXED_SEVERITY];
};

/** The four severities from least to most urgent. */
export const SEVERITY_ORDER: readonly SeverityValue[] = ['info', 'warning', 'error', 'critical'];

/** True when `severity` is at least `minimum`. */
export const atLeast = (severity: SeverityValue, minimum: SeverityValue): boolean =>
  SEVERITY_ORDER.indexOf(severity) >= SEVERITY_ORDER.indexOf(minimum);
