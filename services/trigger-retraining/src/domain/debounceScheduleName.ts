import { createHash } from 'node:crypto';

/**
 * The name of the one-time schedule that ends the debounce window of a pipeline's prefix.
 *
 * Deterministic, so every landing under the prefix (re)arms the same schedule; within
 * Scheduler's limits (at most 64 characters of `[0-9a-zA-Z-_.]`) whatever the pipeline name
 * and prefix, the prefix entering only through its hash.
 */
export const debounceScheduleName = (pipeline: string, prefix: string): string => {
  const hash = createHash('sha256').update(`${pipeline}\n${prefix}`).digest('hex').slice(0, 20);
  const readable = pipeline.replace(/[^0-9a-zA-Z-_.]+/g, '-').slice(0, 64 - 'debounce--'.length - hash.length);
  return `debounce-${readable}-${hash}`;
};

/** The first whole second at or after `ms`: Scheduler's `at()` expressions have second resolution. */
export const ceilToSecond = (ms: number): Date => new Date(Math.ceil(ms / 1000) * 1000);
