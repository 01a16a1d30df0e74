/**
 * Counts the work of the local Step Functions that will finish by itself (tasks running,
 * executions moving between states), as `RunningStandIn.inFlight` and `drain` report it.
 *
 * Work parked on the clock or on a task token leaves the count while it waits, so `settle`
 * returns and `tick` can move the clock.
 */
export class WorkInFlight {
  #count = 0;
  #idle: (() => void)[] = [];

  get count(): number {
    return this.#count;
  }

  enter(): void {
    this.#count++;
  }

  leave(): void {
    this.#count--;
    if (this.#count > 0) return;
    const waiting = this.#idle;
    this.#idle = [];
    for (const resolve of waiting) resolve();
  }

  /** Resolves when nothing is in flight, a macrotask after the last work left (the library moves between states in microtasks). */
  async drain(): Promise<void> {
    for (;;) {
      if (this.#count > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      if (this.#count === 0) return;
    }
  }
}
