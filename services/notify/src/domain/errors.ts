/**
 * A delivery that did not happen. Every notify error derives from it and names the
 * destination and the reason; the message never holds a token or routing key.
 */
export class DeliveryError extends Error {
  /** The destination's own reason (`channel_not_found`, `http_503`, `invalid_event`...). */
  readonly reason: string;

  constructor(message: string, reason: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DeliveryError';
    this.reason = reason;
  }
}

/**
 * A delivery that can never succeed as it is (`channel_not_found`, `not_in_channel`,
 * `invalid_auth`, a PagerDuty 400): recorded as failed with the reason, counted, and sent to the
 * dead-letter path without another call to the destination.
 */
export class PermanentDeliveryError extends DeliveryError {
  constructor(message: string, reason: string, options?: ErrorOptions) {
    super(message, reason, options);
    this.name = 'PermanentDeliveryError';
  }
}

/** A delivery that may succeed later (5xx, a network error, a time-out): retried with backoff, then by Lambda. */
export class TransientDeliveryError extends DeliveryError {
  constructor(message: string, reason: string, options?: ErrorOptions) {
    super(message, reason, options);
    this.name = 'TransientDeliveryError';
  }
}

/** The destination asked to slow down (HTTP 429, Slack's `ratelimited`) for `retryAfterMs`. */
export class RateLimitedError extends DeliveryError {
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, options?: ErrorOptions) {
    super(message, 'ratelimited', options);
    this.name = 'RateLimitedError';
    this.retryAfterMs = retryAfterMs;
  }
}

/** True for an error that must not be retried, including one read back from a failed delivery record. */
export const isPermanent = (error: unknown): boolean =>
  error instanceof PermanentDeliveryError ||
  (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'PermanentDeliveryError');

/** One or more destinations of an event failed; the others were delivered (and stay so on a retry). */
export class DeliveriesFailedError extends Error {
  readonly failures: readonly { destination: string; error: unknown }[];

  constructor(failures: readonly { destination: string; error: unknown }[]) {
    super(
      `${failures.length} deliver${failures.length === 1 ? 'y' : 'ies'} failed: ${failures
        .map((f) => `${f.destination} (${f.error instanceof Error ? f.error.message : String(f.error)})`)
        .join('; ')}`,
    );
    this.name = failures.every((f) => isPermanent(f.error)) ? 'PermanentDeliveryError' : 'DeliveriesFailedError';
    this.failures = failures;
  }
}
