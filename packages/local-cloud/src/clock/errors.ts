/**
 * Thrown by `LocalClock.tick` when one or more callbacks it fired threw.
 *
 * The clock still advances to the requested time and fires every due callback; the failures
 * are collected here so that one broken target does not hide the others.
 */
export class ClockCallbackError extends Error {
  readonly errors: unknown[];

  constructor(errors: unknown[], options?: ErrorOptions) {
    const first = errors[0];
    const detail = first instanceof Error ? first.message : String(first);
    super(`${errors.length} clock callback${errors.length === 1 ? '' : 's'} failed; first: ${detail}`, {
      cause: first,
      ...options,
    });
    this.name = 'ClockCallbackError';
    this.errors = errors;
  }
}

/**
 * Thrown when the clock is asked to move while it is already moving, or backwards.
 *
 * A callback fired by `tick` that calls `tick` again would otherwise interleave two timelines.
 */
export class ClockStateError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClockStateError';
  }
}

/** Thrown when a duration such as `'5m'` or `'PT1H'` cannot be read. */
export class InvalidDurationError extends Error {
  readonly input: unknown;

  constructor(input: unknown, options?: ErrorOptions) {
    super(
      `invalid duration ${JSON.stringify(input)}: expected milliseconds (a non-negative number), ` +
        `a string such as "500ms", "30s", "5m", "1h30m", "2d", or an ISO 8601 duration such as "PT15M"`,
      options,
    );
    this.name = 'InvalidDurationError';
    this.input = input;
  }
}
