import type { FleetDetail, FleetDetailType } from '@fleet/shared';
import { PAGERDUTY_LIMITS } from './PagerDutyEvent.js';

/**
 * What one PagerDuty incident is about, for the fleet: a model's drift, an endpoint's
 * deployment, a pipeline's retraining. A resolving event closes every open incident of its scope.
 */
export type IncidentScope = `drift#${string}` | `deployment#${string}` | `retraining#${string}` | `event#${string}`;

/** Lower-case letters, digits and `-` only, so a key reads the same everywhere. */
const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const bounded = (key: string): string => key.slice(0, PAGERDUTY_LIMITS.dedupKey);

/**
 * The incident an event opens: its scope and its dedup key, stable per incident so that a
 * repeated event updates the open incident instead of opening another.
 *
 * - drift: `fleet-<stage>-drift-<model>`, one incident per model until `Drift Cleared`;
 * - a failed deployment: `fleet-<stage>-deployment-<endpoint>-<package version>`, per package;
 * - a failed retraining: per pipeline execution (or per event when it never started);
 * - anything else a rule pages for: per event.
 */
export const incidentOf = <T extends FleetDetailType>(
  stage: string,
  detailType: T,
  detail: FleetDetail<T>,
): { scope: IncidentScope; dedupKey: string } => {
  const d = detail as Record<string, unknown>;
  switch (detailType) {
    case 'Drift Detected':
      return { scope: `drift#${d.model}`, dedupKey: bounded(`fleet-${stage}-drift-${d.model}`) };
    case 'Deployment Failed': {
      const version = String(d.modelPackageArn).split('/').pop();
      return {
        scope: `deployment#${d.endpointName}`,
        dedupKey: bounded(`fleet-${stage}-deployment-${d.endpointName}-${slug(String(version))}`),
      };
    }
    case 'Retraining Failed': {
      const execution = typeof d.executionArn === 'string' ? d.executionArn.split('/').pop() : d.eventKey;
      return {
        scope: `retraining#${d.pipeline}`,
        dedupKey: bounded(`fleet-${stage}-retraining-${d.pipeline}-${slug(String(execution))}`),
      };
    }
    default:
      return { scope: `event#${d.eventKey}`, dedupKey: bounded(`fleet-${stage}-${slug(detailType)}-${d.eventKey}`) };
  }
};

/**
 * The incidents a resolving event closes: a model's drift on `Drift Cleared`, an endpoint's
 * failed deployments on `Model Deployed`; `undefined` for an event that resolves nothing.
 */
export const resolvedScopeOf = <T extends FleetDetailType>(
  detailType: T,
  detail: FleetDetail<T>,
): IncidentScope | undefined => {
  const d = detail as Record<string, unknown>;
  if (detailType === 'Drift Cleared') return `drift#${d.model}`;
  if (detailType === 'Model Deployed') return `deployment#${d.endpointName}`;
  return undefined;
};
