import type { FleetDetail, FleetDetailType, SeverityValue } from '@fleet/shared';
import { PAGERDUTY_LIMITS, type PagerDutyEvent, type PagerDutyTriggerEvent } from './PagerDutyEvent.js';

/** Detail fields copied into `custom_details`: identifiers and statistics, never raw data or secrets. */
const DETAIL_FIELDS = [
  'model',
  'pipeline',
  'dataset',
  'endpointName',
  'modelPackageArn',
  'executionArn',
  'strategy',
  'failure',
  'window',
  'driftShare',
  'driftedFeatures',
  'topFeatures',
  'reportKey',
  'correlationId',
  'eventKey',
] as const;

const summaryOf = (detailType: string, detail: Record<string, unknown>): string => {
  const subject = detail.model ?? detail.pipeline ?? detail.dataset ?? '';
  const failure = detail.failure as { code?: string; message?: string } | undefined;
  const why = failure === undefined ? '' : `: ${failure.code} ${failure.message ?? ''}`;
  const drift =
    detailType === 'Drift Detected'
      ? `: ${(detail.driftedFeatures as unknown[]).length} features drifted (${Math.round(Number(detail.driftShare) * 100)}%)`
      : '';
  return `[fleet] ${detailType}${subject ? ` ${subject}` : ''}${why}${drift}`.trim();
};

/**
 * The Events API v2 `trigger` body of an event: the summary (at most 1,024 characters), the
 * fleet as source, the severity, the event's time, component/group/class for grouping, the
 * event's identifiers as `custom_details`, and the report link when there is one.
 */
export const pagerDutyTrigger = <T extends FleetDetailType>(input: {
  routingKey: string;
  dedupKey: string;
  stage: string;
  detailType: T;
  detail: FleetDetail<T>;
  severity: SeverityValue;
  timestamp: string;
  reportUrl?: string;
}): PagerDutyTriggerEvent => {
  const detail = input.detail as Record<string, unknown>;
  const customDetails: Record<string, unknown> = { detailType: input.detailType, stage: input.stage };
  for (const field of DETAIL_FIELDS) if (detail[field] !== undefined) customDetails[field] = detail[field];
  const component = String(detail.endpointName ?? detail.model ?? detail.pipeline ?? detail.dataset ?? 'fleet');
  return {
    routing_key: input.routingKey,
    event_action: 'trigger',
    dedup_key: input.dedupKey,
    payload: {
      summary: summaryOf(input.detailType, detail).slice(0, PAGERDUTY_LIMITS.summary),
      source: `fleet-${input.stage}`,
      severity: input.severity,
      timestamp: input.timestamp,
      component,
      group: String(detail.model ?? detail.pipeline ?? 'fleet'),
      class: input.detailType,
      custom_details: customDetails,
    },
    ...(input.reportUrl === undefined ? {} : { links: [{ href: input.reportUrl, text: 'Drift report' }] }),
    client: 'fleet',
  };
};

/** The `resolve` body that closes the incident `dedupKey` opened with the same routing key. */
export const pagerDutyResolve = (routingKey: string, dedupKey: string): PagerDutyEvent => ({
  routing_key: routingKey,
  event_action: 'resolve',
  dedup_key: dedupKey,
});
