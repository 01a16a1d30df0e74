import type { Guard } from './Guard.js';

/**
 * The debounce guard: holds back a dataset landing while its pipeline debounces landings.
 *
 * Debounce is trailing-edge: each landing (re)arms a one-time schedule for its prefix, and
 * only the schedule's firing (a request marked `debounced`) passes, once the prefix has been
 * quiet for `debounceSeconds`. Triggers other than landings are never debounced.
 */
export const debounceGuard = (): Guard => ({
  reason: 'debounced',
  stops: ({ request, settings }) =>
    request.landing !== undefined && request.debounced !== true && settings.guards.debounceSeconds > 0,
});
