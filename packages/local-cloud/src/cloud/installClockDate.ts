import type { LocalClock } from '../clock/LocalClock.js';

/** Thrown when a second clock tries to take over `Date` while another one holds it. */
export class ClockDateInstalledError extends Error {
  constructor(options?: ErrorOptions) {
    super('Date already follows a local clock: stop the running LocalCloud before starting another', options);
    this.name = 'ClockDateInstalledError';
  }
}

let installed = false;

/**
 * Makes `Date.now()` and `new Date()` follow a LocalClock until the returned function is called.
 *
 * The handlers read the time the way Lambda code does (`new Date()`), so for their guards,
 * debounce windows and records to agree with schedules and pipeline runs fired by `tick`, the
 * process time must be the clock's time. Between two moves of the clock, time runs on at
 * wall-clock speed from the clock's reading (so records written one after the other keep their
 * order), and it never goes backwards. Dates built from explicit values are untouched.
 *
 * @throws ClockDateInstalledError when another clock is already installed
 */
export const installClockDate = (clock: LocalClock): (() => void) => {
  if (installed) throw new ClockDateInstalledError();
  installed = true;
  const RealDate = globalThis.Date;
  const realNow = RealDate.now.bind(RealDate);
  let clockMs = clock.nowMs();
  let since = realNow();
  let last = Number.NEGATIVE_INFINITY;
  const now = (): number => {
    const reading = clock.nowMs();
    if (reading !== clockMs) {
      clockMs = reading;
      since = realNow();
    }
    last = Math.max(last, clockMs + (realNow() - since));
    return last;
  };
  const ClockDate = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, property, receiver) => (property === 'now' ? now : Reflect.get(target, property, receiver)),
  });
  globalThis.Date = ClockDate;
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    globalThis.Date = RealDate;
    installed = false;
  };
};
