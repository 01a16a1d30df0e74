import { createHash } from 'node:crypto';

/**
 * The name of the one-time schedule that closes a channel's digest window: deterministic per
 * channel, within Scheduler's limits (at most 64 characters of `[0-9a-zA-Z-_.]`).
 */
export const digestScheduleName = (channel: string): string => {
  const hash = createHash('sha256').update(channel).digest('hex').slice(0, 16);
  const readable = channel.replace(/[^0-9a-zA-Z-_.]+/g, '-').slice(0, 64 - 'digest--'.length - hash.length);
  return `digest-${readable}-${hash}`;
};

/** The first whole second at or after `ms`: Scheduler's `at()` expressions have second resolution. */
export const ceilToSecond = (ms: number): Date => new Date(Math.ceil(ms / 1000) * 1000);
