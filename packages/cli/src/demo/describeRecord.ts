import type { FleetRecord } from '@fleet/shared';
import { executionName, packageName } from './describeEvent.js';
import { clockTime } from './formatTimelineEntry.js';

/** A record as the demo's summary lists it. */
export type RecordLine = {
  at: string;
  pk: string;
  kind: string;
  decision: string;
  why: string;
};

/**
 * Partitions that hold the audit trail; the others (claims, pointers, pending landings, an
 * approval's token, decision lease and deliveries under `APPROVAL#`) are bookkeeping.
 */
const AUDIT_PARTITIONS = /^(DATASET|PIPELINE|MODEL)#/;

/** True for the records an operator reads as the history (not idempotency claims, pointers or pending landings). */
export const isAuditRecord = (record: FleetRecord): boolean => AUDIT_PARTITIONS.test(record.pk);

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/**
 * Says what one audit record holds: a validation's verdict on which object, or a trigger's
 * decision, why, and how its run ended.
 */
export const describeRecord = (record: FleetRecord): RecordLine => {
  const base = { at: record.at, pk: record.pk, kind: record.kind };
  if (record.kind === 'validation') {
    const issues = Object.values((record.issueCounts ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0);
    return {
      ...base,
      decision: text(record.verdict),
      why: `${text(record.key)}: ${text(record.rows)} rows, ${issues} issue${issues === 1 ? '' : 's'} against ${text(record.contract)}`,
    };
  }
  if (record.kind === 'trigger') {
    const decision = record.skipReason === undefined ? text(record.decision) : `skipped: ${text(record.skipReason)}`;
    const run =
      record.executionArn === undefined
        ? ''
        : `${executionName(record.executionArn)}${
            record.executionStatus === undefined
              ? ''
              : ` ${text(record.executionStatus).toLowerCase()} at ${clockTime(text(record.executionEndedAt))}`
          }; `;
    const failure = record.failure as { code?: string; message?: string } | undefined;
    return {
      ...base,
      decision,
      why: `${run}${failure === undefined ? '' : `${text(failure.code)}: ${text(failure.message)}; `}${text(record.reason)}`,
    };
  }
  if (record.kind === 'approval') {
    const who =
      record.decidedBy === undefined
        ? ''
        : ` by ${record.decidedByName === undefined ? text(record.decidedBy) : `@${text(record.decidedByName)}`}`;
    return {
      ...base,
      decision: text(record.decision ?? record.state),
      why: `${packageName(record.modelPackageArn)}${who}: ${text(record.description ?? record.reason ?? record.state)}`,
    };
  }
  if (record.kind === 'deployment') {
    return {
      ...base,
      decision: text(record.decision),
      why: `${packageName(record.modelPackageArn)} on endpoint ${text(record.endpointName)}${
        record.strategy === undefined ? '' : ` (${text(record.strategy)})`
      }${record.reason === undefined ? '' : `: ${text(record.reason)}`}`,
    };
  }
  if (record.kind === 'drift') {
    const drifted = Array.isArray(record.driftedFeatures) ? record.driftedFeatures.map(text) : [];
    const rows = (record.rows ?? {}) as { predictions?: unknown };
    return {
      ...base,
      decision: `${text(record.status)}${record.severity === undefined ? '' : ` (${text(record.severity)})`}`,
      why: `${text(rows.predictions)} predictions; ${drifted.length === 0 ? 'nothing drifted' : `drifted: ${drifted.join(', ')}`}${
        record.reason === undefined ? '' : `; ${text(record.reason)}`
      }`,
    };
  }
  return { ...base, decision: text(record.status ?? record.decision), why: text(record.reason ?? record.id) };
};
