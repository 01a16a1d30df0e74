import { performance } from 'node:perf_hooks';

/** How often the real-time clock moves, in wall-clock milliseconds. */
const STEP_MS = 100;

/**
 * Moves a local cloud's clock with wall time, so its timers (schedules, pipeline runs) fire by
 * themselves: what a standalone local cloud needs, where nobody calls `tick`.
 *
 * Every `STEP_MS` it moves the clock by the wall time elapsed since the last move, one move at a
 * time. Wall time is read from `performance.now()`, which the clock's `Date` does not touch. A
 * move that fails (a clock callback threw) is kept in `errors` and written to stderr as one JSON
 * line; the clock keeps running, as AWS keeps firing the next schedule.
 */
export class RealTimeDriver {
  readonly errors: Error[] = [];
  readonly #timer: NodeJS.Timeout;
  #moving?: Promise<void>;
  #last = performance.now();
  #stopped = false;

  constructor(move: (elapsedMs: number) => Promise<unknown>) {
    this.#timer = setInterval(() => {
      if (this.#moving !== undefined || this.#stopped) return;
      const elapsed = Math.floor(performance.now() - this.#last);
      this.#last += elapsed;
      this.#moving = move(elapsed)
        .then(
          () => undefined,
          (error: unknown) => {
            const failure = error instanceof Error ? error : new Error(String(error));
            this.errors.push(failure);
            process.stderr.write(
              `${JSON.stringify({ level: 'ERROR', message: 'the real-time clock could not move', error: failure.message })}\n`,
            );
          },
        )
        .finally(() => {
          this.#moving = undefined;
        });
    }, STEP_MS);
    // Servers keep a standalone cloud alive; the clock alone must not.
    this.#timer.unref();
  }

  /** Stops moving the clock, after the move under way. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#moving;
  }
}
