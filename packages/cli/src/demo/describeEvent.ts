import type { EventLogEntry } from '@fleet/local-cloud';
import { decodeS3Key, type FleetConfig } from '@fleet/shared';
import type { TimelineEntry } from './TimelineEntry.js';

type Detail = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : String(value));
const count = (value: unknown): string => (typeof value === 'number' ? value.toLocaleString('en-US') : text(value));
const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The last part of an execution ARN: `churn-retrain/abc123` of `...:pipeline/churn-retrain/execution/abc123`. */
export const executionName = (arn: unknown): string => {
  const match = /pipeline\/([^/]+)\/execution\/([^/]+)$/.exec(text(arn));
  return match ? `${match[1]}/${match[2]}` : text(arn);
};

/** What describing an event may use besides the event: the configuration and the rules' targets. */
export type DescribeEventContext = {
  config?: Pick<FleetConfig, 'pipelines'>;
  /** How to name the function a rule targets (default: the rule name). */
  ruleTarget?: (ruleName: string) => string;
};

const SKIP_REASONS: Record<string, string> = {
  duplicate: 'this trigger already had its run (same ClientRequestToken)',
  'quiet-hours': "inside the pipeline's quiet hours",
  'in-flight': 'a run of the pipeline is still executing',
  cooldown: "the pipeline's last start is within its cooldown",
  debounced: 'waiting for the prefix to stay quiet for the debounce window',
};

