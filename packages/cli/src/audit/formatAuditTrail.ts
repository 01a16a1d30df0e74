import type { FleetRecord } from '@fleet/shared';
import { describeRecord, type RecordLine } from './describeRecord.js';

/** A record as `--json` prints it: the record as stored, with its one-line `summary` (`<decision>: <why>`). */
export type SummarizedRecord = FleetRecord & { summary: string };

const summaryOf = (line: RecordLine): string => `${line.decision}: ${line.why}`;

/**
 * Adds to each record its one-line summary, as `fleet history --json` and `fleet trace --json`
 * print them.
 */
export const summarizeRecords = (records: FleetRecord[]): SummarizedRecord[] =>
  records.map((record) => ({ ...record, summary: summaryOf(describeRecord(record)) }));

/**
 * Formats records as aligned text, one line each: time, partition, kind, decision, why.
 * An empty list prints nothing; the caller says what was empty.
 */
export const formatAuditTrail = (records: FleetRecord[]): string[] => {
  const lines = records.map(describeRecord);
  const width = (field: 'pk' | 'kind' | 'decision') => Math.max(0, ...lines.map((line) => line[field].length));
  const [pk, kind, decision] = [width('pk'), width('kind'), width('decision')];
  return lines.map((line) =>
    [line.at, line.pk.padEnd(pk), line.kind.padEnd(kind), line.decision.padEnd(decision), line.why]
      .join('  ')
      .trimEnd(),
  );
};
