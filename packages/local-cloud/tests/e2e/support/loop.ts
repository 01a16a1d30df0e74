import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDuration } from '../../../src/clock/parseDuration.js';
import type { LocalEvent } from '../../../src/eventbridge/LocalEvent.js';
import type { LocalCloud } from '../../../src/LocalCloud.js';

const repoRoot = path.join(__dirname, '..', '..', '..', '..', '..');

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
export const debounceMs = (cloud: LocalCloud): number =>
  cloud.config.pipelines['churn-retrain'].guards.debounceSeconds * 1000;

/** Moves the clock past the debounce window of a landing made now (the schedule is armed to the next whole second). */
export const passDebounceWindow = (cloud: LocalCloud) => cloud.tick(debounceMs(cloud) + 2000);

/** Moves the clock until no pipeline execution is running any more (at most `limit`). */
export const runPipelinesToEnd = async (cloud: LocalCloud, limit = '6h'): Promise<void> => {
  const deadline = cloud.clock.nowMs() + parseDuration(limit);
  while (cloud.executions().some((execution) => execution.status === 'Executing')) {
    const next = cloud.clock.nextAt();
    if (next === undefined || next.getTime() > deadline) {
      throw new Error(`pipeline executions still running at ${cloud.now().toISOString()}`);
    }
    await cloud.tick(next.getTime() - cloud.clock.nowMs());
  }
};
