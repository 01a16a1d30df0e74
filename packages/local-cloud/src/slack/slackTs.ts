/**
 * A Slack message timestamp (`ts`) for a time in milliseconds: Unix seconds, a dot and six
 * digits of microseconds, e.g. `1764576000.000123`.
 *
 * Slack's `ts` identifies a message within its channel, so callers keep them increasing (see
 * `SlackTsSequence`); this only formats.
 */
export const slackTs = (microseconds: bigint): string => {
  const seconds = microseconds / 1_000_000n;
  const fraction = microseconds % 1_000_000n;
  return `${seconds}.${fraction.toString().padStart(6, '0')}`;
};

/**
 * Hands out strictly increasing `ts` values from a clock's milliseconds: two messages in the same
 * millisecond get consecutive microseconds, as Slack never gives two messages of a channel one `ts`.
 */
export class SlackTsSequence {
  #last = -1n;

  next(nowMs: number): string {
    let micros = BigInt(Math.floor(nowMs)) * 1000n;
    if (micros <= this.#last) micros = this.#last + 1n;
    this.#last = micros;
    return slackTs(micros);
  }
}