const issueLine = (issue: Detail): string => {
  const where = [
    issue.line === undefined ? undefined : `line ${issue.line}`,
    issue.column === undefined ? undefined : `column ${issue.column}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where === '' ? '' : `${where}: `}${text(issue.message)} [${text(issue.code)}]`;
};

const s3Entry = (
  entry: EventLogEntry,
  detail: Detail,
  ruleTarget: (ruleName: string) => string,
): Omit<TimelineEntry, 'at'> => {
  const object = (detail.object ?? {}) as Detail;
  const key = decodeS3Key(text(object.key));
  const size = typeof object.size === 'number' ? `, ${plural(object.size, 'byte')}` : '';
  const targets = entry.matchedRules.map(ruleTarget);
  return {
    service: 's3',
    event: entry.event['detail-type'],
    decision: targets.length === 0 ? 'not watched' : 'delivered',
    why: targets.length === 0 ? `${key}${size}: no rule watches this key` : `${key}${size} → ${targets.join(', ')}`,
  };
};

const sageMakerEntry = (detail: Detail): Omit<TimelineEntry, 'at'> => {
  const status = text(detail.currentPipelineExecutionStatus);
  const started = Date.parse(text(detail.executionStartTime));
  const ended = Date.parse(text(detail.executionEndTime));
  const took =
    Number.isFinite(started) && Number.isFinite(ended) ? `, after ${Math.round((ended - started) / 60000)} min` : '';
  return {
    service: 'sagemaker',
    event: 'Pipeline Status Change',
    decision: status.toLowerCase(),
    why: `${executionName(detail.pipelineExecutionArn)} is ${status}${took}`,
  };
};

/** A model package's short name: `churn/1` of `...:model-package/churn/1`. */
export const packageName = (arn: unknown): string => {
  const match = /model-package\/([^/]+)\/(\d+)$/.exec(text(arn));
  return match ? `${match[1]}/${match[2]}` : text(arn);
};

const APPROVAL_STATUS: Record<string, string> = {
  PendingManualApproval: 'pending approval',
  Approved: 'approved',
  Rejected: 'rejected',
};

const packageEntry = (detail: Detail): Omit<TimelineEntry, 'at'> => {
  const status = text(detail.ModelApprovalStatus);
  const description = text(detail.ApprovalDescription);
  return {
    service: 'sagemaker',
    event: 'Package State Change',
    decision: APPROVAL_STATUS[status] ?? status,
    why: `${packageName(detail.ModelPackageArn)} is ${status}${description === '' ? '' : `: ${description}`}`,
  };
};

const metricsText = (metrics: unknown): string =>
  Object.entries((metrics ?? {}) as Record<string, unknown>)
    .map(([name, value]) => `${name} ${text(value)}`)
    .join(', ');

const who = (detail: Detail): string =>
  detail.decidedByName === undefined
    ? text(detail.decidedBy)
    : `@${text(detail.decidedByName)} (${text(detail.decidedBy)})`;

const endpointEntry = (type: string, detail: Detail): Omit<TimelineEntry, 'at'> => {
  const status = text(detail.EndpointStatus);
  const variants = ((detail.ProductionVariants ?? []) as Detail[])
    .map((variant) => `${text(variant.VariantName)} weight ${text(variant.CurrentWeight)}`)
    .join(', ');
  const pending = (detail.PendingDeploymentSummary as Detail | undefined)?.EndpointConfigName;
  return {
    service: 'sagemaker',
    event: type === 'SageMaker Endpoint State Change' ? 'Endpoint State Change' : 'Endpoint Deployment',
    decision: status.toLowerCase().replace(/_/g, ' '),
    why: `${text(detail.EndpointName)} ${status} on ${text(detail.EndpointConfigName)}${
      pending === undefined ? '' : `, deploying ${text(pending)}`
    }${variants === '' ? '' : ` (${variants})`}${detail.FailureReason === undefined ? '' : `: ${text(detail.FailureReason)}`}`,
  };
};

const alarmEntry = (detail: Detail): Omit<TimelineEntry, 'at'> => {
  const state = (detail.state ?? {}) as Detail;
  const previous = (detail.previousState ?? {}) as Detail;
  return {
    service: 'cloudwatch',
    event: 'Alarm State Change',
    decision: text(state.value).toLowerCase().replace(/_/g, ' '),
    why: `${text(detail.alarmName)}: ${text(previous.value)} → ${text(state.value)}${
      state.reason === undefined ? '' : ` (${text(state.reason)})`
    }`,
  };
};

/**
 * Describes one event of the bus log as a timeline entry: who sent it, the decision it
 * announces and why, in words a person reads without the JSON.
 *
 * Fleet events carry their own reasons (`reason`, `skipReason`, `issues`); S3 and SageMaker
 * events are described from their fields; anything else is shown by source and detail-type.
 */
export const describeEvent = (entry: EventLogEntry, context: DescribeEventContext = {}): TimelineEntry => {
  const { config, ruleTarget = (ruleName: string) => ruleName } = context;
  const { event } = entry;
  const detail = event.detail as Detail;
  const at = entry.receivedAt;
  const correlationId = typeof detail.correlationId === 'string' ? detail.correlationId : undefined;
  const base = { at, ...(correlationId === undefined ? {} : { correlationId }) };
  if (event.source === 'aws.s3') return { ...base, ...s3Entry(entry, detail, ruleTarget) };
  if (event.source === 'aws.sagemaker' && 'currentPipelineExecutionStatus' in detail) {
    return { ...base, ...sageMakerEntry(detail) };
  }
  if (event.source === 'aws.sagemaker' && 'ModelApprovalStatus' in detail) return { ...base, ...packageEntry(detail) };
  if (event.source === 'aws.sagemaker' && 'EndpointStatus' in detail) {
    return { ...base, ...endpointEntry(event['detail-type'], detail) };
  }
  if (event.source === 'aws.cloudwatch' && 'alarmName' in detail) return { ...base, ...alarmEntry(detail) };
  if (event['detail-type'] === 'Scheduled Event') {
    const rule = /rule\/(?:[^/]+\/)?([^/]+)$|schedule\/[^/]+\/([^/]+)$/.exec(event.resources[0] ?? '');
    const targets = entry.matchedRules.map(ruleTarget);
    return {
      ...base,
      service: event.source === 'aws.scheduler' ? 'scheduler' : 'events',
      event: 'Scheduled Event',
      decision: targets.length === 0 ? 'no target' : 'due',
      why: `schedule rule ${rule?.[1] ?? rule?.[2] ?? '?'}${targets.length === 0 ? '' : ` → ${targets.join(', ')}`}`,
    };
  }
  const service = event.source.replace(/^fleet\./, '');
  const type = event['detail-type'];
  switch (type) {
    case 'Dataset Validated':
      return {
        ...base,
        service,
        event: type,
        decision: 'validated',
        why: `${text(detail.key)}: ${count(detail.rows)} rows of dataset ${text(detail.dataset)} pass ${text(detail.contract)}`,
      };
    case 'Dataset Rejected': {
      const counts = Object.entries((detail.issueCounts ?? {}) as Record<string, number>);
      const total = counts.reduce((sum, [, n]) => sum + n, 0);
      return {
        ...base,
        service,
        event: type,
        decision: 'rejected',
        why: `${text(detail.key)}: ${plural(total, 'issue')} against ${text(detail.contract)} (${counts
          .map(([code, n]) => `${code} ×${n}`)
          .join(', ')})`,
        details: ((detail.issues ?? []) as Detail[]).map(issueLine),
      };
    }
    case 'Retraining Skipped': {
      const skipReason = text(detail.skipReason);
      const debounceSeconds = config?.pipelines[text(detail.pipeline)]?.guards.debounceSeconds;
      const why =
        skipReason === 'debounced'
          ? `${text(detail.pipeline)} waits until the prefix has been quiet for ${debounceSeconds ?? 'the debounce window of'}s`
          : `${text(detail.pipeline)}: ${SKIP_REASONS[skipReason] ?? skipReason}; trigger: ${text(detail.reason)}`;
      return { ...base, service, event: type, decision: `skipped: ${skipReason}`, why };
    }
    case 'Retraining Started':
      return {
        ...base,
        service,
        event: type,
        decision: 'started',
        why: `${executionName(detail.executionArn)}: ${text(detail.reason)}`,
      };
    case 'Retraining Succeeded':
      return {
        ...base,
        service,
        event: type,
        decision: 'succeeded',
        why: `${executionName(detail.executionArn)} finished`,
      };
    case 'Retraining Failed': {
      const failure = (detail.failure ?? {}) as Detail;
      return {
        ...base,
        service,
        event: type,
        decision: 'failed',
        why: `${executionName(detail.executionArn) || text(detail.pipeline)}: ${text(failure.code)}: ${text(failure.message)}`,
      };
    }
    case 'Approval Requested': {
      const champion = metricsText(detail.championMetrics);
      return {
        ...base,
        service,
        event: type,
        decision: 'requested',
        why: `${packageName(detail.modelPackageArn)} (approval ${text(detail.approvalId)}): ${metricsText(detail.metrics)} vs ${
          champion === '' ? 'no champion' : `champion ${champion}`
        }; expires ${text(detail.expiresAt).slice(0, 16).replace('T', ' ')} UTC`,
      };
    }
    case 'Approval Decided':
      return {
        ...base,
        service,
        event: type,
        decision: text(detail.decision),
        why: `${packageName(detail.modelPackageArn)} ${text(detail.decision)} by ${who(detail)}: ${text(detail.reason)}`,
      };
    case 'Model Deployed':
      return {
        ...base,
        service,
        event: type,
        decision: 'deployed',
        why: `${packageName(detail.modelPackageArn)} serves on endpoint ${text(detail.endpointName)} (${text(detail.strategy)})`,
      };
    case 'Drift Detected':
    case 'Drift Cleared': {
      const drifted = Array.isArray(detail.driftedFeatures) ? detail.driftedFeatures.map(text) : [];
      const share = typeof detail.driftShare === 'number' ? ` (share ${detail.driftShare.toFixed(2)})` : '';
      return {
        ...base,
        service,
        event: type,
        decision: type === 'Drift Detected' ? text(detail.severity) : `cleared ${text(detail.previousSeverity)}`,
        why: `${text(detail.model)}: ${drifted.length === 0 ? 'nothing drifted' : drifted.join(', ')}${share}; report ${text(detail.reportKey)}`,
      };
    }
    case 'Deployment Failed': {
      const failure = (detail.failure ?? {}) as Detail;
      return {
        ...base,
        service,
        event: type,
        decision: `failed: ${text(failure.code)}`,
        why: `${packageName(detail.modelPackageArn)} on endpoint ${text(detail.endpointName)}: ${text(failure.message)}`,
      };
    }
    default:
      return { ...base, service, event: type, why: `from ${event.source} on ${entry.bus}` };
  }
};
