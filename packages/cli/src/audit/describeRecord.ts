import type { FleetRecord } from '@fleet/shared';
import { executionName, packageName, targetName } from './resourceNames.js';

/** One audit record as a line: when, in which history, what kind, the decision, and why. */
export type RecordLine = {
  at: string;
  pk: string;
  kind: string;
  decision: string;
  why: string;
};

/** How many of a rejected dataset's issues a line names. */
const FIRST_ISSUES = 3;

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
/** `; <text>` when there is text, else nothing: the optional tail of a why. */
const tail = (value: unknown, separator = '; '): string => (text(value) === '' ? '' : `${separator}${text(value)}`);

type Issue = { code?: unknown; message?: unknown; line?: unknown; column?: unknown };

const issueText = (issue: Issue): string => {
  const place = [
    issue.line === undefined ? undefined : `line ${text(issue.line)}`,
    issue.column === undefined ? undefined : `column ${text(issue.column)}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${text(issue.code)}${place === '' ? '' : ` (${place})`}: ${text(issue.message)}`;
};

const validation = (record: FleetRecord): Pick<RecordLine, 'decision' | 'why'> => {
  const issues = Object.values((record.issueCounts ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0);
  const first = Array.isArray(record.issues) ? (record.issues as Issue[]).slice(0, FIRST_ISSUES) : [];
  return {
    decision: text(record.verdict),
    why: `${text(record.key)}: ${text(record.rows)} rows, ${plural(issues, 'issue')} against ${text(record.contract)}${
      record.verdict === 'rejected' && first.length > 0 ? `; first: ${first.map(issueText).join('; ')}` : ''
    }`,
  };
};

const trigger = (record: FleetRecord): Pick<RecordLine, 'decision' | 'why'> => {
  const decision = record.skipReason === undefined ? text(record.decision) : `skipped: ${text(record.skipReason)}`;
  const ended =
    record.executionStatus === undefined
      ? ''
      : ` ${text(record.executionStatus).toLowerCase()} at ${text(record.executionEndedAt)}`;
  const run = record.executionArn === undefined ? '' : `${executionName(record.executionArn)}${ended}; `;
  const failure = record.failure as { code?: string; message?: string } | undefined;
  return {
    decision,
    why: `${run}${failure === undefined ? '' : `${text(failure.code)}: ${text(failure.message)}; `}${text(record.reason)}`,
  };
};

const approval = (record: FleetRecord): Pick<RecordLine, 'decision' | 'why'> => {
  const who =
    record.decidedBy === undefined
      ? ''
      : ` by ${record.decidedByName === undefined ? text(record.decidedBy) : `@${text(record.decidedByName)}`}`;
  return {
    decision: text(record.decision ?? record.state),
    why: `${packageName(record.modelPackageArn)}${who}: ${text(record.description ?? record.reason ?? record.state)}`,
  };
};

const deployment = (record: FleetRecord): Pick<RecordLine, 'decision' | 'why'> => {
  const rollback =
    record.trigger === 'rollback'
      ? `rollback requested by ${text(record.requestedBy)}${tail(record.previousModelPackageArn === undefined ? undefined : packageName(record.previousModelPackageArn), ', replacing ')}: `
      : '';
  const strategy = record.strategy === undefined ? '' : ` (${text(record.strategy)})`;
  return {
    decision: text(record.decision),
    why: `${rollback}${packageName(record.modelPackageArn)} on endpoint ${text(record.endpointName)}${strategy}${tail(
      record.message ?? record.reason,
      ': ',
    )}`,
  };
};

const drift = (record: FleetRecord): Pick<RecordLine, 'decision' | 'why'> => {
  const drifted = Array.isArray(record.driftedFeatures) ? record.driftedFeatures.map(text) : [];
  const rows = (record.rows ?? {}) as { predictions?: unknown };
  return {
    decision: `${text(record.status)}${record.severity === undefined ? '' : ` (${text(record.severity)})`}`,
    why: `${rows.predictions === undefined ? '' : `${text(rows.predictions)} predictions; `}${
      drifted.length === 0 ? 'nothing drifted' : `drifted: ${drifted.join(', ')}`
    }${tail(record.missingLink === undefined ? undefined : `missing link: ${text(record.missingLink)}`)}${tail(record.reason)}`,
  };
};

const pause = (record: FleetRecord): Pick<RecordLine, 'decision' | 'why'> => {
  const lever = (on: unknown) => (on === true ? 'paused' : 'running');
  return {
    decision: text(record.decision),
    why: `by ${text(record.by)}: retraining ${lever(record.retraining)}, deployment ${lever(record.deployment)}${tail(
      record.reason,
    )}`,
  };
};

const redrive = (record: FleetRecord): Pick<RecordLine, 'decision' | 'why'> => {
  const error = [record.errorCode, record.errorMessage].map(text).filter(Boolean).join(': ');
  return {
    decision: text(record.decision),
    why: `by ${text(record.by)}: ${text(record.source)} dead letter to ${targetName(record.target)}${tail(
      error === '' ? undefined : `it had failed with ${error}`,
    )}`,
  };
};

const DESCRIBERS: Partial<Record<string, (record: FleetRecord) => Pick<RecordLine, 'decision' | 'why'>>> = {
  validation,
  trigger,
  approval,
  deployment,
  drift,
  pause,
  redrive,
};

/**
 * Says what one audit record holds, as the operator reads it in `fleet history`, `fleet trace`
 * and the demo's summary: a validation's verdict on which object (and a rejection's first
 * issues); a trigger's decision, the guard that skipped it, and how its run ended; a drift
 * verdict, its severity and drifted features; an approval's decision and by whom; a deployment
 * or rollback and its endpoint; an operator's pause or resume; a redrive of a dead letter.
 *
 * A kind it does not know is shown by its `status` or `decision` and `reason`, never dropped.
 */
export const describeRecord = (record: FleetRecord): RecordLine => {
  const base = { at: record.at, pk: record.pk, kind: record.kind };
  const describe = DESCRIBERS[record.kind];
  if (describe !== undefined) return { ...base, ...describe(record) };
  return { ...base, decision: text(record.status ?? record.decision), why: text(record.reason ?? record.id) };
};
