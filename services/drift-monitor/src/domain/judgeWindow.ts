import type { DriftResult } from '@fleet/drift';
import type { DriftSeverityValue } from '@fleet/shared';

/** What the model's previous judged window came to (`insufficient_data` and unresolved windows are skipped). */
export type PreviousVerdict = { status: 'drift' | 'no_drift'; severity?: DriftSeverityValue; streak: number };

/** The verdict on one window, with what to announce. */
export type WindowVerdict = {
  status: DriftResult['status'];
  severity?: DriftSeverityValue;
  /** Consecutive drifted windows up to and including this one. */
  streak: number;
  /** `detected`: Drift Detected; `cleared`: Drift Cleared (from `previousSeverity`); `none`: nothing. */
  announce: 'detected' | 'cleared' | 'none';
  previousSeverity?: DriftSeverityValue;
  /** Why the severity is what it is. */
  why: string[];
};

/**
 * Turns a drift result into the window's verdict, with persistence.
 *
 * A drifted window is `critical` when a critical feature drifted or quality fell (the result's
 * own severity), or when it is the `persistence`-th drifted window in a row; else `warning`.
 * A clear window after a drifted one is announced as cleared, a repeated clear is silent.
 * `insufficient_data` announces nothing and leaves the streak as it was, so a quiet night
 * neither breaks nor extends a run of drifted windows.
 */
export const judgeWindow = (
  result: Pick<DriftResult, 'status' | 'severity'>,
  previous: PreviousVerdict | undefined,
  persistence: number,
): WindowVerdict => {
  const before = previous?.status === 'drift' ? previous.streak : 0;
  if (result.status === 'insufficient_data') {
    return { status: result.status, streak: before, announce: 'none', why: ['too little data: nothing announced'] };
  }
  if (result.status === 'no_drift') {
    return previous?.status === 'drift'
      ? {
          status: result.status,
          streak: 0,
          announce: 'cleared',
          ...(previous.severity === undefined ? {} : { previousSeverity: previous.severity }),
          why: [`clear after ${before} drifted window(s)`],
        }
      : { status: result.status, streak: 0, announce: 'none', why: ['no drift'] };
  }
  const streak = before + 1;
  const why: string[] = [];
  if (result.severity === 'critical') why.push('a critical feature drifted or quality fell beyond its allowance');
  if (streak >= persistence) why.push(`drift persisted ${streak} window(s) in a row (persistence ${persistence})`);
  const severity: DriftSeverityValue = why.length > 0 ? 'critical' : 'warning';
  if (why.length === 0) why.push(`drifted window ${streak} of the ${persistence} that make drift critical`);
  return { status: result.status, severity, streak, announce: 'detected', why };
};
