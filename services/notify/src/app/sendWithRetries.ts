import { FleetMetric } from '@fleet/shared';
import { RateLimitedError, TransientDeliveryError } from '../domain/errors.js';
import type { NotifyPorts } from './ports.js';

/** Options of {@link sendWithRetries}. */
export type RetryOptions = {
  /** The invocation's remaining time in milliseconds. */
  remainingMs: () => number;
  /** Calls in all, the first included. Default 4. */
  maxAttempts?: number;
  /** The first backoff; it doubles at each retry. Default 250 ms. */
  baseDelayMs?: number;
  /** Time kept for recording the outcome after the last call. Default 3 s. */
  reserveMs?: number;
};

/**
 * Calls a destination, waiting out what it asks: a rate limit's `Retry-After` when the
 * invocation has the time left (else the error goes on, as transient, to Lambda's retry and the
 * dead-letter path), a 5xx or network error with bounded exponential backoff. A permanent error
 * is thrown at once.
 *
 * @throws TransientDeliveryError when the retries or the time run out
 * @throws PermanentDeliveryError as the destination answered it
 */
export const sendWithRetries = async <T>(
  call: () => Promise<T>,
  ports: Pick<NotifyPorts, 'sleep' | 'metrics' | 'logger'>,
  options: RetryOptions,
): Promise<T> => {
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 250;
  const reserveMs = options.reserveMs ?? 3000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const rateLimited = error instanceof RateLimitedError;
      if (rateLimited) ports.metrics.addMetric(FleetMetric.NotificationsRateLimited, 'Count', 1);
      if (!(rateLimited || error instanceof TransientDeliveryError)) throw error;
      const waitMs = rateLimited ? error.retryAfterMs : baseDelayMs * 2 ** (attempt - 1);
      const timeLeft = options.remainingMs() - reserveMs;
      if (attempt >= maxAttempts || waitMs > timeLeft) {
        if (rateLimited) {
          throw new TransientDeliveryError(
            `${error.message}; Retry-After ${Math.ceil(waitMs / 1000)} s ${attempt >= maxAttempts ? 'after the last attempt' : 'exceeds the time left'}, left to the retry path`,
            'ratelimited',
            { cause: error },
          );
        }
        throw error;
      }
      ports.logger.debug('waiting before another attempt', {
        attempt,
        waitMs,
        reason: (error as TransientDeliveryError).reason,
      });
      await ports.sleep(waitMs);
    }
  }
};
