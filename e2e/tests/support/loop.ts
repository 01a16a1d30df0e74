import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FleetCloud } from '@fleet/cli/local';
import type { LocalCloud, LocalEvent } from '@fleet/local-cloud';

const repoRoot = path.join(__dirname, '..', '..', '..');
const HOUR_MS = 3_600_000;

/** The churn training data of the examples, as it would land. */
export const churnBaseline = (): string =>
  readFileSync(path.join(repoRoot, 'examples/datasets/churn_baseline.csv'), 'utf8');

/** The churn file with planted faults that `fleet demo` lands (see examples/demo/README.md). */
export const churnBroken = (): string => readFileSync(path.join(repoRoot, 'examples/demo/churn_broken.csv'), 'utf8');

/** A valid churn file of the baseline's rows `from` to `to` (1-based, inclusive), header included. */
export const churnRows = (from: number, to: number): string => {
  const [header, ...rows] = churnBaseline().trimEnd().split('\n');
  return `${[header, ...rows.slice(from - 1, to)].join('\n')}\n`;
};

/** The events of one detail-type the buses received, in order. */
export const eventsOf = (cloud: LocalCloud, detailType: string): LocalEvent[] =>
  cloud
    .events()
    .map((entry) => entry.event)
    .filter((event) => event['detail-type'] === detailType);

/** The debounce window of the churn pipeline, from the configuration the functions read. */
export const debounceMs = (fleet: FleetCloud): number =>
  fleet.config.pipelines['churn-retrain'].guards.debounceSeconds * 1000;

/**
 * Moves the clock past the debounce window of a landing made now, as `fleet demo` does.
 *
 * Between moves the clock runs at wall speed, so the first landing of a process, whose handlers
 * load cold, is decided a few seconds after it lands; the schedule is then armed to the next
 * whole second after that.
 */
export const passDebounceWindow = (fleet: FleetCloud) => fleet.cloud.tick(debounceMs(fleet) + DEBOUNCE_MARGIN_MS);

/**
 * How far past the debounce window `passDebounceWindow` moves: cold handlers on a busy machine
 * can take tens of seconds of wall time (hence of clock time) before the schedule is armed.
 */
const DEBOUNCE_MARGIN_MS = 60_000;

/** Moves the clock until no pipeline execution is running any more (at most `limit`). */
export const runPipelinesToEnd = async (cloud: LocalCloud, limitMs = 6 * HOUR_MS): Promise<void> => {
  const deadline = cloud.clock.nowMs() + limitMs;
  while (cloud.executions().some((execution) => execution.status === 'Executing')) {
    const next = cloud.clock.nextAt();
    if (next === undefined || next.getTime() > deadline) {
      throw new Error(`pipeline executions still running at ${cloud.now().toISOString()}`);
    }
    await cloud.tick(next.getTime() - cloud.clock.nowMs());
  }
};
