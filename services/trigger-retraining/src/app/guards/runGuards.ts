import type { SkipReasonValue } from '@fleet/shared';
import type { PipelineRunner, TriggerStore } from '../ports.js';
import { cooldownGuard } from './cooldownGuard.js';
import { debounceGuard } from './debounceGuard.js';
import { defaultClaimLeaseMs, duplicateGuard } from './duplicateGuard.js';
import type { Guard, GuardContext } from './Guard.js';
import { inFlightGuard } from './inFlightGuard.js';
import { modelBusyGuard } from './modelBusyGuard.js';
import { quietHoursGuard } from './quietHoursGuard.js';
import { retrainSeverityGuard } from './retrainSeverityGuard.js';

/**
 * The guards in their fixed order: duplicate, below retrain severity, model busy, quiet hours,
 * in flight, cooldown, debounce.
 *
 * Duplicate comes first so a redelivered trigger is answered as a duplicate whatever else
 * changed since; the two drift guards (which pass every other trigger) come next, so a drift
 * is recorded for what it is (too mild, or its model already under repair) rather than as a
 * quiet-hours or in-flight skip; the cheap clock check comes before the calls to SageMaker and
 * DynamoDB.
 * `claimLeaseMs` is how long the duplicate guard's claim holds if its invocation dies.
 */
export const guardsInOrder = (
  ports: { store: TriggerStore; runner: PipelineRunner },
  claimLeaseMs = defaultClaimLeaseMs,
): Guard[] => [
  duplicateGuard(ports.store, claimLeaseMs),
  retrainSeverityGuard(),
  modelBusyGuard(ports.runner, ports.store),
  quietHoursGuard(),
  inFlightGuard(ports.runner, ports.store),
  cooldownGuard(ports.store),
  debounceGuard(),
];

/**
 * Runs guards one after another and returns the reason of the first that stops the run.
 *
 * `undefined` means every guard let the run through.
 */
export const runGuards = async (
  guards: readonly Guard[],
  context: GuardContext,
): Promise<SkipReasonValue | undefined> => {
  for (const guard of guards) {
    if (await guard.stops(context)) return guard.reason;
  }
  return undefined;
};
