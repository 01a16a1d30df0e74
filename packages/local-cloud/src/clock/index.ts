export { ClockCallbackError, ClockStateError, InvalidDurationError } from './errors.js';
export {
  type ClockCallback,
  type ClockTimer,
  LocalClock,
  type LocalClockOptions,
  type PendingTimer,
  type TickResult,
} from './LocalClock.js';
export { type DurationInput, parseDuration } from './parseDuration.js';
