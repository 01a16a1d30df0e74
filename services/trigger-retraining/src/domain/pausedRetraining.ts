import type { PauseSwitch } from '@fleet/shared';

/**
 * The switch that pauses a pipeline's retraining, among its models' switches: the one set most
 * recently with `retraining` on, or `undefined` when none pauses it.
 *
 * @example pausedRetraining([{ model: 'churn', retraining: true, ... }]) // that switch
 */
export const pausedRetraining = (switches: readonly PauseSwitch[]): PauseSwitch | undefined =>
  switches
    .filter((s) => s.retraining)
    .reduce<PauseSwitch | undefined>((newest, s) => (newest === undefined || s.at > newest.at ? s : newest), undefined);
