import type { SkipReasonValue } from '@fleet/shared';
import type { PipelineRunner, TriggerStore } from '../ports.js';
import { cooldownGuard } from './cooldownGuard.js';
import { debounceGuard } from './debounceGuard.js';
import { defaultClaimLeaseMs, duplicateGuard } from './duplicateGuard.js';
import type { Guard, GuardContext } from './Guard.js';
import { inFlightGuard } from './inFlightGuard.js';
import { modelBusyGuard } from './modelBusyGuard.js';
import { pausedGuard } from './pausedGuard.js';
import { quietHoursGuard } from './quietHoursGuard.js';
import { retrainSeverityGuard } from './retrainSeverityGuard.js';

/**
 * The guards in their fixed order: duplicate, paused, below retrain severity, model busy, quiet
 * hours, in flight, cooldown, debounce.
 *
 * Duplicate comes first so a redelivered trigger is answered as a duplicate whatever else
 * changed since (and a paused skip holds the claim, so its redelivery is a duplicate too, not a
 * second skip); paused comes next, because an operator's pause is the reason that matters
 * while it holds, whatever the other guards would say, and it costs one read; the two drift guards (which pass every other trigger) come next, so a drift
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
  pausedGuard(ports.store),
  retrainSeverityGuard(),
  modelBusyGuard(ports.runner, ports.store),
  quietHoursGuard(),
  inFlightGuard(ports.runner, ports.store),
  cooldownGuard(ports.store),
  debounceGuard(),
];

/** Why a run was stopped: the first stopping guard's reason, and what it said about it. */
export type GuardVerdict = { reason: SkipReasonValue; details?: Record<string, string> };

/**
 * Runs guards one after another and returns the verdict of the first that stops the run.
 *
 * `undefined` means every guard let the run through.
 */
export const firstStop = async (guards: readonly Guard[], context: GuardContext): Promise<GuardVerdict | undefined> => {
  for (const guard of guards) {
    const stop = await guard.stops(context);
    if (stop === true) return { reason: guard.reason };
    if (stop !== false) return { reason: guard.reason, details: stop.details };
  }
  return undefined;
};

/**
 * Runs guards one after another and returns the reason of the first that stops the run.
 *
 * `undefined` means every guard let the run through.
 */
export const runGuards = async (
  guards: readonly Guard[],
  context: GuardContext,
): Promise<SkipReasonValue | undefined> => (await firstStop(guards, context))?.reason;
