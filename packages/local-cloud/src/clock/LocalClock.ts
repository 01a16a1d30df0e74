import { ClockCallbackError, ClockStateError } from './errors.js';
import { type DurationInput, parseDuration } from './parseDuration.js';

/** What a scheduled callback may return; a promise is awaited before the next callback fires. */
export type ClockCallback = () => unknown;

/** A callback registered on the clock; `cancel()` removes it if it has not fired yet. */
export type ClockTimer = {
  readonly id: number;
  /** When the callback is due. */
  readonly at: Date;
  readonly label?: string;
  /** Removes the callback; returns false when it already fired or was cancelled. */
  cancel: () => boolean;
};

/** A pending callback, as `LocalClock.pending()` lists it. */
export type PendingTimer = { id: number; at: Date; label?: string };

/** What one `tick` or `advanceTo` did. */
export type TickResult = {
  /** The clock's time after the move. */
  now: Date;
  /** How many callbacks fired, in the order they fired. */
  fired: number;
};

/** Options of a LocalClock. */
export type LocalClockOptions = {
  /** The starting time (default: the wall-clock time at construction, rounded down to the second). */
  start?: Date | string | number;
};

type Entry = {
  id: number;
  at: number;
  callback: ClockCallback;
  label?: string;
  done: boolean;
};

const toEpochMs = (value: Date | string | number, what: string): number => {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new ClockStateError(`${what} is not a valid time: ${JSON.stringify(value)}`);
  return ms;
};

/**
 * A controllable clock for the local cloud: time moves only when `tick` or `advanceTo` is called.
 *
 * Stand-ins (schedules, pipeline executions) register callbacks with `at`/`after`; `tick` moves
 * time forward and fires every callback that falls due, in time order (registration order for
 * equal times), awaiting each one before the next, with `now()` set to the callback's due time
 * while it runs. Callbacks registered while ticking fire in the same tick when they fall within
 * it. So tests and the demo never wait for wall-clock time and always see the same order.
 */
export class LocalClock {
  #now: number;
  #entries: Entry[] = [];
  #nextId = 1;
  #moving = false;

  constructor(options: LocalClockOptions = {}) {
    this.#now = options.start === undefined ? Math.floor(Date.now() / 1000) * 1000 : toEpochMs(options.start, 'start');
  }

  /** The clock's current time (a fresh Date each call). */
  now(): Date {
    return new Date(this.#now);
  }

  /** The clock's current time in epoch milliseconds. */
  nowMs(): number {
    return this.#now;
  }

  /**
   * Registers `callback` to fire when the clock reaches `when`.
   *
   * A time at or before now is due at once: it fires on the next `tick` (even `tick(0)`).
   */
  at(when: Date | string | number, callback: ClockCallback, options: { label?: string } = {}): ClockTimer {
    const entry: Entry = {
      id: this.#nextId++,
      at: Math.max(toEpochMs(when, 'at'), this.#now),
      callback,
      label: options.label,
      done: false,
    };
    // Insert after every entry due at the same time or earlier: equal times fire in registration order.
    let index = this.#entries.length;
    while (index > 0 && this.#entries[index - 1].at > entry.at) index--;
    this.#entries.splice(index, 0, entry);
    return {
      id: entry.id,
      at: new Date(entry.at),
      label: entry.label,
      cancel: () => this.cancel(entry.id),
    };
  }

  /** Registers `callback` to fire `delay` after now (milliseconds or a duration string). */
  after(delay: DurationInput, callback: ClockCallback, options: { label?: string } = {}): ClockTimer {
    return this.at(this.#now + parseDuration(delay), callback, options);
  }

  /** Cancels a pending callback by timer or id; returns false when it already fired or is unknown. */
  cancel(timer: ClockTimer | number): boolean {
    const id = typeof timer === 'number' ? timer : timer.id;
    const index = this.#entries.findIndex((entry) => entry.id === id);
    if (index < 0) return false;
    this.#entries[index].done = true;
    this.#entries.splice(index, 1);
    return true;
  }

  /** The pending callbacks in the order they will fire. */
  pending(): PendingTimer[] {
    return this.#entries.map((entry) => ({ id: entry.id, at: new Date(entry.at), label: entry.label }));
  }

  /** When the next pending callback is due, or undefined when none is pending. */
  nextAt(): Date | undefined {
    return this.#entries.length === 0 ? undefined : new Date(this.#entries[0].at);
  }

  /**
   * Moves time forward by `duration` and fires everything that falls due, in time order.
   *
   * @throws ClockCallbackError after the move when a callback threw (the others still fired).
   * @throws ClockStateError when called while the clock is already moving.
   */
  async tick(duration: DurationInput = 0): Promise<TickResult> {
    return this.advanceTo(this.#now + parseDuration(duration));
  }

  /**
   * Moves time forward to `target` and fires everything due up to and including it.
   *
   * @throws ClockStateError when `target` is before now or the clock is already moving.
   * @throws ClockCallbackError after the move when a callback threw.
   */
  async advanceTo(target: Date | string | number): Promise<TickResult> {
    const targetMs = toEpochMs(target, 'target');
    if (targetMs < this.#now) {
      throw new ClockStateError(
        `cannot move the clock back from ${new Date(this.#now).toISOString()} to ${new Date(targetMs).toISOString()}`,
      );
    }
    if (this.#moving) {
      throw new ClockStateError('the clock is already moving: a callback fired by tick must not call tick again');
    }
    this.#moving = true;
    const errors: unknown[] = [];
    let fired = 0;
    try {
      while (this.#entries.length > 0 && this.#entries[0].at <= targetMs) {
        const entry = this.#entries.shift()!;
        entry.done = true;
        this.#now = Math.max(this.#now, entry.at);
        fired++;
        try {
          await entry.callback();
        } catch (error) {
          errors.push(error);
        }
      }
      this.#now = targetMs;
    } finally {
      this.#moving = false;
    }
    if (errors.length > 0) throw new ClockCallbackError(errors);
    return { now: new Date(this.#now), fired };
  }
}
