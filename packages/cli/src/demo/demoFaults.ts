import { DEFAULT_MAX_CONSECUTIVE_FAULTS, type FaultSummary, type SlackInteractionResult } from '@fleet/local-cloud';
import type { DemoScenario } from './demoScenarios.js';

/** The seed of `fleet demo --scenario faults` unless `--seed` says otherwise. */
export const DEFAULT_FAULT_SEED = 1;

/**
 * How many times the demo's own calls (the Slack click, InvokeEndpoint) try, as a real client
 * retries a throttle or a 5xx: one more than the faults one request meets in a row at most.
 */
export const DRIVER_MAX_ATTEMPTS = DEFAULT_MAX_CONSECUTIVE_FAULTS + 1;

/** What the faults scenario reports besides the demo's report: the faults injected and what became of them. */
export type DemoFaults = FaultSummary & {
  /** Invocations that failed every attempt, with why (the dead letter's error). */
  deadLetters: { functionName: string; eventId?: string; detailType?: string; error: string; attempts: number }[];
  /** Rule targets EventBridge could not deliver to, with why. */
  failedDeliveries: { ruleName: string; eventId: string; error: string }[];
};

/**
 * Sends a Slack click again while the answer is a throttle (429) or a server error (5xx), as a
 * person clicks again when Slack says the app did not respond; at most {@link DRIVER_MAX_ATTEMPTS} times.
 */
export const clickUntilAnswered = async (
  click: () => Promise<SlackInteractionResult>,
): Promise<SlackInteractionResult> => {
  let result = await click();
  for (let attempt = 1; attempt < DRIVER_MAX_ATTEMPTS && isTransientStatus(result.status); attempt++) {
    result = await click();
  }
  return result;
};

const isTransientStatus = (status: number) => status === 429 || status >= 500;

/**
 * The local cloud's `faults` for a scenario and the `--seed` given: `{ faults: { seed } }` for the
 * faults scenario (default seed {@link DEFAULT_FAULT_SEED}), nothing for the others; a message
 * saying what is wrong when the seed is not a whole number or is given to another scenario.
 */
export const faultOptions = (
  scenario: DemoScenario,
  seed: string | undefined,
): { faults?: { seed: number } } | string => {
  if (!scenario.faults) {
    return seed === undefined ? {} : `--seed ${seed} only applies to --scenario faults, not ${scenario.name}`;
  }
  if (seed === undefined) return { faults: { seed: DEFAULT_FAULT_SEED } };
  if (!/^-?\d+$/.test(seed) || !Number.isSafeInteger(Number(seed)))
    return `--seed must be a whole number, not ${JSON.stringify(seed)}`;
  return { faults: { seed: Number(seed) } };
};
