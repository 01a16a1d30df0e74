import { ConfigError } from '@fleet/shared';
import type { DebounceScheduler } from '../../app/ports.js';

/**
 * A debounce scheduler that explains why there is none: for functions that never debounce, or
 * whose scheduler variables are missing.
 *
 * @throws ConfigError with `why` when asked to arm a schedule
 */
export const unavailableScheduler = (why: string): DebounceScheduler => ({
  arm: async () => {
    throw new ConfigError('environment', why);
  },
});
